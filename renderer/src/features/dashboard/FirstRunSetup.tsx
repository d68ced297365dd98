import { Alert, Button, Card, Group, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ApiError } from '#shared/api/result';
import type { DemoProgress } from '#shared/domain/demo';
import { getApi } from '../../api/client';
import { useOp, useWriteOp } from '../../api/ops';
import { notifySuccess } from '../../lib/notify';
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
  if (!body.data || !identities.data || !clients.data || !security.data) return null;

  const steps: Step[] = [
    {
      done: body.data.name.trim() !== '',
      title: 'Your certification body',
      description: 'Its name, address and accreditation as the reports show them, and how reports are numbered.',
      to: '/settings/branding',
      action: 'Set up the certification body',
    },
    {
      done: identities.data.length > 0,
      title: 'Your signing identity',
      description: 'The certificate your issued reports are signed with, so clients can check they are genuine.',
      to: '/settings/signing',
      action: 'Create a signing identity',
    },
    {
      done: clients.data.length > 0,
      title: 'Your first client',
      description: 'The organisation seeking certification, its sites and contacts; then plan its first audit.',
      to: '/clients/new',
      action: 'Add a client',
    },
    // Issue 15: until the folder is encrypted and has a passphrase, a dead laptop's backups open nowhere else.
    {
      done: security.data.encrypted && security.data.hasPassphrase,
      title: 'Your recovery passphrase',
      description: security.data.encrypted
        ? 'Only this computer’s keychain opens the encrypted folder: without a passphrase its backups are unreadable elsewhere.'
        : 'The data folder is not encrypted: choose a passphrase to encrypt it on this disk and open it anywhere else.',
      to: '/settings/security',
      action: security.data.encrypted ? 'Set a recovery passphrase' : 'Encrypt with a passphrase',
    },
  ];
  const left = steps.filter((s) => !s.done).length;
  if (left === 0) return null;

  return (
    <Card withBorder padding="lg" mb="lg" role="region" aria-labelledby="first-run-title">
      <Title order={2} size="h4" id="first-run-title">
        Set up Fieldwork
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {left === 1 ? 'One step' : `${left} steps`} before your first audit. This list goes away once they are done.
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
                      {' '}
                      — done
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
    if (r.ok) notifySuccess(`Demo loaded: ${r.value.clients} clients and ${r.value.audits} audits.`);
    else setError(r.error);
  };

  const percent = progress ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <Stack gap="xs" mt="md" data-testid="load-demo">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Text size="sm" style={{ flex: 1 }}>
          Just looking around? Load the demo instead: two fictional clients with their audits, checklists, findings and
          a signed report, and the demo lead auditor’s signing identity (passphrase “demo-passphrase”). A certification
          body you have already set up is kept.
        </Text>
        <Button size="xs" variant="default" onClick={() => void start()} loading={pending}>
          Load the demo
        </Button>
      </Group>
      {pending && (
        <Progress
          value={percent}
          size="lg"
          striped
          animated
          aria-label={`Loading the demo: ${percent}% done`}
          transitionDuration={200}
        />
      )}
      {pending && (
        <Text size="xs" c="dimmed" aria-live="polite">
          Loading the demo… {percent}% (this takes a little while: it writes the audits the way you would).
        </Text>
      )}
      {error && (
        <Alert color="red" icon={<IconAlertCircle />} title="The demo was not loaded">
          {error.message}
        </Alert>
      )}
    </Stack>
  );
}
