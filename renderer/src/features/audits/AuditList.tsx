import { Button, Card, Group, Select, TextInput, UnstyledButton } from '@mantine/core';
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
import { memo, useCallback, useMemo, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
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
import { AUDIT_STATUS_COLORS } from '../../components/AuditStatusBadge';
import { CellBadge, CellLink, Dimmed, type CellTone } from '../../components/windowed/cells';
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
  const toggleSort = useCallback(() => setSort((s) => (s === 'start_asc' ? 'start_desc' : 'start_asc')), []);
  // The same element while these stay: React skips it when the list's answer renders the screen again.
  const header = useMemo(
    () => (
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
    ),
    [t, importPackage, firstRun],
  );

  return (
    <>
      {header}
      {audits.error && !audits.rows ? (
        <LoadError error={audits.error} onRetry={audits.reload} />
      ) : firstRun ? (
        <>
          {setup}
          <FirstRunEmptyState canPlan={canPlan} clientCount={clients.data?.length ?? 0} />
        </>
      ) : (
        <>
          <AuditFilters {...{ search, status, type, setSearch, setStatus, setType }} />
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
              onToggleSort={toggleSort}
            />
          )}
        </>
      )}
    </>
  );
}

/**
 * The list's search and filters. Memoised: the screen renders again when the list's answer arrives, and the
 * text field and the two selects need not (their props are the filters and React's state setters, which stay).
 */
const AuditFilters = memo(function AuditFilters({
  search,
  status,
  type,
  setSearch,
  setStatus,
  setType,
}: {
  search: string;
  status: AuditStatus | null;
  type: AuditType | null;
  setSearch: Dispatch<SetStateAction<string>>;
  setStatus: Dispatch<SetStateAction<AuditStatus | null>>;
  setType: Dispatch<SetStateAction<AuditType | null>>;
}) {
  const { t } = useTranslation('audits');
  const statusOptions = useMemo(
    () => AUDIT_STATUSES.map((s) => ({ value: s, label: t(`labels:auditStatus.${s}`) })),
    [t],
  );
  const typeOptions = useMemo(() => AUDIT_TYPES.map((v) => ({ value: v, label: t(`labels:auditType.${v}`) })), [t]);
  return (
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
  );
});

/** The table's columns; the one with id 'dates' sorts. Plain cells (components/windowed/cells), labels looked up once. */
const columns = (t: TFunction<'audits'>): (Column<AuditSummary> & { id?: 'dates' })[] => {
  const types = Object.fromEntries(AUDIT_TYPES.map((v) => [v, t(`labels:auditType.${v}`)])) as Record<string, string>;
  const statuses = Object.fromEntries(AUDIT_STATUSES.map((s) => [s, t(`labels:auditStatus.${s}`)])) as Record<
    string,
    string
  >;
  return [
    { header: t('list.client'), cell: (a) => <CellLink href={href(`/audits/${a.id}`)}>{a.clientName}</CellLink> },
    { header: t('list.type'), width: 170, cell: (a) => types[a.type] },
    {
      header: t('list.status'),
      width: 150,
      // <AuditStatusBadge size="sm">, drawn plain.
      cell: (a) => (
        <CellBadge tone={AUDIT_STATUS_COLORS[a.status] as CellTone} look="light" size="sm" radius="pill">
          {statuses[a.status]}
        </CellBadge>
      ),
    },
    { id: 'dates', header: t('list.dates'), width: 220, cell: (a) => formatDayRange(a.startDate, a.endDate) },
    { header: t('list.leadAuditor'), width: 200, cell: (a) => a.leadAuditor || <Dimmed>—</Dimmed> },
  ];
};

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
  const shown = useMemo(
    () =>
      columns(t).map((c) =>
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
      ),
    [t, ascending, onToggleSort],
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
