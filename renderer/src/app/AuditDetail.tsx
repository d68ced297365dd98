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
import { AUDIT_STATUS_LABELS, AUDIT_TYPE_LABELS, type AuditStatus } from '#shared/domain/audit';
import { allowedTransitions, canDeleteAudit, canEditAudit } from '#shared/rules/audit-status';
import { useOp, useWriteOp } from '../api/ops';
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
  const audit = useOp('audits.get', { id });
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

  if (audit.error && !audit.data) return <LoadError error={audit.error} onRetry={audit.reload} />;
  if (!a) return <PageLoader />;

  const typeLabel = AUDIT_TYPE_LABELS[a.type];
  const dates = formatDayRange(a.startDate, a.endDate);

  const moveTo = async (to: AuditStatus) => {
    const result = await setStatus.mutate({ id, status: to });
    if (!result.ok) return notifyError(result.error, 'The status was not changed');
    notifySuccess(`Audit is now ${AUDIT_STATUS_LABELS[to].toLowerCase()}`);
  };
  const requestMove = (to: AuditStatus) => {
    if (!needsConfirmation(to)) return void moveTo(to);
    setClosing(true);
  };
  const deleteAudit = async () => {
    const result = await remove.mutate({ id });
    if (!result.ok) return notifyError(result.error, 'The audit was not deleted');
    notifySuccess(`${typeLabel} audit of ${a.clientName} deleted`);
    navigate('/audits', { replace: true });
  };
  const requestDelete = () =>
    modals.openConfirmModal({
      title: 'Delete this audit?',
      children: (
        <Text size="sm">
          The {typeLabel} audit of <b>{a.clientName}</b> planned for <b>{dates}</b> will be deleted with its team, scope
          and checklist. This cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Delete audit', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => void deleteAudit(),
    });

  return (
    <>
      <CloseAuditModal audit={a} opened={closing} onClose={() => setClosing(false)} />
      <PageHeader
        title={`${typeLabel} audit`}
        badge={<AuditStatusBadge status={a.status} size="lg" />}
        back={{ to: '/audits', label: 'Audits' }}
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
                {transitionLabel(a.status, to)}
              </Button>
            ))}
            {canEditAudit(a.status) && (
              <Button
                component="a"
                href={href(`/audits/${id}/edit`)}
                variant="default"
                leftSection={<IconPencil size={16} />}
              >
                Edit
              </Button>
            )}
            {canDeleteAudit(a.status) && (
              <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={requestDelete}>
                Delete
              </Button>
            )}
          </>
        }
      />
      {!canEditAudit(a.status) && (
        <Alert icon={<IconLock />} color="gray" mb="lg" title="Closed">
          This audit is closed. Its record backs a certification decision and can no longer be changed.
        </Alert>
      )}
      <Tabs
        value={section}
        onChange={(v) => v && navigate(sectionPath(id, v as AuditSection))}
        keepMounted={false}
        aria-label="Audit sections"
      >
        {/* One line, scrolled sideways when the window is narrow: wrapped tabs pushed the checklist down. */}
        <Tabs.List
          mb="md"
          style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden', scrollbarWidth: 'thin' }}
        >
          <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="plan" leftSection={<IconCalendarEvent size={16} />}>
            Plan
          </Tabs.Tab>
          <Tabs.Tab value="checklist" leftSection={<IconListCheck size={16} />}>
            Checklist
          </Tabs.Tab>
          <Tabs.Tab value="interviews" leftSection={<IconMessages size={16} />}>
            Interviews
          </Tabs.Tab>
          <Tabs.Tab value="observations" leftSection={<IconEye size={16} />}>
            Observations
          </Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFileText size={16} />}>
            Documents
          </Tabs.Tab>
          <Tabs.Tab value="evidence" leftSection={<IconPhoto size={16} />}>
            Evidence
          </Tabs.Tab>
          <Tabs.Tab value="findings" leftSection={<IconAlertOctagon size={16} />}>
            Findings
          </Tabs.Tab>
          <Tabs.Tab value="dashboard" leftSection={<IconChartBar size={16} />}>
            Dashboard
          </Tabs.Tab>
          <Tabs.Tab value="cycle" leftSection={<IconRepeat size={16} />}>
            Cycle
          </Tabs.Tab>
          <Tabs.Tab value="report" leftSection={<IconFileCertificate size={16} />}>
            Report
          </Tabs.Tab>
          <Tabs.Tab
            value="team"
            leftSection={<IconUsersGroup size={16} />}
            rightSection={
              openConflicts > 0 && (
                <Badge color="red" size="sm" circle>
                  {openConflicts}
                  <VisuallyHidden>{openConflicts === 1 ? ' open conflict' : ' open conflicts'}</VisuallyHidden>
                </Badge>
              )
            }
          >
            Team
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
