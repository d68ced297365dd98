import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '#shared/api/result';
import type { Finding } from '#shared/domain/finding';
import { getApi } from '../../api/client';
import { notifyError } from '../../lib/notify';

/**
 * An audit's findings. A save's answer goes into the list at once, so the
 * drawer and the table agree without waiting for a reload.
 */
export function useFindings(auditId: string) {
  const [rows, setRows] = useState<Finding[]>();
  const [error, setError] = useState<ApiError>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    void getApi()
      .invoke('findings.list', { auditId })
      .then((result) => {
        if (!current) return;
        if (result.ok) {
          setRows(result.value);
          setError(undefined);
        } else {
          setRows((old) => {
            if (old) notifyError(result.error, 'Could not refresh');
            return old;
          });
          setError(result.error);
        }
      });
    return () => {
      current = false;
    };
  }, [auditId, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const upsert = useCallback(
    (f: Finding) =>
      setRows((list) => {
        if (!list) return [f];
        return list.some((r) => r.id === f.id) ? list.map((r) => (r.id === f.id ? f : r)) : [...list, f];
      }),
    [],
  );
  const remove = useCallback((id: string) => setRows((list) => list?.filter((r) => r.id !== id)), []);
  return { rows, error, reload, upsert, remove };
}
