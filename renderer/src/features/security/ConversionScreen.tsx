import { Alert, Center, Group, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ConversionStatus } from '#shared/domain/security';
import { getApi } from '../../api/client';
import { opKey } from '../../api/ops';

/** How often the window asks how a running conversion goes (main answers at once: no backend round trip). */
export const CONVERSION_POLL_MS = 500;

/**
 * The start-up encryption of a plain data folder (the desktop's first start after the upgrade), polled while it
 * runs — and, as the first answer may come before the backend's first progress message, while `waiting` (the
 * backend has not answered yet). A host that fails to answer is taken as not converting.
 */
export function useConversion(waiting: boolean): ConversionStatus | undefined {
  const query = useQuery({
    queryKey: opKey('security.conversion', {}),
    queryFn: async () => {
      const r = await getApi().invoke('security.conversion', {});
      return r.ok ? r.value : { active: false, fraction: 1, stage: '' };
    },
    refetchInterval: (q) => (q.state.data?.active || waiting ? CONVERSION_POLL_MS : false),
    refetchIntervalInBackground: true,
  });
  return query.data;
}

/** What the window shows while the data folder is encrypted: what, how far, and that it must not be interrupted. */
export function ConversionScreen({ status }: { status: ConversionStatus }) {
  const percent = Math.round(status.fraction * 100);
  return (
    <Center mih="100vh" p="md" component="main" aria-labelledby="conversion-title">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={480} w="100%">
        <Stack gap="md">
          <Group gap="sm">
            <ThemeIcon size="xl" radius="md" variant="light" aria-hidden>
              <IconShieldLock size={24} />
            </ThemeIcon>
            <Title order={1} size="h3" id="conversion-title">
              Encrypting your data folder
            </Title>
          </Group>
          <Text size="sm">
            Fieldwork now encrypts what it stores on this computer. Your database is being converted once; the evidence
            files and issued reports follow when it opens. This takes a moment for a large folder.
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="conversion-stage" aria-live="polite">
              {status.stage || 'Starting'}
            </Text>
            <Progress value={percent} aria-labelledby="conversion-stage" aria-valuetext={`${percent}%`} />
            <Text size="xs" c="dimmed">
              {percent}% done
            </Text>
          </Stack>
          <Alert color="blue" variant="light" p="xs">
            There is no cancel: the conversion cannot be stopped safely half-way. If the computer stops anyway, nothing
            is lost — the plain folder stays usable and the next start converts it again.
          </Alert>
        </Stack>
      </Paper>
    </Center>
  );
}
