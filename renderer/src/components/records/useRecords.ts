import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { opKey, useOp } from '../../api/ops';
import type { RecordsState } from './RecordDrawerPage';

type ListOp = 'interviews.list' | 'observations.list' | 'documents.list' | 'findings.list';

/**
 * An audit's records of one kind, in the backend's order, from the query
 * cache (a new record goes where that order puts it: first for the records,
 * newest first; last for findings, by number). A save's answer goes into the cached list at once,
 * so the drawer opens the record just created and the table agrees with it;
 * what else a write changes (attachment counts) refreshes through the
 * invalidation map.
 */
export function useRecords<T extends { id: string }>(
  op: ListOp,
  auditId: string,
  newAt: 'first' | 'last' = 'first',
): RecordsState<T> {
  const list = useOp(op, { auditId });
  const client = useQueryClient();
  const edit = useCallback(
    (change: (rows: T[]) => T[]) =>
      client.setQueryData<T[]>(opKey(op, { auditId }), (rows) => (rows ? change(rows) : rows)),
    [client, op, auditId],
  );
  const upsert = useCallback(
    (record: T) =>
      edit((rows) =>
        rows.some((r) => r.id === record.id)
          ? rows.map((r) => (r.id === record.id ? record : r))
          : newAt === 'first'
            ? [record, ...rows]
            : [...rows, record],
      ),
    [edit, newAt],
  );
  const remove = useCallback((id: string) => edit((rows) => rows.filter((r) => r.id !== id)), [edit]);
  const { data, loading, error, reload } = list;
  return useMemo(
    () => ({ rows: data as T[] | undefined, loading, error, reload, upsert, remove }),
    [data, loading, error, reload, upsert, remove],
  );
}
