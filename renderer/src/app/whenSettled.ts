import type { QueryClient } from '@tanstack/react-query';

/**
 * Runs `work` once the first screen has its answers and the browser is idle: background work started at launch
 * (other screens' code, the daily backup) must not compete with the first paint.
 */
export function whenSettled(queryClient: QueryClient, work: () => void): void {
  requestIdleCallback(() => {
    if (queryClient.isFetching() === 0) return work();
    const stop = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() > 0) return;
      stop();
      whenSettled(queryClient, work);
    });
  });
}
