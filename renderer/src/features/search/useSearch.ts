import type { ApiError } from '#shared/api/result';
import type { SearchHit } from '#shared/domain/search';
import { useOp } from '../../api/ops';

export const SEARCH_LIMIT = 30;

export interface SearchState {
  /** The hits of the latest answered query; kept on screen while the next one loads. */
  hits: SearchHit[] | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** Runs `search.query` for `q` (already debounced); nothing for an empty query. */
export function useSearch(q: string, auditId: string | undefined, enabled: boolean): SearchState {
  const active = enabled && q !== '';
  const input = auditId ? { q, auditId, limit: SEARCH_LIMIT } : { q, limit: SEARCH_LIMIT };
  const answer = useOp('search.query', input, { enabled: active });
  if (!active) return { hits: undefined, error: undefined, loading: false };
  return { hits: answer.data, error: answer.error, loading: answer.loading };
}
