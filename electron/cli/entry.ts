/**
 * The built `fieldwork` command under Node: electron-vite bundles this file as out/main/cli.js, next to the export
 * and SoA workers the desktop app runs (electron.vite.config.ts). bin/fieldwork.mjs imports it from a checkout. The
 * packaged app has no Node to run it with (its RunAsNode fuse is off): its launcher starts the app binary with
 * `--fieldwork-cli --`, and the app's main process runs the same commands (electron/main/cli-mode.ts).
 */
import { startCli } from './start';

const argv = process.argv.slice(2);
const outcome = await startCli(
  argv,
  {
    root: new URL('../../', import.meta.url),
    exportWorkerUrl: new URL('./export-worker.js', import.meta.url),
    soaWorkerUrl: new URL('./soa-worker.js', import.meta.url),
  },
  [...process.execArgv, process.argv[1]!],
);
if (!outcome.keepRunning) process.exitCode = outcome.code;
