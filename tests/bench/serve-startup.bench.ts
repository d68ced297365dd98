/**
 * `npm run bench serve-startup`: wall-clock time from spawning `fieldwork serve` to the first 200 of a real
 * request — the Audits screen's first page (`audits.page`, as the app asks for it on opening) — read in full.
 * The baseline is the least work that gives the same answer: a bare Node http server that imports better-sqlite3,
 * opens the same database read-only, prints its address the same way and answers the same request with the
 * audits and their clients. Both print one line, then the request is sent at once; the runs alternate. Measures
 * the built CLI (`electron-vite build` first, unless FIELDWORK_BENCH_NO_BUILD=1).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { report } from './report';
import { CLIENTS, seedThreeAudits } from './three-audits';

const RUNS = 11;
const TARGET_MS = 1000;
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin', 'fieldwork.mjs');

if (!process.env.FIELDWORK_BENCH_NO_BUILD) {
  const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'fieldwork-bench-serve-'));
/** The Audits screen's first page: every audit, newest first, 100 at most. */
const FIRST_AUDIT_LIST = { sort: 'start_desc', limit: 100 };

const BASELINE = `
import { createServer } from 'node:http';
const Database = (await import('better-sqlite3')).default;
const db = new Database(process.argv[1], { readonly: true });
const select = db.prepare(\`SELECT a.id, c.name AS clientName, a.type, a.status, a.start_date AS startDate,
  a.end_date AS endDate FROM audits a JOIN clients c ON c.id = a.client_id ORDER BY a.start_date DESC, a.id LIMIT 100\`);
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: true, value: { rows: select.all(), next: null, total: null } }));
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write('Fieldwork is running at http://127.0.0.1:' + server.address().port + '/?token=floor\\n');
});`;

/** Spawns a host, waits for its line, asks for the first page; milliseconds from spawn to the answer read. */
async function time(args: string[]): Promise<number> {
  const start = performance.now();
  const proc = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      let err = '';
      proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /running at (\S+)\n/.exec(out);
        if (m) resolve(new URL(m[1]!));
      });
      proc.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${err}`)));
    });
    const res = await fetch(new URL('/api/audits.page', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Fieldwork-Token': url.searchParams.get('token')! },
      body: JSON.stringify(FIRST_AUDIT_LIST),
    });
    const body = await res.text();
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`${res.status}: ${body}`);
    for (const name of CLIENTS) if (!body.includes(name)) throw new Error(`${name} missing from: ${body}`);
    return ms;
  } finally {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      await exited;
    }
  }
}

try {
  await seedThreeAudits(dataDir);
  const app = [cli, 'serve', '--data-dir', dataDir, '--port', '0'];
  const floor = ['--input-type=module', '-e', BASELINE, join(dataDir, 'fieldwork.sqlite')];
  // Warm the file cache, then alternate, so load on the machine falls on both alike.
  await time(app);
  await time(floor);
  const runs: number[] = [];
  const baselineRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await time(app));
    baselineRuns.push(await time(floor));
  }
  console.error(
    `serve-startup: load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  report({
    bench: 'serve-startup',
    runs,
    baseline:
      'bare node http server importing better-sqlite3, opening the database read-only and answering the same request',
    baselineRuns,
    target: TARGET_MS,
  });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
