import { useEffect, useState } from 'react';
import type { ApiError } from '#shared/api/result';
import type { SearchHit } from '#shared/domain/search';
import { getApi } from '../../api/client';

export const SEARCH_LIMIT = 30;

interface Answer {
  request: string;
  hits?: SearchHit[];
  error?: ApiError;
}

export interface SearchState {
  /** The hits of the latest answered query; kept on screen while the next one loads. */
  hits: SearchHit[] | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** Runs `search.query` for `q` (already debounced); nothing for an empty query. */
export function useSearch(q: string, auditId: string | undefined, enabled: boolean): SearchState {
  const request = JSON.stringify([q, auditId ?? null]);
  const [answer, setAnswer] = useState<Answer>({ request: '' });
  const active = enabled && q !== '';

  useEffect(() => {
    if (!active) return;
    let current = true;
    const input = auditId ? { q, auditId, limit: SEARCH_LIMIT } : { q, limit: SEARCH_LIMIT };
    void getApi()
      .invoke('search.query', input)
      .then((r) => {
        // A newer query superseded this one: its late answer must not win.
        if (current) setAnswer(r.ok ? { request, hits: r.value } : { request, error: r.error });
      });
    return () => {
      current = false;
    };
  }, [active, q, auditId, request]);

  if (!active) return { hits: undefined, error: undefined, loading: false };
  const answered = answer.request === request;
  return { hits: answer.hits, error: answered ? answer.error : undefined, loading: !answered };
}
