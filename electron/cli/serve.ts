import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPreviewServer } from '../preview/server';
import { UserError } from './errors';
import { openForCli, resolveDataDir } from './open';

export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const RENDERER_CONFIG = fileURLToPath(new URL('../../vite.renderer.config.ts', import.meta.url));

/**
 * Right after `npm ci` the renderer is not built yet: build it once, silently,
 * so `npx fieldwork serve` works on a fresh clone and still prints one line.
 */
async function ensureRendererBuilt(): Promise<void> {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  let build: typeof import('vite').build;
  try {
    ({ build } = await import('vite'));
  } catch {
    throw new UserError('The user interface is not built and the build tools are missing. Run `npm ci` first.');
  }
  await build({ configFile: RENDERER_CONFIG, logLevel: 'silent' });
}

export function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) {
    throw new UserError(`--port must be a number from 0 to 65535 (0 picks a free port), not "${value}".`, 2);
  }
  return port;
}

/** Runs the browser preview host until interrupted. Prints exactly one line. */
export async function serve(opts: { dataDir?: string; port?: string }): Promise<void> {
  const port = parsePort(opts.port);
  const dataDir = resolveDataDir(opts.dataDir);
  const backend = openForCli(dataDir);
  try {
    await ensureRendererBuilt();
  } catch (e) {
    backend.close();
    throw e;
  }
  let server;
  try {
    server = await startPreviewServer({ backend, staticDir: RENDERER_DIR, port });
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
