import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The launch's background work (app/backgroundWork.ts: other screens' code, then the daily backup) comes one task
 * at a time, each once the app has been quiet for a second (no read, no navigation) and the browser is idle, so a
 * navigation started meanwhile finds at most one task ahead of its own code and read. The browser's idle callback
 * is played by hand, and the clock is a fake one.
 */
// A renderer module, outside this project's TypeScript files: named by a variable, typed by what the test uses.
const BACKGROUND_WORK = '../../../renderer/src/app/backgroundWork';
const { inTheBackground, QUIET_MS } = (await import(/* @vite-ignore */ BACKGROUND_WORK)) as {
  QUIET_MS: number;
  inTheBackground: (client: QueryClient, tasks: readonly (() => Promise<unknown> | void)[]) => Promise<void>;
};

let idle: (() => void)[] = [];
const g = globalThis as { requestIdleCallback?: (cb: () => void) => number };
beforeEach(() => {
  idle = [];
  g.requestIdleCallback = (cb) => idle.push(cb);
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
});
afterEach(() => {
  delete g.requestIdleCallback;
  vi.useRealTimers();
});

/** Lets promise reactions run, then a quiet second pass, then calls the idle callbacks waiting (the browser going idle once). */
async function goIdle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(QUIET_MS);
  const due = idle;
  idle = [];
  for (const cb of due) cb();
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('background work at launch', () => {
  it('starts nothing before the browser is idle, then one task at a time', async () => {
    const client = new QueryClient();
    const started: string[] = [];
    const first = deferred();
    const second = deferred();
    const done = inTheBackground(client, [
      () => (started.push('a'), first.promise),
      () => (started.push('b'), second.promise),
      () => void started.push('backup'),
    ]);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(started).toEqual([]);
    await goIdle();
    expect(started).toEqual(['a']);
    // Idle again while the first is loading: the second still waits for it.
    await goIdle();
    expect(started).toEqual(['a']);
    first.resolve();
    await goIdle();
    expect(started).toEqual(['a', 'b']);
    second.resolve();
    await goIdle();
    await done;
    expect(started).toEqual(['a', 'b', 'backup']);
  });

  it('waits while a read is in flight (a navigation meanwhile) and goes on once its answer is in', async () => {
    const client = new QueryClient();
    const started: string[] = [];
    const read = deferred();
    const done = inTheBackground(client, [() => void started.push('a'), () => void started.push('b')]);
    await goIdle();
    expect(started).toEqual(['a']);
    void client.prefetchQuery({ queryKey: ['findings.page'], queryFn: () => read.promise.then(() => 1) });
    await goIdle();
    await goIdle();
    expect(started).toEqual(['a']);
    read.resolve();
    await goIdle();
    await done;
    expect(started).toEqual(['a', 'b']);
  });

  it('waits for a quiet second after the last read: a screen just opened is still rendering', async () => {
    const client = new QueryClient();
    const started: string[] = [];
    const done = inTheBackground(client, [() => void started.push('a')]);
    await vi.advanceTimersByTimeAsync(QUIET_MS - 100);
    // A read asked and answered 100 ms before the quiet second would have ended (the user opened a screen).
    await client.prefetchQuery({ queryKey: ['audits.page'], queryFn: () => Promise.resolve(1) });
    await vi.advanceTimersByTimeAsync(QUIET_MS - 100);
    for (const cb of idle.splice(0)) cb();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(started).toEqual([]);
    await goIdle();
    await done;
    expect(started).toEqual(['a']);
  });

  it('goes on past a task that fails (a chunk that did not load)', async () => {
    const client = new QueryClient();
    const started: string[] = [];
    const done = inTheBackground(client, [
      () => (started.push('a'), Promise.reject(new Error('chunk failed'))),
      () => {
        started.push('b');
        throw new Error('thrown');
      },
      () => void started.push('c'),
    ]);
    for (let i = 0; i < 4; i++) await goIdle();
    await done;
    expect(started).toEqual(['a', 'b', 'c']);
  });
});
