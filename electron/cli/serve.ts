import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPreviewServer } from '../preview/server';
import { UserError } from './errors';
import { openForCli, resolveDataDir } from './open';
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

/** Runs the browser preview host until interrupted. Prints exactly one line. */
export async function serve(opts: { dataDir?: string; port?: string }): Promise<void> {
  const port = parsePort(opts.port);
  const dataDir = resolveDataDir(opts.dataDir);
  const staticDir = rendererDir();
  const backend = openForCli(dataDir);
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
