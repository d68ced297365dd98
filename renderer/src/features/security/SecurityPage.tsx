import { Alert, Badge, Button, Card, Group, Loader, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconLock, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { IDLE_LOCK_MINUTES, type SecurityStatus } from '#shared/domain/security';
import { useOp, useWriteOp } from '../../api/ops';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../lib/notify';
import { LOCKED_EVENT } from '../../api/lockSignal';
import { PassphraseForm } from './PassphraseForm';

/**
 * Settings → Security: whether the data folder is encrypted and how it is unlocked, its recovery passphrase,
 * encrypting a plain folder, and when Fieldwork locks itself.
 */
export function SecurityPage() {
  const status = useOp('security.status', {});
  let body;
  if (status.error && !status.data) body = <LoadError error={status.error} onRetry={status.reload} />;
  else if (!status.data) body = <TableSkeleton rows={3} />;
  else
    body = (
      <Stack gap="lg">
        <StateCard status={status.data} />
        {status.data.encrypted ? <RecoveryCard status={status.data} /> : <EncryptCard status={status.data} />}
        {status.data.encrypted && <StartCard status={status.data} />}
        {status.data.encrypted && <LockCard status={status.data} />}
      </Stack>
    );
  return (
    <>
      <PageHeader
        title="Security"
        description="Encryption of the data folder on this computer's disk, the passphrase that opens it anywhere, and locking."
      />
      {body}
    </>
  );
}

export const needsRecovery = (s: SecurityStatus) => !s.encrypted || !s.hasPassphrase;

function StateCard({ status }: { status: SecurityStatus }) {
  const how = status.unlockedBy === 'keychain' ? 'by the OS keychain of this computer' : 'with its passphrase';
  return (
    <Card withBorder>
      <Group gap="sm" mb="xs">
        <IconShieldLock size={20} aria-hidden />
        <Title order={3} size="h4">
          Data folder
        </Title>
        <Badge color={status.encrypted ? 'teal' : 'orange'} variant="light">
          {status.encrypted ? 'Encrypted' : 'Not encrypted'}
        </Badge>
      </Group>
      <Text size="sm">
        {status.encrypted
          ? `The database, evidence and issued reports are encrypted on disk. This session was unlocked ${how}.`
          : 'The database, evidence and issued reports are plain files: anyone holding this disk can read them.'}
      </Text>
      {status.encrypted && needsRecovery(status) && (
        <Alert color="orange" icon={<IconAlertTriangle />} mt="sm" title="No recovery passphrase yet">
          Only this computer&apos;s keychain can open the folder. If this computer dies, neither the folder nor its
          backups can be opened anywhere else. Set a recovery passphrase below.
        </Alert>
      )}
    </Card>
  );
}

function RecoveryCard({ status }: { status: SecurityStatus }) {
  const { mutate, pending } = useWriteOp('security.setPassphrase');
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb={4}>
        Recovery passphrase
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {status.hasPassphrase
          ? 'A passphrase is set. Changing it re-wraps the folder’s key; nothing is re-encrypted. Backups made before the change keep the passphrase they were made with.'
          : 'Opens this folder and its backups on any computer, and at the lock screen.'}
      </Text>
      <PassphraseForm
        submitLabel={status.hasPassphrase ? 'Change passphrase' : 'Set recovery passphrase'}
        busy={pending}
        onSubmit={async (v) => {
          const r = await mutate(v);
          if (r.ok) {
            notifySuccess(status.hasPassphrase ? 'Passphrase changed' : 'Recovery passphrase set');
            return null;
          }
          if (r.error.issues?.length) return r.error.issues;
          notifyError(r.error, 'The passphrase was not changed');
          return [];
        }}
      />
    </Card>
  );
}

