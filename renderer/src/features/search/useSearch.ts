import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { OpInput } from '#shared/api/contract';
import type { ApiError } from '#shared/api/result';
import type { SearchHit, SearchPage } from '#shared/domain/search';
import { getApi } from '../../api/client';
import { OpFailure, opKey } from '../../api/ops';

export const SEARCH_LIMIT = 30;

export interface SearchState {
  /** The hits loaded so far, best first; kept on screen while the next query loads. */
  hits: SearchHit[] | undefined;
  /** How many of `hits` the first page brought (the palette groups those by kind). */
  firstPage: number;
  /** Hits the pages hold in all, and whether older matches are left unranked beyond them. */
  total: number;
  beyond: boolean;
  /** Another page is there to ask for. */
  hasMore: boolean;
  loadMore: () => void;
  error: ApiError | undefined;
  loading: boolean;
}

/**
 * Runs `search.page` for `q` (already debounced), a page at a time; nothing for
 * an empty query. Keyed like useOp (['search.page', input]), so the writes that
 * make search results stale (api/invalidation.ts) reload it.
 */
export function useSearch(q: string, auditId: string | undefined, enabled: boolean): SearchState {
  const active = enabled && q !== '';
  const input: OpInput<'search.page'> = auditId ? { q, auditId, limit: SEARCH_LIMIT } : { q, limit: SEARCH_LIMIT };
  const query = useInfiniteQuery({
    queryKey: opKey('search.page', input),
    queryFn: async ({ pageParam }): Promise<SearchPage> => {
      const result = await getApi().invoke('search.page', { ...input, ...(pageParam ? { after: pageParam } : {}) });
      if (!result.ok) throw new OpFailure(result.error);
      return result.value;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: active,
    placeholderData: keepPreviousData,
  });
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const hits = useMemo(() => data?.pages.flatMap((p) => p.rows), [data]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const first = data?.pages[0];
  if (!active) {
    return {
      hits: undefined,
      firstPage: 0,
      total: 0,
      beyond: false,
      hasMore: false,
      loadMore,
      error: undefined,
      loading: false,
    };
  }
  return {
    hits,
    firstPage: first?.rows.length ?? 0,
    total: first?.total ?? 0,
    beyond: first?.beyond ?? false,
    hasMore: hasNextPage,
    loadMore,
    error: query.isFetching ? undefined : query.error?.error,
    loading: query.isFetching,
  };
}
