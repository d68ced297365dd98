/**
 * The built `fieldwork` command: electron-vite bundles this file as out/main/cli.js, next to the export and SoA
 * workers the desktop app runs (electron.vite.config.ts). bin/fieldwork.mjs imports it from a checkout; the
 * packaged app's launcher runs it with the app's own binary (ELECTRON_RUN_AS_NODE=1, build/launchers/).
 */
import { rerunWithFewerArenas, wantsFewerArenas } from './arenas';
import { run } from './main';
import { setCliPaths } from './paths';

setCliPaths({
  root: new URL('../../', import.meta.url),
  exportWorkerUrl: new URL('./export-worker.js', import.meta.url),
  soaWorkerUrl: new URL('./soa-worker.js', import.meta.url),
});

const argv = process.argv.slice(2);
if (wantsFewerArenas(argv, process.env)) {
  process.exitCode = await rerunWithFewerArenas(argv);
} else {
  const code = await run(argv);
  // `serve` keeps running; every other command ends here with its exit code.
  if (code !== 0 || !argv.includes('serve')) process.exitCode = code;
}
