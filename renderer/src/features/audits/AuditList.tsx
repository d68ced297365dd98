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
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_STATUSES, AUDIT_TYPES, type AuditStatus, type AuditSummary, type AuditType } from '#shared/domain/audit';
import { useOp } from '../../api/ops';
import { usePagedOp } from '../../api/paged';
import { WindowedTable, type Column } from '../../components/windowed/WindowedTable';
import { href, navigate } from '../../lib/router';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { formatDayRange } from '../../lib/format';
import { AuditStatusBadge } from '../../components/AuditStatusBadge';
import { auditListInput, type AuditSort } from './auditListQuery';

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
  const { t } = useTranslation('audits');
  const statusOptions = AUDIT_STATUSES.map((s) => ({ value: s, label: t(`labels:auditStatus.${s}`) }));
  const typeOptions = AUDIT_TYPES.map((v) => ({ value: v, label: t(`labels:auditType.${v}`) }));

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
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            {importPackage}
            {!firstRun && (
              <Button component="a" href={href('/audits/new')} leftSection={<IconPlus size={16} />}>
                {t('list.plan')}
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
              label={t('list.searchLabel')}
              placeholder={t('list.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 260px' }}
            />
            <Select
              label={t('list.status')}
              placeholder={t('list.anyStatus')}
              data={statusOptions}
              value={status}
              onChange={setStatus}
              clearable
              w={170}
            />
            <Select
              label={t('list.type')}
              placeholder={t('list.anyType')}
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
              title={t('list.noMatch')}
              description={t('list.noMatchHint')}
              icon={<IconFilterOff />}
              actions={
                <Button variant="default" onClick={clearFilters}>
                  {t('list.clearFilters')}
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

/** The table's columns; the one with id 'dates' sorts. */
const columns = (t: TFunction<'audits'>): (Column<AuditSummary> & { id?: 'dates' })[] => [
  {
    header: t('list.client'),
    cell: (a) => (
      <Anchor href={href(`/audits/${a.id}`)} fw={500} onClick={(e) => e.stopPropagation()}>
        {a.clientName}
      </Anchor>
    ),
  },
  { header: t('list.type'), width: 170, cell: (a) => t(`labels:auditType.${a.type}`) },
  { header: t('list.status'), width: 150, cell: (a) => <AuditStatusBadge status={a.status} size="sm" /> },
  { id: 'dates', header: t('list.dates'), width: 220, cell: (a) => formatDayRange(a.startDate, a.endDate) },
  {
    header: t('list.leadAuditor'),
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
  const { t } = useTranslation('audits');
  // The Dates header sorts: the sort runs in SQL, so it is a new query, not a reordering here.
  const shown = columns(t).map((c) =>
    c.id !== 'dates'
      ? c
      : {
          ...c,
          th: { 'aria-sort': ascending ? 'ascending' : 'descending' },
          header: (
            <UnstyledButton
              onClick={onToggleSort}
              fw={600}
              fz="sm"
              aria-label={ascending ? t('list.sortOldest') : t('list.sortNewest')}
            >
              <Group gap={4} component="span" wrap="nowrap">
                {t('list.dates')}
                {ascending ? <IconArrowUp size={14} aria-hidden /> : <IconArrowDown size={14} aria-hidden />}
              </Group>
            </UnstyledButton>
          ),
        },
  );
  return (
    <Card p={0}>
      <WindowedTable
        label={t('list.tableLabel')}
        rows={audits}
        total={total}
        rowKey={(a) => a.id}
        columns={shown}
        onOpen={(a) => navigate(`/audits/${a.id}`)}
        onNearEnd={onNearEnd}
        footer={t('list.count', { count: total })}
      />
    </Card>
  );
}

function FirstRunEmptyState({ canPlan, clientCount }: { canPlan: boolean; clientCount: number }) {
  const { t } = useTranslation('audits');
  return (
    <Card py={48}>
      <Empty
        title={t('list.empty')}
        description={canPlan ? t('list.emptyCanPlan', { count: clientCount }) : t('list.emptyNoClient')}
        icon={<IconClipboardCheck />}
        variant="light"
        actions={
          canPlan ? (
            <>
              <Button component="a" href={href('/audits/new')} leftSection={<IconPlus size={16} />}>
                {t('list.plan')}
              </Button>
              <Button component="a" href={href('/clients')} variant="default">
                {t('list.viewClients')}
              </Button>
            </>
          ) : (
            <Button component="a" href={href('/clients/new')} leftSection={<IconPlus size={16} />}>
              {t('list.addClient')}
            </Button>
          )
        }
      />
    </Card>
  );
}
