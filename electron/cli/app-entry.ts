/**
 * The `fieldwork` command inside the packaged app: electron-vite builds this file as out/main/cli-app.js, beside
 * cli.js and the workers, and the app's main process loads it when started with `--fieldwork-cli`
 * (electron/main/cli-mode.ts). Unlike cli.js it runs nothing when loaded: the main process hands it the command line
 * and exits with the code it returns.
 */
import type { CliOutcome } from './start';
import { startCli } from './start';

export function startCliInApp(argv: string[], launch: readonly string[]): Promise<CliOutcome> {
  return startCli(
    argv,
    {
      root: new URL('../../', import.meta.url),
      exportWorkerUrl: new URL('./export-worker.js', import.meta.url),
      soaWorkerUrl: new URL('./soa-worker.js', import.meta.url),
    },
    launch,
  );
}
