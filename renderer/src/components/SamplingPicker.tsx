import { Badge, Button, Checkbox, Group, Input, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SamplingCandidate } from '#shared/domain/checklist';
import { useOp } from '../api/ops';
import { LoadError } from './LoadState';

interface SamplingPickerProps {
  clientId: string;
  templateId: string;
  /** null until the candidates are known; then starts with the always-sampled ones. */
  value: string[] | null;
  onChange: (refs: string[]) => void;
  error?: string;
}

function byGroup(items: SamplingCandidate[]) {
  const groups = new Map<string, { title: string; items: SamplingCandidate[] }>();
  for (const c of items) {
    const g = groups.get(c.groupId) ?? { title: c.groupTitle, items: [] };
    g.items.push(c);
    groups.set(c.groupId, g);
  }
  return [...groups.entries()];
}

/**
 * Surveillance audits sample part of the ISMS. Internal audit, management
 * review and improvement are always in; what earlier audits of the cycle left
 * out is suggested.
 */
export function SamplingPicker({ clientId, templateId, value, onChange, error }: SamplingPickerProps) {
  const { t } = useTranslation('components');
  const candidates = useOp(
    'audits.samplingCandidates',
    { clientId, ...(templateId ? { templateId } : {}) },
    { enabled: clientId !== '' },
  );
  const items = useMemo(() => candidates.data?.items ?? [], [candidates.data]);
  const preselected = useMemo(() => items.filter((c) => c.preselected).map((c) => c.ref), [items]);
  const suggested = useMemo(() => items.filter((c) => c.suggested).map((c) => c.ref), [items]);

  useEffect(() => {
    if (value === null && candidates.data) onChange(preselected);
  }, [value, candidates.data, preselected, onChange]);

  if (!clientId) {
    return (
      <Text size="sm" c="dimmed">
        {t('sampling.chooseClientFirst')}
      </Text>
    );
  }
  if (candidates.error && !candidates.data) return <LoadError error={candidates.error} onRetry={candidates.reload} />;
  if (!candidates.data) return <Text size="sm">{t('sampling.loading')}</Text>;

  const chosen = new Set(value ?? preselected);
  const toggle = (ref: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(ref);
    else next.delete(ref);
    onChange(items.map((c) => c.ref).filter((r) => next.has(r)));
  };
  const union = (refs: string[]) => onChange(items.map((c) => c.ref).filter((r) => chosen.has(r) || refs.includes(r)));

  return (
    <Input.Wrapper
      label={t('sampling.label')}
      labelElement="div"
      description={t('sampling.description', { chosen: chosen.size, total: items.length })}
      error={error}
      id="audit-sampling"
    >
      <Group gap="xs" my="xs">
        <Button size="xs" variant="light" onClick={() => union(suggested)} disabled={suggested.length === 0}>
          {t('sampling.selectSuggested', { count: suggested.length })}
        </Button>
        <Button size="xs" variant="default" onClick={() => onChange(preselected)}>
          {t('sampling.onlyRequired')}
        </Button>
        <Button size="xs" variant="default" onClick={() => onChange(items.map((c) => c.ref))}>
          {t('sampling.selectAll')}
        </Button>
      </Group>
      <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
        <Stack gap="sm">
          {byGroup(items).map(([groupId, g]) => (
            <fieldset key={groupId} style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" size="sm" fw={600} mb={4}>
                {g.title}
              </Text>
              <Stack gap={4}>
                {g.items.map((c) => (
                  <Checkbox
                    key={c.ref}
                    checked={chosen.has(c.ref)}
                    onChange={(e) => toggle(c.ref, e.currentTarget.checked)}
                    label={
                      <Group gap={6} component="span">
                        <span>
                          {c.number} {c.title}
                        </span>
                        {c.preselected && (
                          <Badge size="xs" variant="light">
                            {t('sampling.always')}
                          </Badge>
                        )}
                        {c.suggested && (
                          <Badge size="xs" variant="light" color="orange">
                            {t('sampling.notCovered')}
                          </Badge>
                        )}
                      </Group>
                    }
                  />
                ))}
              </Stack>
            </fieldset>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Input.Wrapper>
  );
}
