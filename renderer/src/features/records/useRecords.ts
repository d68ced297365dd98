import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { opKey, useOp } from '../../api/ops';
import type { RecordsState } from '../../components/records/RecordDrawerPage';

type ListOp = 'interviews.list' | 'observations.list' | 'documents.list';

/**
 * An audit's records of one kind, newest first as the backend sends them,
 * from the query cache. A save's answer goes into the cached list at once,
 * so the drawer opens the record just created and the table agrees with it;
 * what else a write changes (attachment counts) refreshes through the
 * invalidation map.
 */
export function useRecords<T extends { id: string }>(op: ListOp, auditId: string): RecordsState<T> {
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
        rows.some((r) => r.id === record.id) ? rows.map((r) => (r.id === record.id ? record : r)) : [record, ...rows],
      ),
    [edit],
  );
  const remove = useCallback((id: string) => edit((rows) => rows.filter((r) => r.id !== id)), [edit]);
  const { data, error, reload } = list;
  return useMemo(
    () => ({ rows: data as T[] | undefined, error, reload, upsert, remove }),
    [data, error, reload, upsert, remove],
  );
}
