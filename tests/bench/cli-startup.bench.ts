/**
 * `npm run bench cli-startup`: wall-clock time of `fieldwork audits` on a data folder with three audits, from
 * spawning Node to its exit — what a user waits for at the prompt. The baseline is the least work that gives the
 * same answer: a Node process that imports better-sqlite3, opens the database read-only and selects the audits
 * with their clients; the runs alternate. Measures the built CLI (`electron-vite build` first, unless
 * FIELDWORK_BENCH_NO_BUILD=1).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { report } from './report';
import { CLIENTS, seedThreeAudits } from './three-audits';

const RUNS = 11;
const TARGET_MS = 400;
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin', 'fieldwork.mjs');

if (!process.env.FIELDWORK_BENCH_NO_BUILD) {
  const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'fieldwork-bench-cli-'));

const BASELINE = `
const Database = (await import('better-sqlite3')).default;
const db = new Database(process.argv[1], { readonly: true });
const rows = db.prepare(\`SELECT a.id, c.name, a.type, a.status, a.start_date, a.end_date
  FROM audits a JOIN clients c ON c.id = a.client_id ORDER BY a.start_date, a.id\`).all();
process.stdout.write(rows.map((r) => Object.values(r).join('  ')).join('\\n') + '\\n');
db.close();`;

/** Spawns one process and returns its wall-clock milliseconds; its output must name every client. */
function time(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  for (const name of CLIENTS) {
    if (!run.stdout.includes(name)) throw new Error(`${name} missing from: ${run.stdout}`);
  }
  return ms;
}

try {
  await seedThreeAudits(dataDir);
  const app = [cli, 'audits', '--data-dir', dataDir];
  const floor = ['--input-type=module', '-e', BASELINE, join(dataDir, 'fieldwork.sqlite')];
  // Warm the file cache, then alternate, so load on the machine falls on both alike.
  time(app);
  time(floor);
  const runs: number[] = [];
  const baselineRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(time(app));
    baselineRuns.push(time(floor));
  }
  console.error(
    `cli-startup: load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  report({
    bench: 'cli-startup',
    runs,
    baseline: 'node importing better-sqlite3, opening the database read-only and selecting the audits',
    baselineRuns,
    target: TARGET_MS,
  });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
