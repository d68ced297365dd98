import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence, EvidenceTarget } from '#shared/domain/evidence';
import { useOp, useWriteOp } from '../../api/ops';
import { formatBytes } from '../../lib/files';
import { formatTimestamp } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { errorText } from '../../i18n/errorText';
import { linkSummary } from './links';
import { Thumb } from './Thumb';

interface LinkExistingModalProps {
  opened: boolean;
  auditId: string;
  target: EvidenceTarget;
  /** Who links them, for a finding's history. */
  by: string;
  /** Already linked here: not offered again. */
  linked: readonly Evidence[];
  onClose: () => void;
}

/** Picks attachments already in the audit (a photo that shows two things) to link here as well. */
export function LinkExistingModal(props: LinkExistingModalProps) {
  const { t } = useTranslation('evidence');
  // Always mounted, so closing hands the focus back to the button that opened it.
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('linkExisting.title')} size="lg">
      {props.opened && <Picker {...props} />}
    </Modal>
  );
}

function Picker({ auditId, target, by, linked, onClose }: LinkExistingModalProps) {
  const all = useOp('evidence.list', { auditId });
  const { t } = useTranslation('evidence');
  // Each link refreshes the record's attachments and the lists counting them (api/invalidation.ts).
  const linkOne = useWriteOp('evidence.link');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [saving, setSaving] = useState(false);

  const offered = useMemo(() => {
    const here = new Set(linked.map((e) => e.id));
    const words = search.trim().toLowerCase();
    return (all.data ?? []).filter(
      (e) => !here.has(e.id) && (!words || `${e.originalName} ${e.description}`.toLowerCase().includes(words)),
    );
  }, [all.data, linked, search]);

  const toggle = (id: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const link = async () => {
    setSaving(true);
    let done = 0;
    for (const id of chosen) {
      const result = await linkOne.mutate({ id, target, by });
      if (!result.ok) {
        notifyError(result.error, t('linkExisting.notAll'));
        break;
      }
      done++;
    }
    setSaving(false);
    if (done > 0) notifySuccess(t(`target.${target.type}.linked`, { count: done }));
    onClose();
  };

  return (
    <Stack gap="sm">
      <TextInput
        label={t('linkExisting.find')}
        placeholder={t('linkExisting.findPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-autofocus
      />
      <ScrollArea.Autosize mah={380}>
        {!all.data ? (
          <Text size="sm" c="dimmed">
            {all.error ? errorText(all.error) : t('linkExisting.loading')}
          </Text>
        ) : offered.length === 0 ? (
          <Text size="sm" c="dimmed">
            {search.trim() ? t('linkExisting.noMatch') : t('linkExisting.allLinked')}
          </Text>
        ) : (
          <Stack gap={6}>
            {offered.map((e) => (
              <Checkbox.Card
                key={e.id}
                checked={chosen.has(e.id)}
                onClick={() => toggle(e.id)}
                radius="md"
                p="xs"
                aria-label={e.originalName}
              >
                <Group gap="sm" wrap="nowrap">
                  <Checkbox.Indicator />
                  <Thumb evidence={e} size={40} />
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" truncate="end">
                      {e.originalName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('linkExisting.meta', {
                        size: formatBytes(e.size),
                        time: formatTimestamp(e.createdAt),
                        links: linkSummary(e.links, t),
                      })}
                    </Text>
                  </div>
                </Group>
              </Checkbox.Card>
            ))}
          </Stack>
        )}
      </ScrollArea.Autosize>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('linkExisting.cancel')}
        </Button>
        <Button onClick={() => void link()} disabled={chosen.size === 0} loading={saving}>
          {chosen.size ? t('linkExisting.linkCount', { count: chosen.size }) : t('linkExisting.link')}
        </Button>
      </Group>
    </Stack>
  );
}
