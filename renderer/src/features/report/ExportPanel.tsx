import { Button, Group, Menu, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconDownload, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportKind } from '#shared/domain/report';
import type { ReportTemplate } from '#shared/domain/report-templates';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ByteFailure } from '../../api/bytes';
import { JobProgress } from './JobProgress';
import { layoutChoice, ReportLayoutSelect, type ReportLayout } from './ReportLayoutSelect';
import { downloadJob, useExportJob } from './useExportJob';

interface Props {
  auditId: string;
  onIssue: () => void;
  /** The Word layouts for the audit report (Settings → Report templates) and the one chosen. */
  templates: readonly ReportTemplate[];
  layout: ReportLayout;
  onLayout: (layout: ReportLayout) => void;
}

/** Drafts for reading and sharing; issuing (freezing and signing) is a separate step. */
export function ExportPanel({ auditId, onIssue, templates, layout, onLayout }: Props) {
  const { t } = useTranslation('report');
  const exporter = useExportJob();

  const start = async (kind: ExportKind, format: ExportFormat) => {
    exporter.clear();
    // The layout chosen is the audit report's; the NC list keeps its own default.
    const template = kind === 'report' ? layoutChoice(layout, templates) : undefined;
    const outcome = await exporter.run({ auditId, kind, format, ...(template ? { template } : {}) });
    if ('error' in outcome) return notifyError(outcome.error, t('export.notStarted'));
    const { job } = outcome;
    if (job.state !== 'done') return;
    try {
      await downloadJob(job);
      notifySuccess(t('export.downloaded', { file: job.fileName }));
    } catch (e) {
      if (e instanceof ByteFailure) notifyError(e.error, t('export.unreadable'));
      else throw e;
    }
  };
  const cancel = () => void exporter.cancel().then((error) => error && notifyError(error, t('export.notCancelled')));

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('export.draftsHint')}
      </Text>
      <ReportLayoutSelect templates={templates} value={layout} onChange={onLayout} disabled={exporter.busy} />
      <Group gap="sm">
        <Button
          leftSection={<IconDownload size={16} />}
          variant="default"
          disabled={exporter.busy}
          onClick={() => void start('report', 'docx')}
        >
          {t('export.report')}
        </Button>
        <Menu position="bottom-start">
          <Menu.Target>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              rightSection={<IconChevronDown size={14} />}
              disabled={exporter.busy}
            >
              {t('export.ncList')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void start('nc_list', 'docx')}>{t('export.word')}</Menu.Item>
            <Menu.Item onClick={() => void start('nc_list', 'xlsx')}>{t('export.excel')}</Menu.Item>
            <Menu.Item onClick={() => void start('nc_list', 'csv')}>{t('export.csv')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button leftSection={<IconSignature size={16} />} onClick={onIssue} disabled={exporter.busy}>
          {t('export.issue')}
        </Button>
      </Group>
      {exporter.job && <JobProgress job={exporter.job} onCancel={cancel} />}
    </Stack>
  );
}
