import {
  hashKey,
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import type { OpInput, OpOutput } from '#shared/api/contract';
import type { ApiError } from '#shared/api/result';
import { getApi } from './client';
import type { ReadOp } from './invalidation';
import { OpFailure } from './ops';

/** Operations answering one page of a keyset list: rows, the next page's `after`, the total on the first page. */
type PagedOp = {
  [K in ReadOp]: OpOutput<K> extends { rows: unknown[]; next: string | null; total: number | null } ? K : never;
}[ReadOp];

type Row<K extends PagedOp> = OpOutput<K>['rows'][number];

interface Page<T> {
  rows: T[];
  next: string | null;
  total: number | null;
}

export interface PagedState<T> {
  /** The rows loaded so far, in order; undefined until the first page arrives. */
  rows: T[] | undefined;
  /** How many rows match in all (from the first page). */
  total: number;
  error: ApiError | undefined;
  /** Asks for the next page, if there is one and none is on its way. */
  loadMore: () => void;
  reload: () => void;
}

/** The query of a paged list, shared by the screen (usePagedOp) and the start-up prefetch (prefetchPaged). */
function pagedOptions<K extends PagedOp>(op: K, input: Omit<OpInput<K>, 'after'>) {
  return infiniteQueryOptions({
    queryKey: [op, input] as const,
    queryFn: async ({ pageParam }): Promise<Page<Row<K>>> => {
      const result = await getApi().invoke(op, { ...input, ...(pageParam ? { after: pageParam } : {}) } as OpInput<K>);
      if (!result.ok) throw new OpFailure(result.error);
      return result.value;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/**
 * Lists asked for while the app was starting, before their screen mounted: the
 * screen's first mount takes the answer as it is instead of asking again (a
 * mount otherwise always asks, staleTime 0). Keyed by query hash.
 */
const prefetched = new Set<string>();

/**
 * Starts loading a list's first page before its screen renders (main.tsx, from the route being opened, at start
 * and on every navigation). A page already held and not invalidated is not asked for again, as the screen,
 * once prefetched, would not ask either.
 */
export function prefetchPaged<K extends PagedOp>(client: QueryClient, op: K, input: Omit<OpInput<K>, 'after'>): void {
  prefetched.add(hashKey([op, input]));
  void client.prefetchInfiniteQuery({ ...pagedOptions(op, input), staleTime: Infinity });
}

/**
 * Reads a paged list through the query cache, keyed on `[op, input]` like
 * useOp, so the writes that make `op` stale (invalidation.ts) reload it. The
 * input changes the query (the filters run in SQL); a new input keeps the old
 * rows on screen until its first page arrives.
 */
export function usePagedOp<K extends PagedOp>(op: K, input: Omit<OpInput<K>, 'after'>): PagedState<Row<K>> {
  const query = useInfiniteQuery({
    ...pagedOptions(op, input),
    staleTime: (q) => (prefetched.has(q.queryHash) ? Infinity : 0),
    placeholderData: keepPreviousData,
  });
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = query;
  // Mounted once: from now on this list is asked again like any other (the observer subscribed before this runs).
  const hash = hashKey([op, input]);
  useEffect(() => void prefetched.delete(hash), [hash]);
  const rows = useMemo(() => data?.pages.flatMap((p) => p.rows), [data]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    rows,
    total: data?.pages[0]?.total ?? 0,
    error: query.isFetching ? undefined : query.error?.error,
    loadMore,
    reload,
  };
}
