import { Anchor, Button, Card, Group, MultiSelect, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { AUDIT_TYPE_LABELS, type AuditType } from '#shared/domain/audit';
import {
  FINDING_STATUS_LABELS,
  FINDING_STATUSES,
  FINDING_TYPE_LABELS,
  FINDING_TYPES,
  type FindingListQuery,
  type FindingListRow,
  type FindingStatus,
  type FindingType,
} from '#shared/domain/finding';
import { qualifiedNumber } from '#shared/rules/gates/cycle';
import { usePagedOp } from '../../api/paged';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { href, navigate } from '../../lib/router';
import { formatDay, plural } from '../../lib/format';
import { WindowedTable, type Column } from '../../components/windowed/WindowedTable';
import { DueCell, excerpt, findingName, StatusBadge, TypeBadge } from '../../components/findings/labels';
import { nonconformitiesInput } from './nonconformitiesQuery';

/** The rows' columns: one line each, so every row has the same height (the table is windowed). */
const COLUMNS: Column<FindingListRow>[] = [
  {
    header: 'Number',
    width: 120,
    cell: (f) => (
      <Anchor href={href(findingPath(f))} fw={500} onClick={(e) => e.stopPropagation()}>
        {registerNumber(f)}
      </Anchor>
    ),
  },
  { header: 'Client', width: 160, cell: (f) => f.clientName },
  {
    header: 'Audit',
    width: 175,
    cell: (f) => `${AUDIT_TYPE_LABELS[f.auditType as AuditType] ?? f.auditType} · ${formatDay(f.auditStartDate)}`,
  },
  // Wide enough for the longest badge whole ("GOOD PRACTICE"); cells cut with an ellipsis, badges must not be.
  { header: 'Type', width: 150, cell: (f) => <TypeBadge type={f.type} /> },
  { header: 'Requirements', width: 130, cell: (f) => f.requirements.join(', ') || '—' },
  { header: 'Statement', cell: (f) => excerpt(f.statement, 70) },
  { header: 'Status', width: 175, cell: (f) => <StatusBadge status={f.status} /> },
  { header: 'Response due', width: 230, cell: (f) => <DueCell finding={f} /> },
];

/**
 * Findings of every audit meet here, and each audit numbers its own from NC-01: the audit's prefix
 * ("ST2-NC-01", "SV1-NC-01") keeps two of one client's cycle apart. A draft has no number yet.
 */
const registerNumber = (f: FindingListRow): string =>
  qualifiedNumber(f.auditType as AuditType, f.number) || findingName(f);

const findingPath = (f: FindingListRow) =>
  `/audits/${encodeURIComponent(f.auditId)}/findings?open=${encodeURIComponent(f.id)}`;

/**
 * Every finding across audits and clients, filtered: what is open, what is late.
 * A page at a time, filtered in SQL, only the rows in view rendered.
 */
export function NonconformitiesPage() {
  const [status, setStatus] = useState<FindingStatus[]>([]);
  const [type, setType] = useState<FindingType[]>([]);
  const [requirement, setRequirement] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [typedRequirement] = useDebouncedValue(requirement.trim(), 250);

  const query: FindingListQuery = {
    ...(status.length ? { status } : {}),
    ...(type.length ? { type } : {}),
    ...(typedRequirement ? { requirement: typedRequirement } : {}),
    ...(overdue ? { overdue: true } : {}),
  };
  const list = usePagedOp('findings.page', nonconformitiesInput(query));
  const rows = list.rows;
  const filtered = status.length + type.length > 0 || typedRequirement !== '' || overdue;
  const clearFilters = () => {
    setStatus([]);
    setType([]);
    setRequirement('');
    setOverdue(false);
  };

  let body: ReactNode;
  if (list.error && !rows) body = <LoadError error={list.error} onRetry={list.reload} />;
  else if (!rows) body = <TableSkeleton />;
  else if (rows.length === 0)
    body = (
      <Card py={48}>
        <Empty
          title={filtered ? 'No finding matches these filters' : 'No findings yet'}
          description={
            filtered
              ? 'Clear a filter to see more.'
              : 'Findings raised in any audit appear here. Open an audit’s Findings tab, or raise one from a checklist item marked as a nonconformity.'
          }
          icon={<IconAlertOctagon />}
          variant="light"
          actions={
            filtered ? (
              <Button variant="default" onClick={clearFilters}>
                Clear filters
              </Button>
            ) : (
              <Button component="a" href={href('/audits')} variant="default">
                Open the audits
              </Button>
            )
          }
        />
      </Card>
    );
  else
    body = (
      <Card p={0}>
        <WindowedTable
          label="Nonconformities and other findings"
          rows={rows}
          total={list.total}
          rowKey={(f) => f.id}
          columns={COLUMNS}
          onOpen={(f) => navigate(findingPath(f))}
          onNearEnd={list.loadMore}
          minWidth={1260}
          footer={plural(list.total, 'finding')}
        />
      </Card>
    );

  return (
    <>
      <PageHeader
        title="Nonconformities"
        description="Findings of every audit: follow responses, verifications and what is overdue"
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap" role="search" aria-label="Filter findings">
        <MultiSelect
          label="Status"
          placeholder={status.length ? undefined : 'Any status'}
          data={FINDING_STATUSES.map((s) => ({ value: s, label: FINDING_STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) => setStatus(v)}
          clearable
          w={260}
        />
        <MultiSelect
          label="Type"
          placeholder={type.length ? undefined : 'Any type'}
          data={FINDING_TYPES.map((t) => ({ value: t, label: FINDING_TYPE_LABELS[t] }))}
          value={type}
          onChange={(v) => setType(v)}
          clearable
          w={260}
        />
        <TextInput
          label="Requirement"
          placeholder="e.g. 8.5 or A.5.15"
          value={requirement}
          onChange={(e) => setRequirement(e.currentTarget.value)}
          w={170}
        />
        <Switch label="Overdue only" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} mb={8} />
      </Group>
      {body}
    </>
  );
}
