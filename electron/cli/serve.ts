import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPreviewServer } from '../preview/server';
import { UserError } from './errors';
import { openSession, KEY_FILE } from '#core/backend';
import { dataPassphraseFile } from './data-unlock';
import { openForHost, resolveDataDir, unlockForCli } from './open';
import { cliPaths } from './paths';

/** The renderer electron-vite built with this CLI (`npm run build`; packed into the app with it). */
function rendererDir(): string {
  const dir = fileURLToPath(new URL('out/renderer', cliPaths().root));
  if (!existsSync(join(dir, 'index.html'))) {
    throw new UserError('The user interface is not built. Run `npm run build` in the project folder first.');
  }
  return dir;
}

export function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) {
    throw new UserError(`--port must be a number from 0 to 65535 (0 picks a free port), not "${value}".`, 2);
  }
  return port;
}

/** A minute of idle time; FIELDWORK_TEST_MINUTE_MS shortens it (never lengthens it) so tests see an idle lock. */
function minuteMs(): number {
  const test = Number(process.env.FIELDWORK_TEST_MINUTE_MS);
  return Number.isInteger(test) && test > 0 && test < 60_000 ? test : 60_000;
}

/** Runs the browser preview host until interrupted. Prints exactly one line. */
export async function serve(opts: { dataDir?: string; port?: string }): Promise<void> {
  const port = parsePort(opts.port);
  const dataDir = resolveDataDir(opts.dataDir);
  const staticDir = rendererDir();
  const backend = openSession({
    dataDir,
    // A damaged database starts for recovery only (core's backup/degraded.ts).
    open: (key) => openForHost(dataDir, key),
    // An encrypted folder without --data-passphrase-file starts locked: the page asks for the passphrase.
    initial:
      existsSync(join(dataDir, KEY_FILE)) && !dataPassphraseFile()
        ? 'locked'
        : { key: unlockForCli(dataDir), by: 'passphrase' },
    idleMs: (minutes) => minutes * minuteMs(),
  });
  let server;
  try {
    server = await startPreviewServer({ backend, staticDir, port });
  } catch (e) {
    backend.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UserError(`Port ${port} is already in use.`);
    throw e;
  }
  process.stdout.write(`Fieldwork is running at ${server.url}\n`);
  const stop = () => {
    void server.close().finally(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
