import { Anchor, Button, Card, Group, MultiSelect, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertOctagon } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_TYPES, type AuditType } from '#shared/domain/audit';
import {
  FINDING_STATUSES,
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
import { formatDay } from '../../lib/format';
import { WindowedTable, type Column } from '../../components/windowed/WindowedTable';
import { DueCell, excerpt, findingName, StatusBadge, TypeBadge } from '../../components/findings/labels';
import { nonconformitiesInput } from './nonconformitiesQuery';

/** The rows' columns: one line each, so every row has the same height (the table is windowed). */
const columns = (t: TFunction<'findings'>): Column<FindingListRow>[] => [
  {
    header: t('register.number'),
    width: 120,
    cell: (f) => (
      <Anchor href={href(findingPath(f))} fw={500} onClick={(e) => e.stopPropagation()}>
        {registerNumber(f)}
      </Anchor>
    ),
  },
  { header: t('register.client'), width: 160, cell: (f) => f.clientName },
  {
    header: t('register.audit'),
    width: 175,
    cell: (f) =>
      `${(AUDIT_TYPES as readonly string[]).includes(f.auditType) ? t(`labels:auditType.${f.auditType}`) : f.auditType} · ${formatDay(f.auditStartDate)}`,
  },
  // Wide enough for the longest badge whole ("GOOD PRACTICE"); cells cut with an ellipsis, badges must not be.
  { header: t('register.type'), width: 150, cell: (f) => <TypeBadge type={f.type} /> },
  { header: t('register.requirements'), width: 130, cell: (f) => f.requirements.join(', ') || '—' },
  { header: t('register.statement'), cell: (f) => excerpt(f.statement, 70) },
  { header: t('register.status'), width: 175, cell: (f) => <StatusBadge status={f.status} /> },
  { header: t('register.responseDue'), width: 230, cell: (f) => <DueCell finding={f} /> },
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
  const { t } = useTranslation('findings');

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
          title={filtered ? t('register.noMatch') : t('register.empty')}
          description={filtered ? t('register.noMatchHint') : t('register.emptyHint')}
          icon={<IconAlertOctagon />}
          variant="light"
          actions={
            filtered ? (
              <Button variant="default" onClick={clearFilters}>
                {t('register.clearFilters')}
              </Button>
            ) : (
              <Button component="a" href={href('/audits')} variant="default">
                {t('register.openAudits')}
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
          label={t('register.tableLabel')}
          rows={rows}
          total={list.total}
          rowKey={(f) => f.id}
          columns={columns(t)}
          onOpen={(f) => navigate(findingPath(f))}
          onNearEnd={list.loadMore}
          minWidth={1260}
          footer={t('register.count', { count: list.total })}
        />
      </Card>
    );

  return (
    <>
      <PageHeader title={t('register.title')} description={t('register.description')} />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap" role="search" aria-label={t('register.filters')}>
        <MultiSelect
          label={t('register.status')}
          placeholder={status.length ? undefined : t('register.anyStatus')}
          data={FINDING_STATUSES.map((s) => ({ value: s, label: t(`labels:findingStatus.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v)}
          clearable
          w={260}
        />
        <MultiSelect
          label={t('register.type')}
          placeholder={type.length ? undefined : t('register.anyType')}
          data={FINDING_TYPES.map((v) => ({ value: v, label: t(`labels:findingType.${v}`) }))}
          value={type}
          onChange={(v) => setType(v)}
          clearable
          w={260}
        />
        <TextInput
          label={t('register.requirement')}
          placeholder={t('register.requirementPlaceholder')}
          value={requirement}
          onChange={(e) => setRequirement(e.currentTarget.value)}
          w={170}
        />
        <Switch
          label={t('register.overdueOnly')}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {body}
    </>
  );
}
