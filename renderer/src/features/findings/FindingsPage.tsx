import { Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import type { Audit } from '#shared/domain/audit';
import type { Finding } from '#shared/domain/finding';
import { canEditAudit } from '#shared/rules/audit-status';
import { RecordDrawerPage, type Column } from '../../components/records/RecordDrawerPage';
import { RequirementBadges } from '../../components/RequirementPicker';
import { useAuditRefs, type AuditRefs } from '../../lib/useAuditRefs';
import { FindingEditor } from './FindingEditor';
import { FindingSettingsForm } from './FindingSettingsForm';
import { DueCell, excerpt, findingName, StatusBadge, TypeBadge } from '../../components/findings/labels';
import { raiseBlockedWhilePlanned } from '../../components/findings/ItemFindings';
import { useActor } from '../../lib/useActor';
import { useRecords } from '../../components/records/useRecords';

const columns = (refs: AuditRefs): Column<Finding>[] => [
  { header: 'Number', main: true, nowrap: true, cell: findingName },
  { header: 'Type', cell: (f) => <TypeBadge type={f.type} /> },
  {
    header: 'Requirements',
    cell: (f) => <RequirementBadges refs={refs} itemIds={f.requirements.map((r) => r.itemId)} />,
  },
  {
    header: 'Statement',
    cell: (f) =>
      excerpt(f.statement) || (
        <Text span size="sm" c="dimmed">
          No statement yet
        </Text>
      ),
  },
  { header: 'Status', cell: (f) => <StatusBadge status={f.status} /> },
  { header: 'Response due', cell: (f) => <DueCell finding={f} /> },
];

const drawerTitle = (f: Finding | null) => (!f ? 'New finding' : f.number ? `Finding ${f.number}` : 'Draft finding');

/** The Findings tab of an audit: the list, the response deadlines, and one finding at a time in a drawer. */
export function FindingsPage({ audit }: { audit: Audit }) {
  const readOnly = !canEditAudit(audit.status);
  const state = useRecords<Finding>('findings.list', audit.id, 'last');
  const refs = useAuditRefs(audit);
  const actor = useActor(audit);
  return (
    <RecordDrawerPage
      audit={audit}
      section="findings"
      noun="finding"
      state={state}
      columns={columns(refs)}
      tableMinWidth={820}
      createBlocked={audit.status === 'planned' ? raiseBlockedWhilePlanned() : undefined}
      header={<FindingSettingsForm auditId={audit.id} readOnly={readOnly} onSaved={state.reload} />}
      empty={{
        title: 'No findings yet',
        description:
          'Raise a finding from a checklist item marked as a nonconformity or OFI (“Raise finding”), or start one here with “New finding” or the n key.',
        readOnly: 'This audit is closed; no findings were raised.',
        icon: <IconAlertOctagon />,
      }}
      drawerTitle={drawerTitle}
      editor={(args) => <FindingEditor audit={audit} refs={refs} actor={actor} args={args} />}
    />
  );
}
