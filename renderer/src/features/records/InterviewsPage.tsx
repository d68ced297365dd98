import { Badge, Text } from '@mantine/core';
import { IconMessages, IconPaperclip } from '@tabler/icons-react';
import type { Audit } from '#shared/domain/audit';
import type { Interview } from '#shared/domain/records';
import { plural } from '../../lib/format';
import { formatLocalDateTime } from '../../lib/dateTime';
import { InterviewEditor, interviewTitle } from './InterviewEditor';
import { RecordDrawerPage, type Column } from '../../components/records/RecordDrawerPage';
import { RequirementBadges } from '../../components/RequirementPicker';
import { useAuditRefs, type AuditRefs } from '../../lib/useAuditRefs';
import { useRecords } from '../../components/records/useRecords';

export function AttachmentCount({ count }: { count: number }) {
  return count > 0 ? (
    <Badge
      variant="default"
      size="sm"
      leftSection={<IconPaperclip size={12} />}
      aria-label={plural(count, 'attachment')}
    >
      {count}
    </Badge>
  ) : (
    <Text span size="sm" c="dimmed" aria-label="No attachments">
      —
    </Text>
  );
}

const columns = (refs: AuditRefs): Column<Interview>[] => [
  {
    header: 'Interviewee',
    main: true,
    cell: (i) => i.intervieweeName,
  },
  {
    header: 'Role',
    cell: (i) => [i.intervieweeRole, i.department].filter(Boolean).join(' · ') || '—',
  },
  { header: 'When', nowrap: true, cell: (i) => formatLocalDateTime(i.heldAt) },
  { header: 'Site', cell: (i) => refs.siteName(i.siteId) || '—' },
  { header: 'Requirements', cell: (i) => <RequirementBadges refs={refs} itemIds={i.itemIds} /> },
  { header: 'Files', cell: (i) => <AttachmentCount count={i.attachmentCount} /> },
];

/** The Interviews tab of an audit. */
export function InterviewsPage({ audit }: { audit: Audit }) {
  const state = useRecords<Interview>('interviews.list', audit.id);
  const refs = useAuditRefs(audit);
  return (
    <RecordDrawerPage
      audit={audit}
      section="interviews"
      noun="interview"
      state={state}
      columns={columns(refs)}
      empty={{
        title: 'No interviews recorded yet',
        description:
          'Record each interview as it happens: who you spoke to, which requirements it covered, your notes and any photos of what you were shown.',
        icon: <IconMessages />,
      }}
      drawerTitle={interviewTitle}
      editor={(args) => <InterviewEditor audit={audit} refs={refs} args={args} />}
    />
  );
}
