import { Alert, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconX } from '@tabler/icons-react';
import type { ExportJob } from '#shared/domain/report';

/** A running export's bar and stage, with Cancel; afterwards what came of it. */
export function JobProgress({ job, onCancel }: { job: ExportJob; onCancel?: () => void }) {
  const percent = Math.round(Math.min(1, Math.max(0, job.progress)) * 100);
  return (
    <Stack gap="xs">
      {job.state === 'running' && (
        <Stack gap="xs" role="group" aria-label="Export in progress">
          <Group justify="space-between" gap="sm">
            <Text size="sm" aria-live="polite">
              {job.stage || 'Starting…'}
            </Text>
            {onCancel && (
              <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={onCancel}>
                Cancel
              </Button>
            )}
          </Group>
          <Progress value={percent} animated aria-label={`Export progress: ${job.fileName || 'document'}`} />
        </Stack>
      )}
      {job.state === 'cancelled' && (
        <Text size="sm" c="dimmed" role="status">
          Export cancelled. Nothing was saved.
        </Text>
      )}
      {job.state === 'failed' && job.error && (
        <Alert color="red" icon={<IconAlertTriangle />} title="The export failed" role="alert">
          {job.error.message}
        </Alert>
      )}
      {job.state === 'done' && job.warnings.length > 0 && <Warnings warnings={job.warnings} />}
    </Stack>
  );
}

export function Warnings({ warnings }: { warnings: string[] }) {
  return (
    <Alert color="yellow" icon={<IconAlertTriangle />} title="Written with remarks">
      <List size="sm">
        {warnings.map((w) => (
          <List.Item key={w}>{w}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
