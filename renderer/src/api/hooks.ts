import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, OpOutput } from '#shared/api/contract';
import type { OpName } from '#shared/api/ops';
import type { ApiError } from '#shared/api/result';
import { notifyError } from '../lib/notify';
import { getApi } from './client';
import { useWriteOp } from './ops';

export interface QueryState<T> {
  data: T | undefined;
  /** The last failure, while no newer request is in flight. */
  error: ApiError | undefined;
  /** True while a request is in flight; `data` keeps the previous answer meanwhile. */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  /** Which request this answer belongs to; `loading` is derived from it. */
  request: string;
  data?: T;
  error?: ApiError;
}

/**
 * The first data hook, without a cache: kept for the record and finding
 * editors until they move to useOp (api/ops.ts). Loads `op` with `input`, again whenever the input changes (compared by
 * value). A failed first load is for the page to show; a failed refresh keeps
 * the previous data on screen and says what went wrong in a notification.
 */
export function useQuery<K extends OpName>(
  op: K,
  input: OpInput<K>,
  options: { enabled?: boolean } = {},
): QueryState<OpOutput<K>> {
  const enabled = options.enabled ?? true;
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(input);
  const request = `${op} ${key} #${generation}`;
  const [settled, setSettled] = useState<Settled<OpOutput<K>>>({ request: '' });

  const hasData = useRef(false);
  useEffect(() => {
    hasData.current = settled.data !== undefined;
  }, [settled.data]);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    void getApi()
      .invoke(op, JSON.parse(key) as OpInput<K>)
      .then((result) => {
        // A newer request superseded this one: its late answer must not win.
        if (!current) return;
        if (result.ok) return setSettled({ request, data: result.value });
        if (hasData.current) notifyError(result.error, 'Could not refresh');
        setSettled((s) => ({ request, data: s.data, error: result.error }));
      });
    return () => {
      current = false;
    };
  }, [op, key, request, enabled]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const loading = enabled && settled.request !== request;
  return { data: settled.data, error: loading ? undefined : settled.error, loading, reload };
}

/**
 * The old name of useWriteOp, for screens not moved to useOp yet: their writes
 * refresh the cached reads they touch as well.
 */
export const useMutation = useWriteOp;
