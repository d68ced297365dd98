import { Alert, Center, Group, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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

/**
 * The backend names its steps in English (electron/core/crypto/convert.ts, also the CLI's progress lines): the
 * known ones are shown in the UI language, anything else as sent.
 */
const STAGES: Record<string, string> = {
  'Copying the database': 'copy',
  'Encrypting the copy of the database': 'encrypt',
  'Checking the encrypted copy': 'check',
  'Saving the key': 'key',
  'Replacing the plain database': 'replace',
  Done: 'done',
};

/** What the window shows while the data folder is encrypted: what, how far, and that it must not be interrupted. */
export function ConversionScreen({ status }: { status: ConversionStatus }) {
  const { t } = useTranslation('security');
  const percent = Math.round(status.fraction * 100);
  const known = STAGES[status.stage];
  const stage = known ? t(`conversion.stage.${known}`) : status.stage || t('conversion.starting');
  return (
    <Center mih="100vh" p="md" component="main" aria-labelledby="conversion-title">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={480} w="100%">
        <Stack gap="md">
          <Group gap="sm">
            <ThemeIcon size="xl" radius="md" variant="light" aria-hidden>
              <IconShieldLock size={24} />
            </ThemeIcon>
            <Title order={1} size="h3" id="conversion-title">
              {t('conversion.title')}
            </Title>
          </Group>
          <Text size="sm">{t('conversion.text')}</Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="conversion-stage" aria-live="polite">
              {stage}
            </Text>
            <Progress
              value={percent}
              aria-labelledby="conversion-stage"
              aria-valuetext={t('conversion.percent', { percent })}
            />
            <Text size="xs" c="dimmed">
              {t('conversion.done', { percent })}
            </Text>
          </Stack>
          <Alert color="blue" variant="light" p="xs">
            {t('conversion.noCancel')}
          </Alert>
        </Stack>
      </Paper>
    </Center>
  );
}
