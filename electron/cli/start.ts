import { rerunWithFewerArenas, wantsFewerArenas } from './arenas';
import { run } from './main';
import { setCliPaths, type CliPaths } from './paths';

/** How a command ended: its exit code, or that it keeps the process running (`serve`). */
export interface CliOutcome {
  code: number;
  keepRunning: boolean;
}

/**
 * Runs one `fieldwork` command line. Shared by the built CLI under Node (entry.ts: bin/fieldwork.mjs in a checkout)
 * and the packaged app's main process (`<app> --fieldwork-cli -- <args>`, electron/main/cli-mode.ts), so both run
 * exactly the same commands. `launch` is what starts this same command again after the executable — the script
 * under Node, the app's switches and `--fieldwork-cli --` in the app — for the one command that reruns itself.
 */
export async function startCli(argv: string[], paths: CliPaths, launch: readonly string[]): Promise<CliOutcome> {
  setCliPaths(paths);
  if (wantsFewerArenas(argv, process.env)) {
    return { code: await rerunWithFewerArenas(argv, launch), keepRunning: false };
  }
  const code = await run(argv);
  // `serve` keeps running; every other command ends here with its exit code.
  return { code, keepRunning: code === 0 && argv.includes('serve') };
}
