import { Alert, Badge, Button, Card, Group, Loader, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconLock, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('security');
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
      <PageHeader title={t('page.title')} description={t('page.description')} />
      {body}
    </>
  );
}

export const needsRecovery = (s: SecurityStatus) => !s.encrypted || !s.hasPassphrase;

function StateCard({ status }: { status: SecurityStatus }) {
  const { t } = useTranslation('security');
  return (
    <Card withBorder>
      <Group gap="sm" mb="xs">
        <IconShieldLock size={20} aria-hidden />
        <Title order={3} size="h4">
          {t('state.title')}
        </Title>
        <Badge color={status.encrypted ? 'teal' : 'orange'} variant="light">
          {status.encrypted ? t('state.encrypted') : t('state.notEncrypted')}
        </Badge>
      </Group>
      <Text size="sm">
        {!status.encrypted
          ? t('state.plain')
          : status.unlockedBy === 'keychain'
            ? t('state.encryptedByKeychain')
            : t('state.encryptedByPassphrase')}
      </Text>
      {status.encrypted && needsRecovery(status) && (
        <Alert color="orange" icon={<IconAlertTriangle />} mt="sm" title={t('state.noRecoveryTitle')}>
          {t('state.noRecovery')}
        </Alert>
      )}
    </Card>
  );
}

function RecoveryCard({ status }: { status: SecurityStatus }) {
  const { t } = useTranslation('security');
  const { mutate, pending } = useWriteOp('security.setPassphrase');
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb={4}>
        {t('recovery.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {status.hasPassphrase ? t('recovery.isSet') : t('recovery.notSet')}
      </Text>
      <PassphraseForm
        submitLabel={status.hasPassphrase ? t('recovery.change') : t('recovery.set')}
        busy={pending}
        onSubmit={async (v) => {
          const r = await mutate(v);
          if (r.ok) {
            notifySuccess(status.hasPassphrase ? t('recovery.changed') : t('recovery.setDone'));
            return null;
          }
          if (r.error.issues?.length) return r.error.issues;
          notifyError(r.error, t('recovery.failed'));
          return [];
        }}
      />
    </Card>
  );
}

function EncryptCard({ status }: { status: SecurityStatus }) {
  const { t } = useTranslation('security');
  const { mutate, pending } = useWriteOp('security.encrypt');
  const [running, setRunning] = useState(false);
  const start = (v: { passphrase: string; confirm: string }) =>
    new Promise<Awaited<ReturnType<typeof mutate>> | null>((resolve) => {
      // The last moment to cancel: once started, the conversion runs to its end (crash-safe in core).
      modals.openConfirmModal({
        title: t('encrypt.confirmTitle'),
        children: <Text size="sm">{t('encrypt.confirmText')}</Text>,
        labels: { confirm: t('encrypt.confirm'), cancel: t('common:cancel') },
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
        {t('encrypt.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {status.keychainAvailable ? t('encrypt.withKeychain') : t('encrypt.withoutKeychain')}
      </Text>
      {running ? (
        <Group gap="sm" role="status" aria-live="polite">
          <Loader size="sm" />
          <Text size="sm">{t('encrypt.running')}</Text>
        </Group>
      ) : (
        <PassphraseForm
          submitLabel={t('encrypt.submit')}
          busy={pending}
          onSubmit={async (v) => {
            const r = await start(v);
            if (r === null) return [];
            if (r.ok) {
              notifySuccess(t('encrypt.done'));
              return null;
            }
            if (r.error.issues?.length) return r.error.issues;
            notifyError(r.error, t('encrypt.failed'));
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
  const { t } = useTranslation('security');
  const set = useWriteOp('security.setKeychainUnlock');
  const askEveryTime = !status.hasKeychain;
  let why: string | null = null;
  if (!status.keychainAvailable) why = t('start.noKeychain');
  else if (!status.hasPassphrase) why = t('start.noPassphrase');
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb={4}>
        {t('start.title')}
      </Title>
      <Switch
        label={t('start.askEveryTime')}
        description={why ?? (askEveryTime ? t('start.passphraseOnly') : t('start.keychainOpens'))}
        checked={askEveryTime}
        disabled={why !== null || set.pending}
        onChange={(e) => {
          const ask = e.currentTarget.checked;
          void set.mutate({ unlockAtStart: ask ? 'passphrase' : 'keychain' }).then((r) => {
            if (!r.ok) notifyError(r.error, t('start.failed'));
            else notifySuccess(ask ? t('start.willAsk') : t('start.keychainAgain'));
          });
        }}
      />
    </Card>
  );
}

function LockCard({ status }: { status: SecurityStatus }) {
  const { t } = useTranslation('security');
  const idle = useWriteOp('security.setIdleLock');
  const lock = useWriteOp('security.lock');
  if (!status.canLock) return null;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb={4}>
        {t('lock.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" id="idle-lock-label">
        {status.hasPassphrase ? t('lock.hintPassphrase') : t('lock.hintKeychain')}
      </Text>
      <Stack gap="md" align="flex-start">
        <SegmentedControl
          aria-labelledby="idle-lock-label"
          data={IDLE_LOCK_MINUTES.map((m) => ({
            value: String(m),
            label: m === 0 ? t('lock.off') : t('lock.minutes', { minutes: m }),
          }))}
          value={String(status.idleLockMinutes)}
          onChange={(v) => {
            void idle.mutate({ minutes: Number(v) }).then((r) => {
              if (!r.ok) notifyError(r.error, t('lock.timeFailed'));
            });
          }}
        />
        <Button
          variant="default"
          leftSection={<IconLock size={16} />}
          loading={lock.pending}
          onClick={() => {
            void lock.mutate({}).then((r) => {
              if (!r.ok) notifyError(r.error, t('lock.failed'));
              else window.dispatchEvent(new Event(LOCKED_EVENT));
            });
          }}
        >
          {t('lock.now')}
        </Button>
      </Stack>
    </Card>
  );
}
