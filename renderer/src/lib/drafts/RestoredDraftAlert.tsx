import { Alert, Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconRestore } from '@tabler/icons-react';
import { formatTimestamp } from '../format';
import type { RestoredDraft } from './restore';

interface RestoredDraftAlertProps {
  restored: RestoredDraft | null;
  onSave: () => void;
  /** Called after the user confirmed: discarding destroys the text. */
  onDiscard: () => void;
  /** The field's name for the confirmation ("What you typed in the notes …"); default "field". */
  what?: string;
}

/** Tells the user that text they typed earlier but never saved is back in the field, and lets them decide. */
export function RestoredDraftAlert({ restored, onSave, onDiscard, what = 'field' }: RestoredDraftAlertProps) {
  if (!restored) return null;
  const when = formatTimestamp(restored.savedAt);
  const confirmDiscard = () =>
    modals.openConfirmModal({
      title: 'Discard the restored text?',
      children: (
        <Text size="sm">
          What you typed in the {what} on {when} was never saved. Discarding deletes it from this computer and shows the
          saved version again. This cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Discard text', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: onDiscard,
    });

  return (
    <Alert color="yellow" icon={<IconRestore />} role="alert" data-restored-draft>
      <Text size="sm">
        Unsaved text from {when} was restored.
        {restored.serverChanged && ' The saved version has changed since; saving replaces it.'}
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" onClick={onSave}>
          Save it
        </Button>
        <Button size="xs" variant="default" onClick={confirmDiscard}>
          Discard it
        </Button>
      </Group>
    </Alert>
  );
}
