import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '#shared/api/result';
import { getApi } from '../../api/client';
import { notifyError } from '../../lib/notify';
import type { RecordsState } from '../../components/records/RecordDrawerPage';

type ListOp = 'interviews.list' | 'observations.list' | 'documents.list';

/**
 * An audit's records of one kind, newest first as the backend sends them.
 * Saves update the list from the server's answer, so the drawer and the
 * table agree at once; a reload refreshes the rest (attachment counts).
 */
export function useRecords<T extends { id: string }>(op: ListOp, auditId: string): RecordsState<T> {
  const [rows, setRows] = useState<T[]>();
  const [error, setError] = useState<ApiError>();
  const [generation, setGeneration] = useState(0);
  const hasRows = useRef(false);
  useEffect(() => {
    hasRows.current = rows !== undefined;
  }, [rows]);

  useEffect(() => {
    let current = true;
    void getApi()
      .invoke(op, { auditId })
      .then((result) => {
        if (!current) return;
        if (result.ok) {
          setRows(result.value as unknown as T[]);
          setError(undefined);
        } else {
          // A failed refresh keeps the list on screen and says so; a failed first load is the page's to show.
          if (hasRows.current) notifyError(result.error, 'Could not refresh');
          setError(result.error);
        }
      });
    return () => {
      current = false;
    };
  }, [op, auditId, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const upsert = useCallback(
    (record: T) =>
      setRows((list) => {
        if (!list) return [record];
        const i = list.findIndex((r) => r.id === record.id);
        return i < 0 ? [record, ...list] : list.map((r) => (r.id === record.id ? record : r));
      }),
    [],
  );
  const remove = useCallback((id: string) => setRows((list) => list?.filter((r) => r.id !== id)), []);
  return { rows, error, reload, upsert, remove };
}
