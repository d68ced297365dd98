import { Group, Pagination, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictResolveInput, ConflictView } from '#shared/domain/team';
import { useOp, useWriteOp } from '../../api/ops';
import { Empty } from '../../components/Empty';
import { LoadError, PageLoader } from '../../components/LoadState';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ConflictCard } from './ConflictCard';

export const CONFLICTS_PER_PAGE = 50;

interface Props {
  auditId: string;
  by: string;
  readOnly: boolean;
}

const keyOf = (c: ConflictView) => `${c.table}/${c.rowId}/${c.field ?? ''}`;

/** The audit's open conflicts, 50 a page, each decided on its own card. */
export function ConflictsSection({ auditId, by, readOnly }: Props) {
  const { t } = useTranslation('team');
  const [page, setPage] = useState(1);
  const list = useOp('conflicts.list', {
    auditId,
    offset: (page - 1) * CONFLICTS_PER_PAGE,
    limit: CONFLICTS_PER_PAGE,
  });
  // A decision refreshes this list, the tab's count and the audit's data (api/invalidation.ts).
  const resolve = useWriteOp('conflicts.resolve');
  const [deciding, setDeciding] = useState<string | null>(null);

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <PageLoader />;
  const { total, items } = list.data;
  const pages = Math.max(1, Math.ceil(total / CONFLICTS_PER_PAGE));

  if (total === 0)
    return <Empty icon={<IconCircleCheck />} title={t('conflicts.none')} description={t('conflicts.noneHint')} />;

  const decide = async (c: ConflictView, choice: ConflictResolveInput['choice']): Promise<boolean> => {
    setDeciding(keyOf(c));
    const result = await resolve.mutate({
      auditId,
      table: c.table,
      rowId: c.rowId,
      field: c.field,
      choice,
      by,
    });
    setDeciding(null);
    if (!result.ok) {
      notifyError(result.error, t('conflicts.failed'));
      return false;
    }
    const left = result.value.remaining;
    notifySuccess(left === 0 ? t('conflicts.resolvedNoneLeft') : t('conflicts.resolvedLeft', { count: left }));
    // The last card of the last page went: show the page before.
    if (page > 1 && left <= (page - 1) * CONFLICTS_PER_PAGE) setPage(page - 1);
    return true;
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('conflicts.intro', { count: total })}
      </Text>
      {items.map((c) => (
        <ConflictCard
          key={keyOf(c)}
          conflict={c}
          busy={readOnly || deciding !== null}
          onResolve={(choice) => decide(c, choice)}
        />
      ))}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`conflicts.control.${control}`) })}
            getItemProps={(p) => ({ 'aria-label': t('conflicts.page', { page: p }) })}
          />
        </Group>
      )}
    </Stack>
  );
}
