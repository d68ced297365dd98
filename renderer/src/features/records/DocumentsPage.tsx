import { IconFileText } from '@tabler/icons-react';
import type { Audit } from '#shared/domain/audit';
import type { DocumentReviewed } from '#shared/domain/records';
import { formatDay } from '../../lib/format';
import { DocumentEditor, documentTitle } from './DocumentEditor';
import { RecordDrawerPage, type Column } from '../../components/records/RecordDrawerPage';
import { RequirementBadges } from '../../components/RequirementPicker';
import { useAuditRefs, type AuditRefs } from '../../lib/useAuditRefs';
import { useRecords } from '../../components/records/useRecords';

const dash = (s: string) => s || '—';

const columns = (refs: AuditRefs): Column<DocumentReviewed>[] => [
  { header: 'Title', main: true, cell: (d) => d.title },
  { header: 'Identifier', cell: (d) => dash(d.identifier) },
  { header: 'Version', cell: (d) => dash(d.revision) },
  { header: 'Date', nowrap: true, cell: (d) => (d.documentDate ? formatDay(d.documentDate) : '—') },
  { header: 'Owner', cell: (d) => dash(d.owner) },
  { header: 'Requirements', cell: (d) => <RequirementBadges refs={refs} itemIds={d.itemIds} /> },
];

/** The Documents tab of an audit: documents reviewed, seen but not copied. */
export function DocumentsPage({ audit }: { audit: Audit }) {
  const state = useRecords<DocumentReviewed>('documents.list', audit.id);
  const refs = useAuditRefs(audit);
  return (
    <RecordDrawerPage
      audit={audit}
      section="documents"
      noun="document"
      state={state}
      columns={columns(refs)}
      empty={{
        title: 'No documents reviewed yet',
        description:
          'List each policy, procedure or record you read, with the version you saw and the requirements it supports. Documents are noted, not copied.',
        icon: <IconFileText />,
      }}
      drawerTitle={documentTitle}
      editor={(args) => <DocumentEditor audit={audit} refs={refs} args={args} />}
    />
  );
}
