import { Anchor, Button, Card, Group, Select, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconArrowDown,
  IconArrowUp,
  IconClipboardCheck,
  IconFilterOff,
  IconPlus,
  IconSearch,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import {
  AUDIT_STATUSES,
  AUDIT_STATUS_LABELS,
  AUDIT_TYPES,
  AUDIT_TYPE_LABELS,
  type AuditStatus,
  type AuditSummary,
  type AuditType,
} from '#shared/domain/audit';
import { useOp } from '../../api/ops';
import { usePagedOp } from '../../api/paged';
import { WindowedTable, type Column } from '../../components/windowed/WindowedTable';
import { href, navigate } from '../../lib/router';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { formatDayRange, plural } from '../../lib/format';
import { AuditStatusBadge } from '../../components/AuditStatusBadge';
import { auditListInput, type AuditSort } from './auditListQuery';

const statusOptions = AUDIT_STATUSES.map((s) => ({ value: s, label: AUDIT_STATUS_LABELS[s] }));
const typeOptions = AUDIT_TYPES.map((t) => ({ value: t, label: AUDIT_TYPE_LABELS[t] }));

/**
 * `importPackage`: the team feature's button that opens a package from the lead; `setup`: the dashboard
 * feature's first-run list, shown while there are no audits yet. Both placed by the route.
 */
export function AuditList({ importPackage, setup }: { importPackage: ReactNode; setup?: ReactNode }) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<AuditStatus | null>(null);
  const [type, setType] = useState<AuditType | null>(null);
  const [sort, setSort] = useState<AuditSort>('start_desc');

  const audits = usePagedOp('audits.page', auditListInput({ sort, search: debouncedSearch, status, type }));
  const filtered = Boolean(search.trim() || status || type);
  const clearFilters = () => {
    setSearch('');
    setStatus(null);
    setType(null);
  };

  const firstRun = audits.rows?.length === 0 && !filtered;
  // Only the first-run message counts the clients: a screen listing audits asks for nothing beside its first page.
  const clients = useOp('clients.list', {}, { enabled: firstRun });
  const canPlan = (clients.data?.length ?? 0) > 0;

  return (
    <>
      <PageHeader
        title="Audits"
        description="Every engagement on this laptop, planned to closed."
        actions={
          <>
            {importPackage}
            {!firstRun && (
              <Button component="a" href={href('/audits/new')} leftSection={<IconPlus size={16} />}>
                Plan audit
              </Button>
            )}
          </>
        }
      />
      {audits.error && !audits.rows ? (
        <LoadError error={audits.error} onRetry={audits.reload} />
      ) : firstRun ? (
        <>
          {setup}
          <FirstRunEmptyState canPlan={canPlan} clientCount={clients.data?.length ?? 0} />
        </>
      ) : (
        <>
          <Group mb="md" align="flex-end" gap="sm" role="search">
            <TextInput
              label="Search"
              placeholder="Client, scope or lead auditor"
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 260px' }}
            />
            <Select
              label="Status"
              placeholder="Any status"
              data={statusOptions}
              value={status}
              onChange={setStatus}
              clearable
              w={170}
            />
            <Select
              label="Type"
              placeholder="Any type"
              data={typeOptions}
              value={type}
              onChange={setType}
              clearable
              w={190}
            />
          </Group>
          {!audits.rows ? (
            <TableSkeleton />
          ) : audits.rows.length === 0 ? (
            <Empty
              mt="xl"
              title="No audits match these filters"
              description="Try another search, or clear the filters to see every audit."
              icon={<IconFilterOff />}
              actions={
                <Button variant="default" onClick={clearFilters}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <AuditTable
              audits={audits.rows}
              total={audits.total}
              onNearEnd={audits.loadMore}
              sort={sort}
              onToggleSort={() => setSort(sort === 'start_asc' ? 'start_desc' : 'start_asc')}
            />
          )}
        </>
      )}
    </>
  );
}

const COLUMNS: Column<AuditSummary>[] = [
  {
    header: 'Client',
    cell: (a) => (
      <Anchor href={href(`/audits/${a.id}`)} fw={500} onClick={(e) => e.stopPropagation()}>
        {a.clientName}
      </Anchor>
    ),
  },
  { header: 'Type', width: 170, cell: (a) => AUDIT_TYPE_LABELS[a.type] },
  { header: 'Status', width: 150, cell: (a) => <AuditStatusBadge status={a.status} size="sm" /> },
  { header: 'Dates', width: 220, cell: (a) => formatDayRange(a.startDate, a.endDate) },
  {
    header: 'Lead auditor',
    width: 200,
    cell: (a) =>
      a.leadAuditor || (
        <Text span c="dimmed">
          —
        </Text>
      ),
  },
];

function AuditTable({
  audits,
  total,
  onNearEnd,
  sort,
  onToggleSort,
}: {
  audits: AuditSummary[];
  total: number;
  onNearEnd: () => void;
  sort: AuditSort;
  onToggleSort: () => void;
}) {
  const ascending = sort === 'start_asc';
  // The Dates header sorts: the sort runs in SQL, so it is a new query, not a reordering here.
  const columns = COLUMNS.map((c) =>
    c.header !== 'Dates'
      ? c
      : {
          ...c,
          th: { 'aria-sort': ascending ? 'ascending' : 'descending' },
          header: (
            <UnstyledButton
              onClick={onToggleSort}
              fw={600}
              fz="sm"
              aria-label={`Dates, sorted by start date ${ascending ? 'oldest' : 'newest'} first. Change sort order`}
            >
              <Group gap={4} component="span" wrap="nowrap">
                Dates
                {ascending ? <IconArrowUp size={14} aria-hidden /> : <IconArrowDown size={14} aria-hidden />}
              </Group>
            </UnstyledButton>
          ),
        },
  );
  return (
    <Card p={0}>
      <WindowedTable
        label="Audits"
        rows={audits}
        total={total}
        rowKey={(a) => a.id}
        columns={columns}
        onOpen={(a) => navigate(`/audits/${a.id}`)}
        onNearEnd={onNearEnd}
        footer={plural(total, 'audit')}
      />
    </Card>
  );
}

function FirstRunEmptyState({ canPlan, clientCount }: { canPlan: boolean; clientCount: number }) {
  return (
    <Card py={48}>
      <Empty
        title="No audits yet"
        description={
          canPlan
            ? `Plan the first audit for one of your ${plural(clientCount, 'client')}, or import a package your lead sent you.`
            : 'Create a client first, then plan its first audit. On a lead auditor’s team? Import the package they sent you.'
        }
        icon={<IconClipboardCheck />}
        variant="light"
        actions={
          canPlan ? (
            <>
              <Button component="a" href={href('/audits/new')} leftSection={<IconPlus size={16} />}>
                Plan audit
              </Button>
              <Button component="a" href={href('/clients')} variant="default">
                View clients
              </Button>
            </>
          ) : (
            <Button component="a" href={href('/clients/new')} leftSection={<IconPlus size={16} />}>
              Add client
            </Button>
          )
        }
      />
    </Card>
  );
}
