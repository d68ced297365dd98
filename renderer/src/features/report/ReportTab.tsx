import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import type { ReportIssue, ReportState } from '#shared/domain/report';
import { canEditAudit } from '#shared/rules/audit-status';
import { useOp } from '../../api/ops';
import { Block } from '../../components/Block';
import { LoadError, PageLoader } from '../../components/LoadState';
import { useActor } from '../../lib/useActor';
import { ExportPanel } from './ExportPanel';
import { layoutChoice, type ReportLayout } from './ReportLayoutSelect';
import { IssuedVersions } from './IssuedVersions';
import { IssueModal } from './IssueModal';
import { ReportDetailsForm } from './ReportDetailsForm';

const newestReport = (issues: ReportIssue[]): ReportIssue | undefined =>
  issues.filter((i) => i.kind === 'report').sort((a, b) => b.version - a.version)[0];

function ChangedBanner({ state }: { state: ReportState }) {
  const { t } = useTranslation('report');
  const latest = newestReport(state.issues);
  if (!state.changedSinceIssue.report || !latest) return null;
  return (
    <Alert color="blue" icon={<IconInfoCircle />} title={t('tab.changedTitle')}>
      {t('tab.changedBody', { version: latest.version, next: latest.version + 1 })}
    </Alert>
  );
}

function Gaps({ gaps }: { gaps: string[] }) {
  const { t } = useTranslation('report');
  if (gaps.length === 0)
    return (
      <Text size="sm" c="teal">
        {t('tab.nothingMissing')}
      </Text>
    );
  return (
    <Alert color="yellow" icon={<IconAlertTriangle />} title={t('tab.lacks', { n: gaps.length })}>
      <List size="sm">
        {gaps.map((g) => (
          <List.Item key={g}>{g}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Audit → Report: what the report says beyond the record, what it lacks, exports, issued versions. */
export function ReportTab({ audit }: { audit: Audit }) {
  const { t } = useTranslation('report');
  const state = useOp('reports.get', { auditId: audit.id });
  const identities = useOp('signing.list', {});
  const templates = useOp('reportTemplates.list', { type: 'report' });
  const [layout, setLayout] = useState<ReportLayout>('default');
  const by = useActor(audit);
  const [issuing, setIssuing] = useState(false);
  const lead = audit.team.find((m) => m.role === 'lead_auditor')?.name ?? '';

  if (state.error && !state.data) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!state.data) return <PageLoader />;
  const s = state.data;

  return (
    <Stack gap="lg">
      <ChangedBanner state={s} />
      <Block title={t('tab.gaps')}>
        <Gaps gaps={s.gaps} />
      </Block>
      <Block title={t('tab.export')}>
        <ExportPanel
          auditId={audit.id}
          templates={templates.data ?? []}
          layout={layout}
          onLayout={setLayout}
          onIssue={() => {
            identities.reload();
            setIssuing(true);
          }}
        />
      </Block>
      <Block title={t('tab.issued')}>
        <IssuedVersions issues={s.issues} />
      </Block>
      <Block>
        <Title order={3} size="h5" mb={4}>
          {t('tab.details')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('tab.detailsIntro')}
        </Text>
        <ReportDetailsForm auditId={audit.id} details={s.details} by={by} readOnly={!canEditAudit(audit.status)} />
      </Block>
      <IssueModal
        opened={issuing}
        onClose={() => setIssuing(false)}
        auditId={audit.id}
        identities={identities.data ?? []}
        leadAuditor={lead}
        by={by}
        reportTemplate={layoutChoice(layout, templates.data ?? [])}
      />
    </Stack>
  );
}
