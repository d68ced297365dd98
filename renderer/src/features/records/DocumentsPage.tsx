import { IconFileText } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import type { DocumentReviewed } from '#shared/domain/records';
import { formatDay } from '../../lib/format';
import { DocumentEditor, documentTitle } from './DocumentEditor';
import { RecordDrawerPage, type Column } from '../../components/records/RecordDrawerPage';
import { RequirementBadges } from '../../components/RequirementPicker';
import { useAuditRefs, type AuditRefs } from '../../lib/useAuditRefs';
import { useRecords } from '../../components/records/useRecords';

const dash = (s: string) => s || '—';

const columns = (refs: AuditRefs, t: TFunction<'records'>): Column<DocumentReviewed>[] => [
  { header: t('document.title'), main: true, cell: (d) => d.title },
  { header: t('document.identifier'), cell: (d) => dash(d.identifier) },
  { header: t('document.version'), cell: (d) => dash(d.revision) },
  { header: t('document.date'), nowrap: true, cell: (d) => (d.documentDate ? formatDay(d.documentDate) : '—') },
  { header: t('document.owner'), cell: (d) => dash(d.owner) },
  { header: t('fields.requirements'), cell: (d) => <RequirementBadges refs={refs} itemIds={d.itemIds} /> },
];

/** The Documents tab of an audit: documents reviewed, seen but not copied. */
export function DocumentsPage({ audit }: { audit: Audit }) {
  const state = useRecords<DocumentReviewed>('documents.list', audit.id);
  const refs = useAuditRefs(audit);
  const { t } = useTranslation('records');
  return (
    <RecordDrawerPage
      audit={audit}
      section="documents"
      noun="document"
      state={state}
      columns={columns(refs, t)}
      empty={{ title: t('document.empty'), description: t('document.emptyHint'), icon: <IconFileText /> }}
      drawerTitle={(d) => documentTitle(d, t)}
      editor={(args) => <DocumentEditor audit={audit} refs={refs} args={args} />}
    />
  );
}
