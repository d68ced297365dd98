import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiError } from '#shared/api/result';
import type { Evidence } from '#shared/domain/evidence';
import type { EvidencePage, EvidencePageQuery } from '#shared/domain/evidence-page';
import { getApi } from '../../api/client';
import { OpFailure } from '../../api/ops';

/** Rows per page: a screenful or two; "Show more" asks for the next. */
export const EVIDENCE_PAGE_SIZE = 50;

export interface EvidencePages {
  /** The rows of every page loaded so far, newest first; undefined before the first page. */
  rows: Evidence[] | undefined;
  /** How many attachments match the filters, and how many the audit has (from the first page). */
  total: number | undefined;
  all: number | undefined;
  error: ApiError | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * The evidence library a page at a time (evidence.page), cached under the
 * operation's name so every write that touches evidence refreshes it
 * (api/invalidation.ts); a filter change keeps the old rows until the new arrive.
 */
export function useEvidencePages(query: Omit<EvidencePageQuery, 'after' | 'limit'>): EvidencePages {
  const result = useInfiniteQuery({
    queryKey: ['evidence.page', query] as const,
    queryFn: async ({ pageParam }): Promise<EvidencePage> => {
      const input = { ...query, limit: EVIDENCE_PAGE_SIZE, ...(pageParam ? { after: pageParam } : {}) };
      const r = await getApi().invoke('evidence.page', input);
      if (!r.ok) throw new OpFailure(r.error);
      return r.value;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });
  const { fetchNextPage, refetch, hasNextPage, isFetchingNextPage } = result;
  const first = result.data?.pages[0];
  return {
    rows: result.data?.pages.flatMap((p) => p.rows),
    total: first?.total ?? undefined,
    all: first?.all ?? undefined,
    error: result.isFetching ? undefined : result.error?.error,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    loadMore: useCallback(() => void fetchNextPage(), [fetchNextPage]),
    reload: useCallback(() => void refetch(), [refetch]),
  };
}
