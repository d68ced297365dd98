import { Alert, Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconRestore } from '@tabler/icons-react';
import { formatTimestamp } from '../format';

interface RestoredFormAlertProps {
  /** From useFormJournal: when the restored values were typed. */
  restoredAt: string | null;
  /** Called after the user confirmed: discarding destroys what was typed. */
  onDiscard: () => void;
  /** What the form saves with ("Save", "Create interview"), for the hint. */
  saveLabel: string;
}

/** Tells the user a form shows what they typed earlier but never saved, and lets them discard it. */
export function RestoredFormAlert({ restoredAt, onDiscard, saveLabel }: RestoredFormAlertProps) {
  if (!restoredAt) return null;
  const when = formatTimestamp(restoredAt);
  const confirmDiscard = () =>
    modals.openConfirmModal({
      title: 'Discard the restored changes?',
      children: (
        <Text size="sm">
          What you typed in this form on {when} was never saved. Discarding deletes it from this computer. This cannot
          be undone.
        </Text>
      ),
      labels: { confirm: 'Discard changes', cancel: 'Keep them' },
      confirmProps: { color: 'red' },
      onConfirm: onDiscard,
    });
  return (
    <Alert color="yellow" icon={<IconRestore />} role="alert" data-restored-draft>
      <Text size="sm">
        Unsaved changes from {when} were restored. Press “{saveLabel}” to keep them.
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" variant="default" onClick={confirmDiscard}>
          Discard them
        </Button>
      </Group>
    </Alert>
  );
}
