import { QueryCache, QueryClient } from '@tanstack/react-query';

/**
 * The app's one query cache. The backend is local: an answer is asked again
 * whenever a screen that shows it mounts (staleTime 0) or a write touches it,
 * never on window focus, and a failure is the backend's word, not worth
 * retrying.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A first load's failure is shown by the page; a refresh's, over the data still shown. A screen
        // already left is not told: after a deletion its record's refresh fails, and it navigated away at once.
        // notify.ts comes with Mantine's chunk (and the catalogues with it): main.tsx creates this cache before
        // that chunk loads.
        if (query.state.data !== undefined && query.getObserversCount() > 0)
          void Promise.all([import('../lib/notify'), import('../i18n/instance')]).then(([{ notifyError }, { i18n }]) =>
            notifyError(error.error, i18n.t('shell:refreshFailed')),
          );
      },
    }),
    defaultOptions: {
      queries: { staleTime: 0, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
