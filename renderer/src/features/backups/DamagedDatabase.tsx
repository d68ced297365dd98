import {
  Alert,
  Button,
  Card,
  Code,
  Container,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconFolderOpen, IconPower, IconRestore } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Result } from '#shared/api/result';
import type { BackupSummary } from '#shared/domain/backup';
import { desktopApi } from '../../api/desktop';
import { useOp } from '../../api/ops';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { formatTimestamp } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { JobCard, RestoreModal } from './BackupsPage';
import { holds, reasonLabel, sizeText } from './describe';
import { RestoreButton } from './RestoreButton';
import { useBackupJob } from './useBackupJob';

/**
 * In front of the app: when the backend started in its degraded mode (the database failed its check at open),
 * every operation but the backups' answers `database_corrupt`, and this screen replaces the app.
 */
export function DamagedGate({ children }: { children: ReactNode }) {
  const info = useOp('app.info', {});
  if (info.error?.code === 'database_corrupt') return <DamagedDatabase problem={info.error.message} />;
  return <>{children}</>;
}

/** The data folder is the one that holds backups/ (the list names that folder). */
const dataFolderOf = (backupsFolder: string) => backupsFolder.replace(/[\\/]backups[\\/]?$/, '');

/** Plain words, the backups listed, a restore into a new folder; the damaged folder itself is never written. */
export function DamagedDatabase({ problem }: { problem: string }) {
  const { t } = useTranslation('backups');
  const list = useOp('backups.list', {});
  const { job, follow, cancel } = useBackupJob();
  const [restoring, setRestoring] = useState<BackupSummary | null>(null);
  const newest = list.data?.backups[0];
  // The desktop app's own buttons (Show in folder, Quit): main decides the folder; absent in the browser preview.
  const desktop = desktopApi();
  const tell = (r: Result<unknown>) => {
    if (!r.ok) notifyError(r.error);
  };

  let backups;
  if (list.error && !list.data) backups = <LoadError error={list.error} onRetry={list.reload} />;
  else if (!list.data) backups = <TableSkeleton rows={3} />;
  else if (list.data.backups.length === 0)
    backups = (
      <Alert color="orange" icon={<IconAlertTriangle />} title={t('damaged.noBackup')}>
        {t('damaged.noBackupHint')}
      </Alert>
    );
  else
    backups = (
      <Card withBorder p={0}>
        <Table aria-label={t('table.label')} verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('table.made')}</Table.Th>
              <Table.Th>{t('table.why')}</Table.Th>
              <Table.Th>{t('table.holds')}</Table.Th>
              <Table.Th>{t('table.size')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.backups.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{formatTimestamp(b.createdAt)}</Table.Td>
                <Table.Td>{reasonLabel(b.reason)}</Table.Td>
                <Table.Td>{holds(b)}</Table.Td>
                <Table.Td>{sizeText(b.size)}</Table.Td>
                <Table.Td>
                  <RestoreButton backup={b} onRestore={setRestoring} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    );

  return (
    <Container size="md" py="xl" component="main">
      <Stack gap="lg">
        <Group gap="sm" wrap="nowrap">
          <IconAlertTriangle size={32} color="var(--mantine-color-red-7)" aria-hidden />
          <Title order={1}>{t('damaged.title')}</Title>
        </Group>
        <Text>
          {newest ? (
            <Trans
              t={t}
              i18nKey="damaged.textLatest"
              components={{ made: <b>{formatTimestamp(newest.createdAt)}</b> }}
            />
          ) : (
            t('damaged.textNone')
          )}
        </Text>
        {list.data && (
          <Stack gap={4} align="flex-start">
            <Text size="sm">
              <Trans
                t={t}
                i18nKey="damaged.folders"
                components={{
                  folder: <Code>{dataFolderOf(list.data.folder)}</Code>,
                  backups: <Code>{list.data.folder}</Code>,
                }}
              />
            </Text>
            <Group gap="xs">
              {/* To open it in the file manager, or to send it with a request for help. */}
              <CopyButton value={dataFolderOf(list.data.folder)}>
                {({ copied, copy }) => (
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                    onClick={copy}
                  >
                    {copied ? t('damaged.copied') : t('damaged.copyPath')}
                  </Button>
                )}
              </CopyButton>
              {desktop && (
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconFolderOpen size={14} />}
                  onClick={() => void desktop.showDataFolder().then(tell)}
                >
                  {t('damaged.showFolder')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
        {(newest || desktop) && (
          <Group>
            {newest && (
              <Button leftSection={<IconRestore size={16} />} onClick={() => setRestoring(newest)}>
                {t('damaged.restoreLatest')}
              </Button>
            )}
            {/* Desktop only: the preview host is stopped where it was started (its terminal). */}
            {desktop && (
              <Button
                variant="default"
                leftSection={<IconPower size={16} />}
                onClick={() => void desktop.quit().then(tell)}
              >
                {t('damaged.quit')}
              </Button>
            )}
          </Group>
        )}
        {job && <JobCard job={job} onCancel={() => void cancel().then((e) => e && notifyError(e))} />}
        <Title order={2} size="h3">
          {t('damaged.backups')}
        </Title>
        {backups}
        <Text size="xs" c="dimmed">
          {t('damaged.checkSaid', { problem })}
        </Text>
      </Stack>
      <RestoreModal backup={restoring} follow={follow} onClose={() => setRestoring(null)} />
    </Container>
  );
}
