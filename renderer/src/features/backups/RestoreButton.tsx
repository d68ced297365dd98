import { Button, Group } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import type { BackupSummary } from '#shared/domain/backup';
import { formatTimestamp } from '../../lib/format';

/** A backup row's Restore… button, named by the backup's date (rows' buttons would otherwise all read alike). */
export function RestoreButton({ backup, onRestore }: { backup: BackupSummary; onRestore: (b: BackupSummary) => void }) {
  return (
    <Group justify="flex-end">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconRestore size={14} />}
        onClick={() => onRestore(backup)}
        aria-label={`Restore the backup of ${formatTimestamp(backup.createdAt)}`}
      >
        Restore…
      </Button>
    </Group>
  );
}
