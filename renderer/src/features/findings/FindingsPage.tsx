import { Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
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

const columns = (refs: AuditRefs, t: TFunction<'findings'>): Column<Finding>[] => [
  { header: t('tab.number'), main: true, nowrap: true, cell: findingName },
  { header: t('tab.type'), cell: (f) => <TypeBadge type={f.type} /> },
  {
    header: t('tab.requirements'),
    cell: (f) => <RequirementBadges refs={refs} itemIds={f.requirements.map((r) => r.itemId)} />,
  },
  {
    header: t('tab.statement'),
    cell: (f) =>
      excerpt(f.statement) || (
        <Text span size="sm" c="dimmed">
          {t('tab.noStatement')}
        </Text>
      ),
  },
  { header: t('tab.status'), cell: (f) => <StatusBadge status={f.status} /> },
  { header: t('tab.responseDue'), cell: (f) => <DueCell finding={f} /> },
];

const drawerTitle = (f: Finding | null, t: TFunction<'findings'>) =>
  !f ? t('tab.newFinding') : f.number ? t('tab.findingNumber', { number: f.number }) : t('tab.draftFinding');

/** The Findings tab of an audit: the list, the response deadlines, and one finding at a time in a drawer. */
export function FindingsPage({ audit }: { audit: Audit }) {
  const { t } = useTranslation('findings');
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
      columns={columns(refs, t)}
      tableMinWidth={820}
      createBlocked={audit.status === 'planned' ? raiseBlockedWhilePlanned() : undefined}
      header={<FindingSettingsForm auditId={audit.id} readOnly={readOnly} onSaved={state.reload} />}
      empty={{
        title: t('tab.emptyTitle'),
        description: t('tab.emptyDescription'),
        readOnly: t('tab.emptyReadOnly'),
        icon: <IconAlertOctagon />,
      }}
      drawerTitle={(f) => drawerTitle(f, t)}
      editor={(args) => <FindingEditor audit={audit} refs={refs} actor={actor} args={args} />}
    />
  );
}
