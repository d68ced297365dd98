import { Badge, Text } from '@mantine/core';
import { IconMessages, IconPaperclip } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import type { Interview } from '#shared/domain/records';
import { formatLocalDateTime } from '../../lib/dateTime';
import { InterviewEditor, interviewTitle } from './InterviewEditor';
import { RecordDrawerPage, type Column } from '../../components/records/RecordDrawerPage';
import { RequirementBadges } from '../../components/RequirementPicker';
import { useAuditRefs, type AuditRefs } from '../../lib/useAuditRefs';
import { useRecords } from '../../components/records/useRecords';

export function AttachmentCount({ count }: { count: number }) {
  const { t } = useTranslation('records');
  return count > 0 ? (
    <Badge
      variant="default"
      size="sm"
      leftSection={<IconPaperclip size={12} />}
      aria-label={t('attachments', { count })}
    >
      {count}
    </Badge>
  ) : (
    <Text span size="sm" c="dimmed" aria-label={t('noAttachments')}>
      —
    </Text>
  );
}

const columns = (refs: AuditRefs, t: TFunction<'records'>): Column<Interview>[] => [
  {
    header: t('interview.interviewee'),
    main: true,
    cell: (i) => i.intervieweeName,
  },
  {
    header: t('interview.role'),
    cell: (i) => [i.intervieweeRole, i.department].filter(Boolean).join(' · ') || '—',
  },
  { header: t('fields.when'), nowrap: true, cell: (i) => formatLocalDateTime(i.heldAt) },
  { header: t('fields.site'), cell: (i) => refs.siteName(i.siteId) || '—' },
  { header: t('fields.requirements'), cell: (i) => <RequirementBadges refs={refs} itemIds={i.itemIds} /> },
  { header: t('interview.files'), cell: (i) => <AttachmentCount count={i.attachmentCount} /> },
];

/** The Interviews tab of an audit. */
export function InterviewsPage({ audit }: { audit: Audit }) {
  const state = useRecords<Interview>('interviews.list', audit.id);
  const refs = useAuditRefs(audit);
  const { t } = useTranslation('records');
  return (
    <RecordDrawerPage
      audit={audit}
      section="interviews"
      noun="interview"
      state={state}
      columns={columns(refs, t)}
      empty={{ title: t('interview.empty'), description: t('interview.emptyHint'), icon: <IconMessages /> }}
      drawerTitle={(i) => interviewTitle(i, t)}
      editor={(args) => <InterviewEditor audit={audit} refs={refs} args={args} />}
    />
  );
}
