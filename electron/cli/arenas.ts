import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * A report export decodes every photo with sharp, whose worker threads each
 * keep a glibc malloc arena: without a cap the command peaked near 400–450 MB,
 * against about 350 MB in the desktop app, whose backend runs with
 * MALLOC_ARENA_MAX=2 (main/app.ts). glibc reads the variable only as a process
 * starts, so the command runs itself again with it set.
 */
const ARENA_HEAVY_COMMANDS = ['export-report'];

/** Whether this run should start again with MALLOC_ARENA_MAX set (Linux's glibc only; a value already set is kept). */
export function wantsFewerArenas(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): boolean {
  return (
    platform === 'linux' && env.MALLOC_ARENA_MAX === undefined && argv.some((a) => ARENA_HEAVY_COMMANDS.includes(a))
  );
}

/**
 * Runs the same command in a child with MALLOC_ARENA_MAX=2 and the same
 * terminal, passing on the signals a user or a script sends this process;
 * resolves with the exit code to leave with (128 + signal when it was killed).
 * `launch` goes between the executable and the command's arguments: the
 * script under Node, `--fieldwork-cli --` (and its switches) in the app.
 */
export function rerunWithFewerArenas(argv: readonly string[], launch: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...launch, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of signals) process.on(s, forward);
  return new Promise((resolve) => {
    child.once('error', () => resolve(70));
    child.once('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
