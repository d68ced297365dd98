import { Alert, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportJob } from '#shared/domain/report';
import { errorText } from '../../i18n/errorText';

/** A running export's bar and stage, with Cancel; afterwards what came of it. */
export function JobProgress({ job, onCancel }: { job: ExportJob; onCancel?: () => void }) {
  const { t } = useTranslation('report');
  const percent = Math.round(Math.min(1, Math.max(0, job.progress)) * 100);
  return (
    <Stack gap="xs">
      {job.state === 'running' && (
        <Stack gap="xs" role="group" aria-label={t('job.running')}>
          <Group justify="space-between" gap="sm">
            <Text size="sm" aria-live="polite">
              {job.stage || t('job.starting')}
            </Text>
            {onCancel && (
              <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={onCancel}>
                {t('job.cancel')}
              </Button>
            )}
          </Group>
          <Progress
            value={percent}
            animated
            aria-label={job.fileName ? t('job.progressOf', { file: job.fileName }) : t('job.progress')}
          />
        </Stack>
      )}
      {job.state === 'cancelled' && (
        <Text size="sm" c="dimmed" role="status">
          {t('job.cancelled')}
        </Text>
      )}
      {job.state === 'failed' && job.error && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('job.failed')} role="alert">
          {errorText(job.error)}
        </Alert>
      )}
      {job.state === 'done' && job.warnings.length > 0 && <Warnings warnings={job.warnings} />}
    </Stack>
  );
}

export function Warnings({ warnings }: { warnings: string[] }) {
  const { t } = useTranslation('report');
  return (
    <Alert color="yellow" icon={<IconAlertTriangle />} title={t('job.remarks')}>
      <List size="sm">
        {warnings.map((w) => (
          <List.Item key={w}>{w}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
