import { Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import type { Observation } from '#shared/domain/records';
import { formatLocalDateTime } from '../../lib/dateTime';
import { AttachmentCount } from './InterviewsPage';
import { observationName } from '../../lib/recordNames';
import { ObservationEditor, observationTitle } from './ObservationEditor';
import { RecordDrawerPage, type Column } from '../../components/records/RecordDrawerPage';
import { RequirementBadges } from '../../components/RequirementPicker';
import { useAuditRefs, type AuditRefs } from '../../lib/useAuditRefs';
import { useRecords } from '../../components/records/useRecords';

const columns = (refs: AuditRefs, t: TFunction<'records'>): Column<Observation>[] => [
  { header: t('observation.column'), main: true, cell: observationName },
  { header: t('fields.when'), nowrap: true, cell: (o) => formatLocalDateTime(o.observedAt) },
  {
    header: t('observation.where'),
    cell: (o) =>
      [refs.siteName(o.siteId), o.location].filter(Boolean).join(' · ') || (
        <Text span size="sm" c="dimmed">
          —
        </Text>
      ),
  },
  { header: t('fields.requirements'), cell: (o) => <RequirementBadges refs={refs} itemIds={o.itemIds} /> },
  { header: t('observation.photos'), cell: (o) => <AttachmentCount count={o.attachmentCount} /> },
];

/** The Observations tab of an audit. */
export function ObservationsPage({ audit }: { audit: Audit }) {
  const state = useRecords<Observation>('observations.list', audit.id);
  const refs = useAuditRefs(audit);
  const { t } = useTranslation('records');
  return (
    <RecordDrawerPage
      audit={audit}
      section="observations"
      noun="observation"
      state={state}
      columns={columns(refs, t)}
      empty={{ title: t('observation.empty'), description: t('observation.emptyHint'), icon: <IconEye /> }}
      drawerTitle={(o) => observationTitle(o, t)}
      editor={(args) => <ObservationEditor audit={audit} refs={refs} args={args} />}
    />
  );
}
