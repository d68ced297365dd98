import { Alert, Button, Card, Group, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import type { DemoProgress } from '#shared/domain/demo';
import { getApi } from '../../api/client';
import { useOp, useWriteOp } from '../../api/ops';
import { notifySuccess } from '../../lib/notify';
import { errorText } from '../../i18n/errorText';
import { href } from '../../lib/router';

interface Step {
  done: boolean;
  title: string;
  description: string;
  to: string;
  action: string;
}

/** How often the bar asks how far the demo has come. */
const PROGRESS_MS = 500;

/**
 * What a new data folder needs before the first audit: the certification body reports are written for,
 * the identity they are signed with, and a client. Shown until all three are there, then gone; each step
 * is read from the data itself, so it ticks off wherever the user did it. While the folder holds no client
 * the demo can be loaded instead, to look around first: it only adds to an empty folder, so no confirmation.
 */
export function FirstRunSetup() {
  const body = useOp('branding.get', {});
  const identities = useOp('signing.list', {});
  const clients = useOp('clients.list', {});
  const security = useOp('security.status', {});
  const { t } = useTranslation('dashboard');
  if (!body.data || !identities.data || !clients.data || !security.data) return null;

  const steps: Step[] = [
    {
      done: body.data.name.trim() !== '',
      title: t('firstRun.body.title'),
      description: t('firstRun.body.description'),
      to: '/settings/branding',
      action: t('firstRun.body.action'),
    },
    {
      done: identities.data.length > 0,
      title: t('firstRun.signing.title'),
      description: t('firstRun.signing.description'),
      to: '/settings/signing',
      action: t('firstRun.signing.action'),
    },
    {
      done: clients.data.length > 0,
      title: t('firstRun.client.title'),
      description: t('firstRun.client.description'),
      to: '/clients/new',
      action: t('firstRun.client.action'),
    },
    // Issue 15: until the folder is encrypted and has a passphrase, a dead laptop's backups open nowhere else.
    {
      done: security.data.encrypted && security.data.hasPassphrase,
      title: t('firstRun.passphrase.title'),
      description: security.data.encrypted
        ? t('firstRun.passphrase.keychainOnly')
        : t('firstRun.passphrase.notEncrypted'),
      to: '/settings/security',
      action: security.data.encrypted ? t('firstRun.passphrase.set') : t('firstRun.passphrase.encrypt'),
    },
  ];
  const left = steps.filter((s) => !s.done).length;
  if (left === 0) return null;

  return (
    <Card withBorder padding="lg" mb="lg" role="region" aria-labelledby="first-run-title">
      <Title order={2} size="h4" id="first-run-title">
        {t('firstRun.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('firstRun.left', { count: left })}
      </Text>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {steps.map((s) => (
          <li key={s.to} data-done={s.done}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <ThemeIcon variant="transparent" color={s.done ? 'teal' : 'gray'} aria-hidden>
                {s.done ? <IconCircleCheck size={22} /> : <IconCircleDashed size={22} />}
              </ThemeIcon>
              <div style={{ flex: 1 }}>
                <Text fw={600} size="sm">
                  {s.title}
                  {s.done && (
                    <Text span size="sm" c="teal.8" fw={500}>
                      {` — ${t('firstRun.done')}`}
                    </Text>
                  )}
                </Text>
                <Text size="sm" c="dimmed">
                  {s.description}
                </Text>
              </div>
              {!s.done && (
                <Button component="a" href={href(s.to)} size="xs" variant="light">
                  {s.action}
                </Button>
              )}
            </Group>
          </li>
        ))}
      </Stack>
      {clients.data.length === 0 && <LoadDemo />}
    </Card>
  );
}

/** "Load the demo": two fictional clients with their audits, findings and a signed report, with a progress bar. */
function LoadDemo() {
  const load = useWriteOp('demo.load');
  const [progress, setProgress] = useState<DemoProgress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const pending = load.pending;
  const { t } = useTranslation('dashboard');

  useEffect(() => {
    if (!pending) return;
    let stop = false;
    const ask = async () => {
      const r = await getApi().invoke('demo.progress', {});
      if (!stop && r.ok && r.value.running) setProgress(r.value);
    };
    const timer = setInterval(() => void ask(), PROGRESS_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [pending]);

  const start = async () => {
    setError(null);
    setProgress(null);
    const r = await load.mutate({});
    if (r.ok) notifySuccess(t('firstRun.demo.loaded', { clients: r.value.clients, audits: r.value.audits }));
    else setError(r.error);
  };

  const percent = progress ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <Stack gap="xs" mt="md" data-testid="load-demo">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Text size="sm" style={{ flex: 1 }}>
          {t('firstRun.demo.intro')}
        </Text>
        <Button size="xs" variant="default" onClick={() => void start()} loading={pending}>
          {t('firstRun.demo.load')}
        </Button>
      </Group>
      {pending && (
        <Progress
          value={percent}
          size="lg"
          striped
          animated
          aria-label={t('firstRun.demo.progressLabel', { percent })}
          transitionDuration={200}
        />
      )}
      {pending && (
        <Text size="xs" c="dimmed" aria-live="polite">
          {t('firstRun.demo.progress', { percent })}
        </Text>
      )}
      {error && (
        <Alert color="red" icon={<IconAlertCircle />} title={t('firstRun.demo.failed')}>
          {errorText(error)}
        </Alert>
      )}
    </Stack>
  );
}