function EncryptCard({ status }: { status: SecurityStatus }) {
  const { mutate, pending } = useWriteOp('security.encrypt');
  const [running, setRunning] = useState(false);
  const start = (v: { passphrase: string; confirm: string }) =>
    new Promise<Awaited<ReturnType<typeof mutate>> | null>((resolve) => {
      // The last moment to cancel: once started, the conversion runs to its end (crash-safe in core).
      modals.openConfirmModal({
        title: 'Encrypt the data folder now?',
        children: (
          <Text size="sm">
            Fieldwork closes the database, writes an encrypted copy, checks it and puts it in place of the plain one. A
            large folder takes a while; nothing else can be done meanwhile. If the computer stops half-way, the plain
            folder is still whole.
          </Text>
        ),
        labels: { confirm: 'Encrypt now', cancel: 'Cancel' },
        onCancel: () => resolve(null),
        onConfirm: () => {
          setRunning(true);
          void mutate(v).then((r) => {
            setRunning(false);
            resolve(r);
          });
        },
      });
    });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb={4}>
        Encrypt this folder
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {status.keychainAvailable
          ? 'The key is kept by this computer’s keychain; the passphrase opens the folder and its backups anywhere else.'
          : 'This computer has no OS keychain Fieldwork can use, so the folder is opened with a passphrase you choose.'}
      </Text>
      {running ? (
        <Group gap="sm" role="status" aria-live="polite">
          <Loader size="sm" />
          <Text size="sm">Encrypting the data folder… Keep Fieldwork open.</Text>
        </Group>
      ) : (
        <PassphraseForm
          submitLabel="Encrypt with this passphrase"
          busy={pending}
          onSubmit={async (v) => {
            const r = await start(v);
            if (r === null) return [];
            if (r.ok) {
              notifySuccess('The data folder is encrypted');
              return null;
            }
            if (r.error.issues?.length) return r.error.issues;
            notifyError(r.error, 'The folder was not encrypted');
            return [];
          }}
        />
      )}
    </Card>
  );
}

/**
 * "Ask for the passphrase every time Fieldwork starts": the key is then wrapped by the passphrase only; turning it
 * off again has this computer's keychain wrap it anew. Offered where a keychain exists (the desktop app).
 */
function StartCard({ status }: { status: SecurityStatus }) {
  const set = useWriteOp('security.setKeychainUnlock');
  const askEveryTime = !status.hasKeychain;
  let why: string | null = null;
  if (!status.keychainAvailable) why = 'This computer has no OS keychain Fieldwork can use, so it always asks.';
  else if (!status.hasPassphrase) why = 'Set a recovery passphrase first: it is what you would type at every start.';
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb={4}>
        Starting
      </Title>
      <Switch
        label="Ask for the passphrase every time Fieldwork starts"
        description={
          why ??
          (askEveryTime
            ? 'The key is kept by the passphrase only: nobody can open the folder at this computer without it.'
            : 'This computer’s keychain opens the folder when you log in; the passphrase is asked only elsewhere.')
        }
        checked={askEveryTime}
        disabled={why !== null || set.pending}
        onChange={(e) => {
          const ask = e.currentTarget.checked;
          void set.mutate({ unlockAtStart: ask ? 'passphrase' : 'keychain' }).then((r) => {
            if (!r.ok) notifyError(r.error, 'The setting was not changed');
            else
              notifySuccess(
                ask ? 'Fieldwork will ask for the passphrase at every start' : 'The keychain opens the folder again',
              );
          });
        }}
      />
    </Card>
  );
}

const IDLE_LABEL = (m: number) => (m === 0 ? 'Off' : `${m} min`);

function LockCard({ status }: { status: SecurityStatus }) {
  const idle = useWriteOp('security.setIdleLock');
  const lock = useWriteOp('security.lock');
  if (!status.canLock) return null;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb={4}>
        Locking
      </Title>
      <Text size="sm" c="dimmed" mb="sm" id="idle-lock-label">
        Lock after this long without typing or clicking. A locked Fieldwork closes the folder and forgets its key until{' '}
        {status.hasPassphrase ? 'the passphrase' : 'the keychain'} opens it again.
      </Text>
      <Stack gap="md" align="flex-start">
        <SegmentedControl
          aria-labelledby="idle-lock-label"
          data={IDLE_LOCK_MINUTES.map((m) => ({ value: String(m), label: IDLE_LABEL(m) }))}
          value={String(status.idleLockMinutes)}
          onChange={(v) => {
            void idle.mutate({ minutes: Number(v) }).then((r) => {
              if (!r.ok) notifyError(r.error, 'The lock time was not changed');
            });
          }}
        />
        <Button
          variant="default"
          leftSection={<IconLock size={16} />}
          loading={lock.pending}
          onClick={() => {
            void lock.mutate({}).then((r) => {
              if (!r.ok) notifyError(r.error, 'Fieldwork was not locked');
              else window.dispatchEvent(new Event(LOCKED_EVENT));
            });
          }}
        >
          Lock now
        </Button>
      </Stack>
    </Card>
  );
}
