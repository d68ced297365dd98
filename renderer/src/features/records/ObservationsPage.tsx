import { Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
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

const columns = (refs: AuditRefs): Column<Observation>[] => [
  { header: 'Observation', main: true, cell: observationName },
  { header: 'When', nowrap: true, cell: (o) => formatLocalDateTime(o.observedAt) },
  {
    header: 'Where',
    cell: (o) =>
      [refs.siteName(o.siteId), o.location].filter(Boolean).join(' · ') || (
        <Text span size="sm" c="dimmed">
          —
        </Text>
      ),
  },
  { header: 'Requirements', cell: (o) => <RequirementBadges refs={refs} itemIds={o.itemIds} /> },
  { header: 'Photos', cell: (o) => <AttachmentCount count={o.attachmentCount} /> },
];

/** The Observations tab of an audit. */
export function ObservationsPage({ audit }: { audit: Audit }) {
  const state = useRecords<Observation>('observations.list', audit.id);
  const refs = useAuditRefs(audit);
  return (
    <RecordDrawerPage
      audit={audit}
      section="observations"
      noun="observation"
      state={state}
      columns={columns(refs)}
      empty={{
        title: 'No observations recorded yet',
        description:
          'Record what you see on the site tour — a door left open, a screen left unlocked, a well-kept server room — with photos and the requirements it bears on.',
        icon: <IconEye />,
      }}
      drawerTitle={observationTitle}
      editor={(args) => <ObservationEditor audit={audit} refs={refs} args={args} />}
    />
  );
}
