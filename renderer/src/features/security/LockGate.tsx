import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecurityStatus } from '#shared/domain/security';
import { getApi } from '../../api/client';
import { errorText } from '../../i18n/errorText';
import { ConversionScreen, useConversion } from './ConversionScreen';
import { useSecurityStatus } from './useSecurityStatus';

/**
 * While Fieldwork is locked the app stays mounted but hidden and inert (typing in a form, its draft, is kept for
 * after the unlock) and the lock screen asks for the passphrase. While a plain folder is being encrypted at
 * start-up (desktop), the progress of that is shown instead.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const { status, refresh } = useSecurityStatus();
  // The status is held until the backend can answer: until then a conversion may be starting.
  const conversion = useConversion(status === undefined);
  const converting = conversion?.active ?? false;
  const locked = status?.locked ?? false;
  const hidden = locked || converting;
  return (
    <>
      <div hidden={hidden} inert={hidden} aria-hidden={hidden || undefined}>
        {children}
      </div>
      {converting && conversion && <ConversionScreen status={conversion} />}
      {!converting && locked && status && <LockScreen status={status} onUnlocked={refresh} />}
    </>
  );
}

function LockScreen({ status, onUnlocked }: { status: SecurityStatus; onUnlocked: () => void }) {
  const client = useQueryClient();
  const { t } = useTranslation('security');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const byKeychain = status.hasKeychain && status.keychainAvailable;

  const unlock = async (input: { passphrase?: string }) => {
    setBusy(true);
    setError(null);
    const r = await getApi().invoke('security.unlock', input);
    setBusy(false);
    if (!r.ok) {
      setError(errorText(r.error));
      return;
    }
    setPassphrase('');
    // Every read refused while locked asks again; the screen comes back as it was left.
    await client.invalidateQueries();
    onUnlocked();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (passphrase === '') return setError(t('lockScreen.enter'));
    void unlock({ passphrase });
  };

  return (
    <Center mih="100vh" p="md" component="main" aria-labelledby="lock-title">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={440} w="100%">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Group gap="sm">
              <ThemeIcon size="xl" radius="md" variant="light" aria-hidden>
                <IconLock size={24} />
              </ThemeIcon>
              <Title order={1} size="h3" id="lock-title">
                {t('lockScreen.title')}
              </Title>
            </Group>
            <Text size="sm" c="dimmed">
              {t('lockScreen.text')}
            </Text>
            <PasswordInput
              label={t('lockScreen.passphrase')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              autoFocus
              autoComplete="current-password"
              error={error !== null}
              aria-describedby={error ? 'unlock-error' : undefined}
            />
            {error && (
              <Alert color="red" role="alert" id="unlock-error" p="xs">
                {error}
              </Alert>
            )}
            <Group justify="space-between">
              {byKeychain ? (
                <Button variant="subtle" onClick={() => void unlock({})} disabled={busy}>
                  {t('lockScreen.keychain')}
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" loading={busy}>
                {t('lockScreen.unlock')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
