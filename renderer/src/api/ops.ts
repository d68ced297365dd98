import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { OpInput, OpOutput } from '#shared/api/contract';
import type { ApiError, Result } from '#shared/api/result';
import { getApi } from './client';
import { invalidateAfter, type ReadOp, type WriteOp } from './invalidation';

/** A failed read: the envelope's error, as the backend worded it, carried as an Error for the query cache. */
export class OpFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: OpFailure;
  }
}

export interface OpState<T> {
  data: T | undefined;
  /** The last failure, while no newer request is in flight. */
  error: ApiError | undefined;
  /** True while a request is in flight; `data` keeps the previous answer meanwhile. */
  loading: boolean;
  /** Asks again (a Retry button); writes made through useWriteOp refresh what they touch by themselves. */
  reload: () => void;
}

/** The query key of a read: the operation and its input. */
export const opKey = <K extends ReadOp>(op: K, input: OpInput<K>) => [op, input] as const;

async function read<K extends ReadOp>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await getApi().invoke(op, input);
  if (!result.ok) throw new OpFailure(result.error);
  return result.value;
}

/**
 * Reads `op` with `input` through the app's query cache, keyed on `[op, input]`
 * (compared by value). A failed first load is for the page to show; a failed
 * refresh keeps the previous data on screen (the query client notifies it).
 */
export function useOp<K extends ReadOp>(
  op: K,
  input: OpInput<K>,
  options: { enabled?: boolean; freshForMs?: number } = {},
): OpState<OpOutput<K>> {
  const query = useQuery({
    queryKey: opKey(op, input),
    queryFn: () => read(op, input),
    enabled: options.enabled ?? true,
    // An answer prefetched this long ago is still used on mount; a write that touches it asks again anyway.
    staleTime: options.freshForMs ?? 0,
    // A new input keeps the last answer on screen until its own arrives.
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data: query.data,
    error: query.isFetching ? undefined : query.error?.error,
    loading: query.isFetching,
    reload,
  };
}

/**
 * Calls a write on demand and returns its envelope for the caller to word;
 * after a success, every cached read the write touches (invalidation.ts) is
 * marked stale and those on screen load again.
 */
export function useWriteOp<K extends WriteOp>(op: K) {
  const client = useQueryClient();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (input: OpInput<K>): Promise<Result<OpOutput<K>>> => getApi().invoke(op, input),
    onSuccess: (result) => {
      if (result.ok) void invalidateAfter(client, op);
    },
  });
  const mutate = useCallback((input: OpInput<K>) => mutateAsync(input), [mutateAsync]);
  return { mutate, pending: isPending };
}

/** Starts loading a read before the screen that shows it mounts (its useOp then takes the answer). */
/**
 * A prefetched answer is taken as it is by the screen mounting within this time (its code was loading meanwhile);
 * a write that touches it asks again anyway.
 */
export const PREFETCHED_FRESH_MS = 10_000;

export function prefetchOp<K extends ReadOp>(client: QueryClient, op: K, input: OpInput<K>, freshForMs = 0): void {
  void client.prefetchQuery({ queryKey: opKey(op, input), queryFn: () => read(op, input), staleTime: freshForMs });
}

/** Any write, chosen when it is called, and its refresh (useWriteOp for one known op). */
export type Write = <K extends WriteOp>(op: K, input: OpInput<K>) => Promise<Result<OpOutput<K>>>;

/**
 * A write function for code that picks the operation at call time (a record
 * kind's create, update and delete): like useWriteOp, a success marks stale
 * every cached read the write touches.
 */
export function useWrite(): Write {
  const client = useQueryClient();
  return useCallback<Write>(
    async (op, input) => {
      const result = await getApi().invoke(op, input);
      if (result.ok) void invalidateAfter(client, op);
      return result;
    },
    [client],
  );
}

/** For code outside a hook that made a write itself: refresh what it touched. */
export function useInvalidateAfter() {
  const client = useQueryClient();
  return useCallback((op: WriteOp) => invalidateAfter(client, op), [client]);
}
