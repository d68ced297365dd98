import type { QueryClient } from '@tanstack/react-query';

/**
 * How long the app must have been quiet (no read asked or answered, no navigation) before background work
 * starts its next task: a screen the user has just opened is still rendering when its answers are in, and a
 * chunk evaluated and styled meanwhile had doubled the time to paint it (about 180 → 400 ms in the scale bench).
 */
export const QUIET_MS = 1_000;

const nextIdle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function noReadInFlight(queryClient: QueryClient): Promise<void> {
  return new Promise((resolve) => {
    if (queryClient.isFetching() === 0) return resolve();
    const stop = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() > 0) return;
      stop();
      resolve();
    });
  });
}

/**
 * Background work started at launch (other screens' code, the daily backup), one task at a time, each once the
 * app has been quiet for QUIET_MS and the browser is idle: neither the first paint nor a navigation the user
 * starts meanwhile waits behind more than the one task under way. (All screens' code at once put sixteen chunks
 * in front of the next screen's own code and read: 325–400 ms to paint it in the scale bench, against 180.)
 */
export async function inTheBackground(
  queryClient: QueryClient,
  tasks: readonly (() => Promise<unknown> | void)[],
): Promise<void> {
  let lastActivity = Date.now();
  const touch = () => void (lastActivity = Date.now());
  const stopWatching = queryClient.getQueryCache().subscribe(touch);
  globalThis.addEventListener?.('hashchange', touch);
  try {
    for (const task of tasks) {
      for (;;) {
        await noReadInFlight(queryClient);
        const quiet = Date.now() - lastActivity;
        if (quiet < QUIET_MS) {
          await wait(QUIET_MS - quiet);
          continue;
        }
        await nextIdle();
        if (queryClient.isFetching() === 0 && Date.now() - lastActivity >= QUIET_MS) break;
      }
      // A task that fails (a chunk that did not load) is the foreground's to report when it needs it.
      await Promise.resolve()
        .then(task)
        .catch(() => undefined);
    }
  } finally {
    stopWatching();
    globalThis.removeEventListener?.('hashchange', touch);
  }
}
