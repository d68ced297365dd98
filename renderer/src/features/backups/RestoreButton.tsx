import { Button, Group } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '#shared/domain/backup';
import { formatTimestamp } from '../../lib/format';

/** A backup row's Restore… button, named by the backup's date (rows' buttons would otherwise all read alike). */
export function RestoreButton({ backup, onRestore }: { backup: BackupSummary; onRestore: (b: BackupSummary) => void }) {
  const { t } = useTranslation('backups');
  return (
    <Group justify="flex-end">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconRestore size={14} />}
        onClick={() => onRestore(backup)}
        aria-label={t('table.restoreOf', { date: formatTimestamp(backup.createdAt) })}
      >
        {t('table.restore')}
      </Button>
    </Group>
  );
}
