import { Button, Card, Code, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useOp } from '../../api/ops';
import { href } from '../../lib/router';

interface Step {
  done: boolean;
  title: string;
  description: string;
  to: string;
  action: string;
}

/**
 * What a new data folder needs before the first audit: the certification body reports are written for,
 * the identity they are signed with, and a client. Shown until all three are there, then gone; each step
 * is read from the data itself, so it ticks off wherever the user did it.
 */
export function FirstRunSetup() {
  const body = useOp('branding.get', {});
  const identities = useOp('signing.list', {});
  const clients = useOp('clients.list', {});
  if (!body.data || !identities.data || !clients.data) return null;

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
      <Text size="sm" mt="md">
        Just looking around? Fill a new, empty folder with two demo clients with{' '}
        <Code>fieldwork demo --data-dir FOLDER</Code> and start Fieldwork on that folder with{' '}
        <Code>fieldwork serve --data-dir FOLDER</Code>.
      </Text>
    </Card>
  );
}
