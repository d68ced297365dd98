import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../bin/fieldwork.mjs', import.meta.url));

export interface Served {
  proc: ChildProcess;
  url: string;
  origin: string;
  token: string;
  port: number;
}

/** Starts `fieldwork serve` as a real child process and waits for its one line. */
export function startServe(dataDir: string, extra: string[] = []): Promise<Served> {
  const proc = spawn(process.execPath, [CLI, 'serve', '--data-dir', dataDir, '--port', '0', ...extra], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${err}`)), 20_000);
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Fieldwork is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]!, origin: `http://127.0.0.1:${m[2]}`, token: m[3]!, port: Number(m[2]) });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
}

export function stop(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // A host that does not stop in time is a bug, but must not hang the suite.
    const force = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    proc.kill(signal);
  });
}
