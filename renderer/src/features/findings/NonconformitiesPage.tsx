import { Button, Card } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingListQuery, FindingStatus, FindingType } from '#shared/domain/finding';
import { usePagedOp } from '../../api/paged';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { href, navigate } from '../../lib/router';
import { WindowedTable } from '../../components/windowed/WindowedTable';
import { nonconformitiesInput } from './nonconformitiesQuery';
import { findingPath, registerColumns } from './NonconformitiesPageColumns';
import { NonconformitiesPageFilters } from './NonconformitiesPageFilters';

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
  const columns = useMemo(() => registerColumns(t), [t]);
  // The same element while the language stays: React skips it when the list's answer renders the page again.
  const header = useMemo(() => <PageHeader title={t('register.title')} description={t('register.description')} />, [t]);

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
          columns={columns}
          onOpen={(f) => navigate(findingPath(f))}
          onNearEnd={list.loadMore}
          minWidth={1260}
          footer={t('register.count', { count: list.total })}
        />
      </Card>
    );

  return (
    <>
      {header}
      <NonconformitiesPageFilters
        {...{ status, type, requirement, overdue, setStatus, setType, setRequirement, setOverdue }}
      />
      {body}
    </>
  );
}
