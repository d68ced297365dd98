import { Button, Group, Menu, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconDownload, IconSignature } from '@tabler/icons-react';
import type { ExportFormat, ExportKind } from '#shared/domain/report';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ByteFailure } from '../../api/bytes';
import { JobProgress } from './JobProgress';
import { downloadJob, useExportJob } from './useExportJob';

interface Props {
  auditId: string;
  onIssue: () => void;
}

/** Drafts for reading and sharing; issuing (freezing and signing) is a separate step. */
export function ExportPanel({ auditId, onIssue }: Props) {
  const exporter = useExportJob();

  const start = async (kind: ExportKind, format: ExportFormat) => {
    exporter.clear();
    const outcome = await exporter.run({ auditId, kind, format });
    if ('error' in outcome) return notifyError(outcome.error, 'The export did not start');
    const { job } = outcome;
    if (job.state !== 'done') return;
    try {
      await downloadJob(job);
      notifySuccess(`${job.fileName} downloaded`);
    } catch (e) {
      if (e instanceof ByteFailure) notifyError(e.error, 'The file could not be read');
      else throw e;
    }
  };
  const cancel = () =>
    void exporter.cancel().then((error) => error && notifyError(error, 'The export could not be cancelled'));

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Downloads are drafts: unsigned and not kept. Issue the report to freeze it as a numbered version and sign it.
      </Text>
      <Group gap="sm">
        <Button
          leftSection={<IconDownload size={16} />}
          variant="default"
          disabled={exporter.busy}
          onClick={() => void start('report', 'docx')}
        >
          Download report (DOCX)
        </Button>
        <Menu position="bottom-start">
          <Menu.Target>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              rightSection={<IconChevronDown size={14} />}
              disabled={exporter.busy}
            >
              Download NC list
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void start('nc_list', 'docx')}>Word (DOCX)</Menu.Item>
            <Menu.Item onClick={() => void start('nc_list', 'xlsx')}>Excel (XLSX)</Menu.Item>
            <Menu.Item onClick={() => void start('nc_list', 'csv')}>CSV</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button leftSection={<IconSignature size={16} />} onClick={onIssue} disabled={exporter.busy}>
          Issue and sign…
        </Button>
      </Group>
      {exporter.job && <JobProgress job={exporter.job} onCancel={cancel} />}
    </Stack>
  );
}
