import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, SampledRecordInput } from '#shared/domain/checklist';

interface Row {
  key: string;
  /** Known once the server has stored the record; sent back so it keeps its identity. */
  id?: string;
  identifier: string;
  description: string;
}

const toRows = (samples: ChecklistItem['samples']): Row[] => samples.map((s) => ({ key: s.id, ...s }));

/** Rows without an identifier are still being typed: they are kept on screen but not sent. */
const toInput = (rows: Row[]): SampledRecordInput[] =>
  rows
    .filter((r) => r.identifier.trim() !== '')
    .map((r) => ({ ...(r.id ? { id: r.id } : {}), identifier: r.identifier.trim(), description: r.description }));

function claimIds(rows: Row[], samples: ChecklistItem['samples']): Row[] {
  const unclaimed = samples.filter((s) => !rows.some((r) => r.id === s.id));
  let changed = false;
  const next = rows.map((r) => {
    if (r.id) return r;
    const i = unclaimed.findIndex((s) => s.identifier === r.identifier.trim() && s.description === r.description);
    if (i < 0) return r;
    changed = true;
    const [match] = unclaimed.splice(i, 1);
    return { ...r, id: match?.id };
  });
  return changed ? next : rows;
}

interface SamplesEditorProps {
  samples: ChecklistItem['samples'];
  readOnly: boolean;
  onChange: (samples: SampledRecordInput[]) => void;
  onBlur: () => void;
}

/** The records the auditor looked at: identifier (ticket, asset, file) and what was seen. */
export const SamplesEditor = memo(function SamplesEditor({ samples, readOnly, onChange, onBlur }: SamplesEditorProps) {
  const { t } = useTranslation('checklist');
  const [rows, setRows] = useState<Row[]>(() => toRows(samples));

  // New records get their ids from the server's answer (matched by content), adjusted during render.
  const [seen, setSeen] = useState(samples);
  if (seen !== samples) {
    setSeen(samples);
    setRows((current) => claimIds(current, samples));
  }

  const edit = (next: Row[]) => {
    setRows(next);
    onChange(toInput(next));
  };
  const setField = (key: string, field: 'identifier' | 'description', value: string) =>
    edit(rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));

  return (
    <Stack gap={6} onBlur={onBlur}>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('samples.none')}
        </Text>
      )}
      {rows.map((r, i) => (
        <Group
          key={r.key}
          gap={6}
          wrap="nowrap"
          align="flex-start"
          role="group"
          aria-label={t('samples.record', { n: i + 1 })}
        >
          <TextInput
            aria-label={t('samples.identifier')}
            placeholder={t('samples.identifierPlaceholder')}
            value={r.identifier}
            readOnly={readOnly}
            onChange={(e) => setField(r.key, 'identifier', e.currentTarget.value)}
            error={
              r.identifier.trim() === '' && r.description.trim() !== '' ? t('samples.identifierNeeded') : undefined
            }
            style={{ flex: 2 }}
            size="xs"
          />
          <TextInput
            aria-label={t('samples.seen')}
            placeholder={t('samples.seenPlaceholder')}
            value={r.description}
            readOnly={readOnly}
            onChange={(e) => setField(r.key, 'description', e.currentTarget.value)}
            style={{ flex: 3 }}
            size="xs"
          />
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('samples.remove', { n: i + 1 })}
              onClick={() => edit(rows.filter((x) => x.key !== r.key))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setRows([...rows, { key: randomId(), identifier: '', description: '' }])}
          >
            {t('samples.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
});
