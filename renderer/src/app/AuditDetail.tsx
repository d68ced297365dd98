import { Alert, Badge, Button, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import {
  IconAlertOctagon,
  IconCalendarEvent,
  IconChartBar,
  IconEye,
  IconFileText,
  IconInfoCircle,
  IconListCheck,
  IconLock,
  IconMessages,
  IconPencil,
  IconPhoto,
  IconFileCertificate,
  IconRepeat,
  IconTrash,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AuditStatus } from '#shared/domain/audit';
import { allowedTransitions, canDeleteAudit, canEditAudit } from '#shared/rules/audit-status';
import { PREFETCHED_FRESH_MS, useOp, useWriteOp } from '../api/ops';
import { href, navigate } from '../lib/router';
import { LoadError, PageLoader } from '../components/LoadState';
import { PageHeader } from '../components/PageHeader';
import { formatDayRange } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';
import { ChecklistScreen } from '../features/checklist/ChecklistScreen';
import { prefetchChecklist } from '../features/checklist/useChecklist';
import { EvidenceLibrary } from '../features/evidence/EvidenceLibrary';
import { FindingsPage } from '../features/findings/FindingsPage';
import { CycleTab } from '../features/programme/CycleTab';
import { PlanTab } from '../features/plan/PlanTab';
import { ReviewPanel } from '../features/review/ReviewPanel';
import { DocumentsPage } from '../features/records/DocumentsPage';
import { InterviewsPage } from '../features/records/InterviewsPage';
import { ReportTab } from '../features/report/ReportTab';
import { CloseAuditModal } from '../features/report/CloseAuditModal';
import { ObservationsPage } from '../features/records/ObservationsPage';
import { TeamTab } from '../features/team/TeamTab';
import { AuditOverview } from '../features/audits/AuditOverview';
import { needsConfirmation, transitionLabel } from '../features/audits/statusActions';
import { AuditStatusBadge } from '../components/AuditStatusBadge';
import type { AuditSection } from './sections';

// The chart library is large; only the dashboard needs it, so it loads on first visit.
const AuditDashboard = lazy(() => import('../features/dashboard/AuditDashboard'));

const sectionPath = (id: string, s: AuditSection) => (s === 'overview' ? `/audits/${id}` : `/audits/${id}/${s}`);

export function AuditDetail({ id, section }: { id: string; section: AuditSection }) {
  // Opened from the address bar, the route started this read with the page's code (app/routes).
  const audit = useOp('audits.get', { id }, { freshForMs: PREFETCHED_FRESH_MS });
  const a = audit.data;
  const setStatus = useWriteOp('audits.setStatus');
  const client = useQueryClient();
  useEffect(() => {
    if (section === 'checklist') prefetchChecklist(client, id);
  }, [client, id, section]);
  const remove = useWriteOp('audits.delete');
  // Closing goes through the completeness gates: the modal lists what is missing and asks for a reason.
  const [closing, setClosing] = useState(false);
  // The Team tab's badge counts open conflicts: the audit shows them until they are decided.
  const team = useOp('team.status', { auditId: id });
  const openConflicts = team.data?.openConflicts ?? 0;
  const { t } = useTranslation('audits');

  if (audit.error && !audit.data) return <LoadError error={audit.error} onRetry={audit.reload} />;
  if (!a) return <PageLoader />;

  const typeLabel = t(`labels:auditType.${a.type}`);
  const dates = formatDayRange(a.startDate, a.endDate);

  const moveTo = async (to: AuditStatus) => {
    const result = await setStatus.mutate({ id, status: to });
    if (!result.ok) return notifyError(result.error, t('detail.statusNotChanged'));
    notifySuccess(t('detail.statusNow', { status: t(`labels:auditStatus.${to}`) }));
  };
  const requestMove = (to: AuditStatus) => {
    if (!needsConfirmation(to)) return void moveTo(to);
    setClosing(true);
  };
  const deleteAudit = async () => {
    const result = await remove.mutate({ id });
    if (!result.ok) return notifyError(result.error, t('detail.notDeleted'));
    notifySuccess(t('detail.deleted', { type: typeLabel, client: a.clientName }));
    navigate('/audits', { replace: true });
  };
  const requestDelete = () =>
    modals.openConfirmModal({
      title: t('detail.deleteTitle'),
      children: (
        <Text size="sm">
          <Trans
            t={t}
            i18nKey="detail.deleteBody"
            values={{ type: typeLabel, client: a.clientName, dates }}
            components={{ b: <b /> }}
          />
        </Text>
      ),
      labels: { confirm: t('detail.deleteConfirm'), cancel: t('common:cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void deleteAudit(),
    });

  return (
    <>
      <CloseAuditModal audit={a} opened={closing} onClose={() => setClosing(false)} />
      <PageHeader
        title={t('detail.title', { type: typeLabel })}
        badge={<AuditStatusBadge status={a.status} size="lg" />}
        back={{ to: '/audits', label: t('detail.back') }}
        description={
          <>
            {a.clientName} · {dates}
          </>
        }
        actions={
          <>
            {allowedTransitions(a.status).map((to, i) => (
              <Button
                key={to}
                variant={i === 0 ? 'filled' : 'default'}
                loading={setStatus.pending}
                onClick={() => requestMove(to)}
              >
                {t(transitionLabel(a.status, to))}
              </Button>
            ))}
            {canEditAudit(a.status) && (
              <Button
                component="a"
                href={href(`/audits/${id}/edit`)}
                variant="default"
                leftSection={<IconPencil size={16} />}
              >
                {t('detail.edit')}
              </Button>
            )}
            {canDeleteAudit(a.status) && (
              <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={requestDelete}>
                {t('detail.delete')}
              </Button>
            )}
          </>
        }
      />
      {!canEditAudit(a.status) && (
        <Alert icon={<IconLock />} color="gray" mb="lg" title={t('detail.closedTitle')}>
          {t('detail.closedBody')}
        </Alert>
      )}
      <Tabs
        value={section}
        onChange={(v) => v && navigate(sectionPath(id, v as AuditSection))}
        keepMounted={false}
        aria-label={t('detail.sections')}
      >
        {/* One line, scrolled sideways when the window is narrow: wrapped tabs pushed the checklist down. */}
        <Tabs.List
          mb="md"
          style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden', scrollbarWidth: 'thin' }}
        >
          <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>
            {t('detail.tabs.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="plan" leftSection={<IconCalendarEvent size={16} />}>
            {t('detail.tabs.plan')}
          </Tabs.Tab>
          <Tabs.Tab value="checklist" leftSection={<IconListCheck size={16} />}>
            {t('detail.tabs.checklist')}
          </Tabs.Tab>
          <Tabs.Tab value="interviews" leftSection={<IconMessages size={16} />}>
            {t('detail.tabs.interviews')}
          </Tabs.Tab>
          <Tabs.Tab value="observations" leftSection={<IconEye size={16} />}>
            {t('detail.tabs.observations')}
          </Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFileText size={16} />}>
            {t('detail.tabs.documents')}
          </Tabs.Tab>
          <Tabs.Tab value="evidence" leftSection={<IconPhoto size={16} />}>
            {t('detail.tabs.evidence')}
          </Tabs.Tab>
          <Tabs.Tab value="findings" leftSection={<IconAlertOctagon size={16} />}>
            {t('detail.tabs.findings')}
          </Tabs.Tab>
          <Tabs.Tab value="dashboard" leftSection={<IconChartBar size={16} />}>
            {t('detail.tabs.dashboard')}
          </Tabs.Tab>
          <Tabs.Tab value="cycle" leftSection={<IconRepeat size={16} />}>
            {t('detail.tabs.cycle')}
          </Tabs.Tab>
          <Tabs.Tab value="report" leftSection={<IconFileCertificate size={16} />}>
            {t('detail.tabs.report')}
          </Tabs.Tab>
          <Tabs.Tab
            value="team"
            leftSection={<IconUsersGroup size={16} />}
            rightSection={
              openConflicts > 0 && (
                <Badge color="red" size="sm" circle>
                  {openConflicts}
                  <VisuallyHidden>{t('detail.openConflicts', { count: openConflicts })}</VisuallyHidden>
                </Badge>
              )
            }
          >
            {t('detail.tabs.team')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={section}>
          {section === 'overview' && <AuditOverview audit={a} />}
          {section === 'checklist' && <ChecklistScreen audit={a} />}
          {section === 'interviews' && <InterviewsPage audit={a} />}
          {section === 'observations' && <ObservationsPage audit={a} />}
          {section === 'documents' && <DocumentsPage audit={a} />}
          {section === 'evidence' && <EvidenceLibrary audit={a} />}
          {section === 'findings' && <FindingsPage audit={a} />}
          {section === 'dashboard' && (
            <Suspense fallback={<PageLoader />}>
              <AuditDashboard audit={a} />
            </Suspense>
          )}
          {section === 'plan' && <PlanTab audit={a} />}
          {section === 'cycle' && (
            <>
              <CycleTab audit={a} />
              <ReviewPanel audit={a} />
            </>
          )}
          {section === 'report' && <ReportTab audit={a} />}
          {section === 'team' && <TeamTab audit={a} />}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
