import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '#shared/domain/team';
import { formatTimestamp } from '../../lib/format';
import { combinedDraft } from './combine';
import { fieldLabel } from './labels';

interface Props {
  conflict: ConflictView;
  onClose: () => void;
  onSave: (text: string) => Promise<boolean>;
}

/** The candidates side by side, read-only, and one editable text that replaces them all. */
export function CombineModal({ conflict, onClose, onSave }: Props) {
  const { t } = useTranslation('team');
  const [text, setText] = useState(() => combinedDraft(conflict));
  const [saving, setSaving] = useState(false);
  const field = fieldLabel(conflict.field ?? '');
  const versions = conflict.candidates.filter((c) => !c.deleted);

  const save = async () => {
    setSaving(true);
    const done = await onSave(text);
    setSaving(false);
    if (done) onClose();
  };

  return (
    <Modal
      opened
      onClose={() => !saving && onClose()}
      title={t('combine.title', { field, label: conflict.label })}
      size="xl"
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: Math.min(versions.length, 3) }}>
          {versions.map((c) => (
            <Textarea
              key={c.clock}
              label={t('combine.version', { author: c.author || t('combine.someone') })}
              description={formatTimestamp(c.at)}
              value={typeof c.value === 'string' ? c.value : ''}
              readOnly
              autosize
              minRows={4}
              maxRows={12}
            />
          ))}
        </SimpleGrid>
        <Textarea
          label={t('combine.combined')}
          description={t('combine.combinedHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={6}
          maxRows={20}
          data-autofocus
        />
        <Text size="xs" c="dimmed">
          {t('combine.characters', { count: text.length })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            {t('common:cancel')}
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            {t('combine.use')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
