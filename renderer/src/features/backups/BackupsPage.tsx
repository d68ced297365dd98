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
import { Trans, useTranslation } from 'react-i18next';
import { BACKUP_KEEP_MAX, type BackupJob, type BackupSummary } from '#shared/domain/backup';
import { getApi } from '../../api/client';
import { useOp, useWriteOp } from '../../api/ops';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../i18n/errorText';
import { formatTimestamp } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { holds, reasonLabel, sizeText, stageText } from './describe';
import { RestoreButton } from './RestoreButton';
import { useBackupJob } from './useBackupJob';

/** Settings → Backups: what each backup holds and when, back up now, restore into a new folder, how many to keep. */
export function BackupsPage() {
  const { t } = useTranslation('backups');
  const list = useOp('backups.list', {});
  const { job, running, follow, cancel } = useBackupJob();
  const [restoring, setRestoring] = useState<BackupSummary | null>(null);

  const backUpNow = async () => {
    const outcome = await follow(() => getApi().invoke('backups.create', { reason: 'manual' }));
    if ('error' in outcome) return notifyError(outcome.error, t('page.notMade'));
    if (outcome.job.state === 'done') notifySuccess(t('page.made'));
  };

  const backUpButton = (
    <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => void backUpNow()} loading={running}>
      {t('page.backUpNow')}
    </Button>
  );

  let body;
  if (list.error && !list.data) body = <LoadError error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <TableSkeleton rows={3} />;
  else if (list.data.backups.length === 0 && list.data.unreadable.length === 0)
    body = (
      <Empty title={t('page.empty')} description={t('page.emptyHint')} icon={<IconArchive />} actions={backUpButton} />
    );
  else
    body = (
      <Stack gap="md">
        {list.data.unreadable.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle />} title={t('page.unreadable')}>
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
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {formatTimestamp(b.createdAt)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('table.version', { version: b.appVersion })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{reasonLabel(b.reason)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{holds(b)}</Text>
                      {b.counts.missingFiles > 0 && (
                        <Text size="xs" c="orange">
                          {t('table.missingFiles', { count: b.counts.missingFiles })}
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
        title={t('page.title')}
        description={
          list.data ? (
            <Trans t={t} i18nKey="page.description" components={{ folder: <Code>{list.data.folder}</Code> }} />
          ) : undefined
        }
        actions={list.data && list.data.backups.length > 0 ? backUpButton : undefined}
      />
      <Stack gap="lg">
        {list.data?.databaseProblem && (
          <Alert color="red" icon={<IconAlertTriangle />} title={t('page.damaged')}>
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
  const { t } = useTranslation('backups');
  const backup = job.kind === 'backup';
  if (job.state === 'running')
    return (
      <Card withBorder>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={500}>{t(backup ? 'job.backingUp' : 'job.restoring', { stage: stageText(job.stage) })}</Text>
            <Button size="xs" variant="default" onClick={onCancel}>
              {t('common:cancel')}
            </Button>
          </Group>
          <Progress
            value={job.progress * 100}
            aria-label={backup ? t('job.backupProgress') : t('job.restoreProgress')}
            animated
          />
        </Stack>
      </Card>
    );
  if (job.state === 'failed')
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title={backup ? t('job.backupFailed') : t('job.restoreFailed')}>
        {job.error && errorText(job.error)}
      </Alert>
    );
  if (job.state === 'cancelled')
    return (
      <Alert color="gray" title={t('job.cancelled')}>
        {backup ? t('job.noBackupKept') : t('job.nothingRestored')}
      </Alert>
    );
  if (job.kind === 'restore' && job.state === 'done')
    return (
      <Alert color="teal" title={t('job.restored')}>
        <Trans
          t={t}
          i18nKey="job.restoredText"
          components={{
            folder: <Code>{job.restoredTo}</Code>,
            command: <Code translate="no">{`fieldwork serve --data-dir ${job.restoredTo}`}</Code>,
          }}
        />
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
  const { t } = useTranslation('backups');
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
        return setPassphraseError(errorText(started.error));
      return setError(started.error.issues?.[0]?.message ?? errorText(started.error));
    }
    onClose();
    const outcome = await follow(() => Promise.resolve(started));
    if ('error' in outcome) notifyError(outcome.error, t('restore.failed'));
  };

  return (
    <Modal opened={backup !== null} onClose={onClose} title={<Title order={3}>{t('restore.title')}</Title>} size="lg">
      {backup && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <Text size="sm">
              <Trans
                t={t}
                i18nKey="restore.text"
                values={{ holds: holds(backup) }}
                components={{ made: <b>{formatTimestamp(backup.createdAt)}</b> }}
              />
            </Text>
            <TextInput
              label={t('restore.folder')}
              description={t('restore.folderHint')}
              placeholder={t('restore.folderPlaceholder')}
              value={folder}
              onChange={(e) => setFolder(e.currentTarget.value)}
              error={error}
              required
              data-autofocus
            />
            {backup.needsPassphrase && (
              <PasswordInput
                label={t('restore.passphrase')}
                description={t('restore.passphraseHint')}
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                error={passphraseError}
                required
                autoComplete="off"
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common:cancel')}
              </Button>
              <Button type="submit" loading={pending} leftSection={<IconRestore size={16} />}>
                {t('restore.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function KeepSetting({ keep }: { keep: number }) {
  const { t } = useTranslation('backups');
  const save = useWriteOp('backups.settings');
  const [value, setValue] = useState<number | string>(keep);
  const changed = Number(value) !== keep;
  const submit = async () => {
    const result = await save.mutate({ keep: Number(value) });
    if (!result.ok) return notifyError(result.error, t('keep.failed'));
    notifySuccess(t('keep.saved', { count: result.value.keep }));
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
            label={t('keep.label')}
            description={t('keep.hint')}
            min={1}
            max={BACKUP_KEEP_MAX}
            allowDecimal={false}
            value={value}
            onChange={setValue}
            w={260}
          />
          <Button type="submit" variant="default" disabled={!changed} loading={save.pending}>
            {t('common:save')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
