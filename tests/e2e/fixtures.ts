import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startServe, stop, type Served } from '../helpers/serve';

interface Fixtures {
  /** A fresh, empty data dir for this test only. */
  dataDir: string;
  /** The URL printed by `fieldwork serve` on `dataDir`, token included. */
  appUrl: string;
  /** Stops the server and starts a new one on the same data dir; returns its (new) URL. */
  restartServer: () => Promise<string>;
}

export const test = base.extend<Fixtures & { served: { current: Served } }>({
  // Playwright requires the destructuring pattern, even when empty.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'fieldwork-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // The real CLI as a child process, one per test, so tests share no state.
  served: async ({ dataDir }, use) => {
    const served = { current: await startServe(dataDir) };
    try {
      await use(served);
    } finally {
      await stop(served.current.proc);
    }
  },
  appUrl: async ({ served }, use) => {
    await use(served.current.url);
  },
  restartServer: async ({ served, dataDir }, use) => {
    await use(async () => {
      await stop(served.current.proc);
      served.current = await startServe(dataDir);
      return served.current.url;
    });
  },
});

export { expect };
