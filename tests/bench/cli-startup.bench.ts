/**
 * `npm run bench cli-startup`: wall-clock time of `fieldwork audits` on a data folder with three audits, from
 * spawning Node to its exit — what a user waits for at the prompt. The baseline is the least work that gives the
 * same answer: a Node process that imports better-sqlite3, opens the database read-only and selects the audits
 * with their clients. Measures the built CLI (`electron-vite build` first, unless FIELDWORK_BENCH_NO_BUILD=1).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openBackend } from '#core/backend';
import { value } from '../helpers/backend';
import { report } from './report';

const RUNS = 11;
const TARGET_MS = 400;
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin', 'fieldwork.mjs');

if (!process.env.FIELDWORK_BENCH_NO_BUILD) {
  const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'fieldwork-bench-cli-'));

async function seed(): Promise<void> {
  const backend = openBackend({ dataDir, appVersion: 'bench' });
  try {
    for (const [i, name] of ['Northwind Ltd', 'Contoso GmbH', 'Fabrikam SA'].entries()) {
      const client = value(
        await backend.call('clients.create', { name, address: '', representative: '', contacts: [], sites: [] }),
      );
      value(
        await backend.call('audits.create', {
          clientId: client.id,
          type: 'stage2',
          scope: 'The whole ISMS',
          startDate: `2026-0${i + 3}-02`,
          endDate: `2026-0${i + 3}-06`,
          team: [{ name: 'Lena Lead', role: 'lead_auditor' }],
        }),
      );
    }
  } finally {
    backend.close();
  }
}

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
  for (const name of ['Northwind Ltd', 'Contoso GmbH', 'Fabrikam SA']) {
    if (!run.stdout.includes(name)) throw new Error(`${name} missing from: ${run.stdout}`);
  }
  return ms;
}

function measure(args: string[]): number[] {
  time(args); // warm the file cache
  return Array.from({ length: RUNS }, () => time(args));
}

try {
  await seed();
  report({
    bench: 'cli-startup',
    runs: measure([cli, 'audits', '--data-dir', dataDir]),
    baseline: 'node importing better-sqlite3, opening the database read-only and selecting the audits',
    baselineRuns: measure(['--input-type=module', '-e', BASELINE, join(dataDir, 'fieldwork.sqlite')]),
    target: TARGET_MS,
  });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
