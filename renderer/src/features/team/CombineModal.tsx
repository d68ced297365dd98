import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
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
    <Modal opened onClose={() => !saving && onClose()} title={`Combine ${field}: ${conflict.label}`} size="xl">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: Math.min(versions.length, 3) }}>
          {versions.map((c) => (
            <Textarea
              key={c.clock}
              label={`${c.author || 'Someone'}’s version`}
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
          label="Combined text"
          description="This text replaces every version above; the versions stay readable in the history."
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={6}
          maxRows={20}
          data-autofocus
        />
        <Text size="xs" c="dimmed">
          {text.length.toLocaleString()} characters
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            Use combined text
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
