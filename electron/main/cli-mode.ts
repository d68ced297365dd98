import { app } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The `fieldwork` command of the installed app. The packaged binary cannot act as Node (its RunAsNode fuse is off,
 * electron-builder.yml), so the launchers (build/launchers/) start the app itself as
 * `<app> [switches] --fieldwork-cli -- <args>`; the `--` makes Chromium take everything after it as plain
 * arguments, not as its own switches. The main process then runs the CLI — no window, no single-instance lock, no
 * backend process, no keychain: exactly what `fieldwork` under Node does, nothing more.
 */
export const CLI_FLAG = '--fieldwork-cli';

export type CliRequest = { args: string[]; launch: string[] } | { malformed: true };

/** The command line's CLI arguments and how to start it again, or null when the app is started as the app. */
export function cliRequest(argv: readonly string[]): CliRequest | null {
  const end = argv.indexOf('--');
  const at = argv.indexOf(CLI_FLAG);
  if (at === -1 || (end !== -1 && end < at)) return null;
  if (end !== at + 1) return { malformed: true };
  // Everything up to the `--` except the executable: the same switches, then the flag (the CLI reruns
  // export-report with fewer malloc arenas this way, electron/cli/arenas.ts).
  return { args: argv.slice(end + 1), launch: [...process.execArgv, ...argv.slice(1, end + 1)] };
}

/** What out/main/cli-app.js (electron/cli/app-entry.ts) exports; main loads the built file, as it forks the backend's. */
export interface CliModule {
  startCliInApp: (argv: string[], launch: readonly string[]) => Promise<{ code: number; keepRunning: boolean }>;
}

/** The built CLI for the app, beside the main entry in out/main. */
export const cliModulePath = (mainDir: string) => path.join(mainDir, 'cli-app.js');

const loadBuilt = (file: string) => import(pathToFileURL(file).href) as Promise<CliModule>;

/** Resolves once everything written to the stream so far has left the process (pipes are asynchronous on macOS). */
const drained = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

/**
 * Runs the command in this (main) process and exits with its code once its output is out; `serve` keeps the
 * process running. The CLI's code is loaded only here, so starting the app does not pay for it.
 */
export async function runCliInMain(
  request: CliRequest,
  cliFile: string,
  load: (file: string) => Promise<CliModule> = loadBuilt,
): Promise<void> {
  // Nothing is shown: no GPU process, and on macOS no Dock icon for a terminal command.
  app.disableHardwareAcceleration();
  app.dock?.hide();
  let code: number;
  if ('malformed' in request) {
    process.stderr.write(`fieldwork: start the command as \`<app> ${CLI_FLAG} -- <arguments>\`.\n`);
    code = 2;
  } else {
    try {
      const { startCliInApp } = await load(cliFile);
      const outcome = await startCliInApp(request.args, request.launch);
      if (outcome.keepRunning) return;
      code = outcome.code;
    } catch (e) {
      // run() reports every command's failure itself; this is the CLI failing to load at all.
      process.stderr.write(`fieldwork: the command failed to start (${e instanceof Error ? e.name : 'unknown'}).\n`);
      code = 70;
    }
  }
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  app.exit(code);
}
