import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  List,
  Modal,
  NumberInput,
  PasswordInput,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { BACKUP_KEEP_MAX, type BackupJob, type BackupSummary } from '#shared/domain/backup';
import { getApi } from '../../api/client';
import { useOp, useWriteOp } from '../../api/ops';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { formatTimestamp } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { holds, REASON_LABELS, sizeText } from './describe';
import { RestoreButton } from './RestoreButton';
import { useBackupJob } from './useBackupJob';

/** Settings → Backups: what each backup holds and when, back up now, restore into a new folder, how many to keep. */
export function BackupsPage() {
  const list = useOp('backups.list', {});
  const { job, running, follow, cancel } = useBackupJob();
  const [restoring, setRestoring] = useState<BackupSummary | null>(null);

  const backUpNow = async () => {
    const outcome = await follow(() => getApi().invoke('backups.create', { reason: 'manual' }));
    if ('error' in outcome) return notifyError(outcome.error, 'The backup was not made');
    if (outcome.job.state === 'done') notifySuccess('Backup made');
  };

  const backUpButton = (
    <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => void backUpNow()} loading={running}>
      Back up now
    </Button>
  );

  let body;
  if (list.error && !list.data) body = <LoadError error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <TableSkeleton rows={3} />;
  else if (list.data.backups.length === 0 && list.data.unreadable.length === 0)
    body = (
      <Empty
        title="No backups yet"
        description="Back up now makes the first one. Fieldwork also makes one the first time it starts each day, before an update changes the database and before it imports a team package."
        icon={<IconArchive />}
        actions={backUpButton}
      />
    );
  else
    body = (
      <Stack gap="md">
        {list.data.unreadable.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle />} title="Some backup files cannot be used">
            <List size="sm">
              {list.data.unreadable.map((u) => (
                <List.Item key={u.id}>
                  <Code>{u.id}</Code> ({sizeText(u.size)}): {u.problem}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Card p={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label="Backups" verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Made</Table.Th>
                  <Table.Th>Why</Table.Th>
                  <Table.Th>What it holds</Table.Th>
                  <Table.Th>Size</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.backups.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {formatTimestamp(b.createdAt)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        Fieldwork {b.appVersion}
                      </Text>
                    </Table.Td>
                    <Table.Td>{REASON_LABELS[b.reason]}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{holds(b)}</Text>
                      {b.counts.missingFiles > 0 && (
                        <Text size="xs" c="orange">
                          {b.counts.missingFiles} files were already missing from the data folder when it was made.
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{sizeText(b.size)}</Table.Td>
                    <Table.Td>
                      <RestoreButton backup={b} onRestore={setRestoring} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </Stack>
    );

  return (
    <>
      <PageHeader
        title="Backups"
        description={
          list.data ? (
            <>
              Backups of this data folder — the database, every evidence file and every issued report — kept in{' '}
              <Code>{list.data.folder}</Code>. A restore always goes into a new folder; this one is never overwritten.
            </>
          ) : undefined
        }
        actions={list.data && list.data.backups.length > 0 ? backUpButton : undefined}
      />
      <Stack gap="lg">
        {list.data?.databaseProblem && (
          <Alert color="red" icon={<IconAlertTriangle />} title="The database of this data folder is damaged">
            {list.data.databaseProblem}
          </Alert>
        )}
        {job && <JobCard job={job} onCancel={() => void cancel().then((e) => e && notifyError(e))} />}
        {body}
        {list.data && <KeepSetting keep={list.data.keep} />}
      </Stack>
      <RestoreModal backup={restoring} follow={follow} onClose={() => setRestoring(null)} />
    </>
  );
}

export function JobCard({ job, onCancel }: { job: BackupJob; onCancel: () => void }) {
  const what = job.kind === 'backup' ? 'Backing up' : 'Restoring';
  if (job.state === 'running')
    return (
      <Card withBorder>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={500}>
              {what}: {job.stage}
            </Text>
            <Button size="xs" variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
          <Progress value={job.progress * 100} aria-label={`${what} progress`} animated />
        </Stack>
      </Card>
    );
  if (job.state === 'failed')
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle />}
        title={job.kind === 'backup' ? 'The backup failed' : 'The restore failed'}
      >
        {job.error?.message}
      </Alert>
    );
  if (job.state === 'cancelled')
    return (
      <Alert color="gray" title="Cancelled">
        {job.kind === 'backup' ? 'No backup was kept.' : 'Nothing was restored.'}
      </Alert>
    );
  if (job.kind === 'restore' && job.state === 'done')
    return (
      <Alert color="teal" title="Restored">
        The backup was checked and restored into <Code>{job.restoredTo}</Code>. To work in it: in the desktop app, close
        Fieldwork, move its data folder aside and put this folder in its place; in the browser preview, run{' '}
        <Code>fieldwork serve --data-dir {job.restoredTo}</Code>.
      </Alert>
    );
  return null;
}

export function RestoreModal({
  backup,
  follow,
  onClose,
}: {
  backup: BackupSummary | null;
  follow: ReturnType<typeof useBackupJob>['follow'];
  onClose: () => void;
}) {
  const [folder, setFolder] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [passphraseError, setPassphraseError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    if (!backup) return;
    setPending(true);
    setError(null);
    setPassphraseError(null);
    const started = await getApi().invoke('backups.restore', {
      backupId: backup.id,
      targetDir: folder,
      ...(backup.needsPassphrase ? { passphrase } : {}),
    });
    setPending(false);
    if (!started.ok) {
      // The passphrase is checked before anything is copied: its refusal goes beside its field.
      if (['wrong_passphrase', 'unauthorized'].includes(started.error.code))
        return setPassphraseError(started.error.message);
      return setError(started.error.issues?.[0]?.message ?? started.error.message);
    }
    onClose();
    const outcome = await follow(() => Promise.resolve(started));
    if ('error' in outcome) notifyError(outcome.error, 'The backup was not restored');
  };

  return (
    <Modal
      opened={backup !== null}
      onClose={onClose}
      title={<Title order={3}>Restore into a new folder</Title>}
      size="lg"
    >
      {backup && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <Text size="sm">
              The backup of <b>{formatTimestamp(backup.createdAt)}</b> ({holds(backup)}) is unpacked into a new folder,
              and every file is checked against the backup&apos;s list before it counts as restored. The data folder you
              are working in is not changed. A damaged backup is refused and leaves nothing behind.
            </Text>
            <TextInput
              label="New folder"
              description="Its full path. It must not exist yet (or be empty); the folder that holds it must exist."
              placeholder="/home/me/Fieldwork restored"
              value={folder}
              onChange={(e) => setFolder(e.currentTarget.value)}
              error={error}
              required
              data-autofocus
            />
            {backup.needsPassphrase && (
              <PasswordInput
                label="Passphrase of the backup"
                description="This backup was made from an encrypted data folder with another key: its passphrase is checked before anything is copied."
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                error={passphraseError}
                required
                autoComplete="off"
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={pending} leftSection={<IconRestore size={16} />}>
                Restore into this folder
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function KeepSetting({ keep }: { keep: number }) {
  const save = useWriteOp('backups.settings');
  const [value, setValue] = useState<number | string>(keep);
  const changed = Number(value) !== keep;
  const submit = async () => {
    const result = await save.mutate({ keep: Number(value) });
    if (!result.ok) return notifyError(result.error, 'The setting was not saved');
    notifySuccess(`Fieldwork keeps the newest ${result.value.keep} backups`);
  };
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Group align="flex-end">
          <NumberInput
            label="Backups to keep"
            description="After each new backup, the oldest beyond this number are deleted."
            min={1}
            max={BACKUP_KEEP_MAX}
            allowDecimal={false}
            value={value}
            onChange={setValue}
            w={260}
          />
          <Button type="submit" variant="default" disabled={!changed} loading={save.pending}>
            Save
          </Button>
        </Group>
      </form>
    </Card>
  );
}
