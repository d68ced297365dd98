/**
 * `npm run bench evidence-ingest`: how fast files from disk enter the evidence
 * store (stream → temp file while hashing → fsync → rename → database row),
 * against its floor: a one-pass Node copy-and-hash with the same fsyncs
 * (copy-hash.ts), run in a child process the same way. Also reported against
 * what standard tools take: `sha256sum` over the files plus `cp -r` of them
 * (neither fsyncs, and sha256sum here is not linked to libcrypto; a variant
 * with `sync` is reported too). About 1 GB of random (so never deduplicated)
 * files: 2000 of 4–200 KB, a few of 20–100 MB and two of ~200 MB. Our import
 * runs in a child process, so its peak memory (VmHWM / maxRSS) is its own.
 *
 * Page cache: it cannot be dropped here, so every file is read once before
 * timing and every side reads from a warm cache. Rounds alternate (tools,
 * floor, ours, tools, …) and `sync` runs before each one, so no side pays for
 * another's pending writes. Medians are reported.
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './report';

const ROUNDS = 3;
const MB = 1024 * 1024;

if (process.argv[2] === '--child') {
  await child(process.argv[3]!, process.argv[4]!);
} else if (process.argv[2] === '--floor') {
  await floor(process.argv[3]!, process.argv[4]!);
} else {
  main();
}

/** CPU time of this process (user + system, all its threads); a declaration, as the top-level await above uses it. */
function cpuOf(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}

/** Ours, in its own process: a fresh data folder, an audit, then the import of the whole folder. */
async function child(dataDir: string, src: string): Promise<void> {
  const { openBackend } = await import('#core/backend');
  const { importEvidenceFiles } = await import('#core/evidence/import');
  const { sampleAudit, sampleClient } = await import('../helpers/backend');
  const backend = openBackend({ dataDir, appVersion: 'bench' });
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const client = must(await backend.call('clients.create', sampleClient()));
  const audit = must(await backend.call('audits.create', sampleAudit(client.id)));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await importEvidenceFiles(backend, { auditId: audit.id, paths: [src] });
  const ms = performance.now() - t0;
  const cpuMs = cpuOf(process.cpuUsage(c0));
  backend.close();
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  const peakKb = hwm ? Number(hwm) : process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ ms, cpuMs, added: result.added, failed: result.failed.length, peakKb }));
}

/** The floor, in its own process too: the same files copied and hashed with the same fsyncs, nothing else. */
async function floor(dest: string, src: string): Promise<void> {
  const { copyAndHash } = await import('./copy-hash');
  const files = filesUnder(src);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await copyAndHash(files, dest);
  console.log(JSON.stringify({ ms: performance.now() - t0, cpuMs: cpuOf(process.cpuUsage(c0)) }));
}

/** Deterministic sizes (a tiny LCG), so every run measures the same mix. */
function sizes(): number[] {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const out: number[] = [];
  for (let i = 0; i < 2000; i++) out.push(Math.floor(4 * 1024 + rand() * 196 * 1024));
  for (let i = 0; i < 7; i++) out.push(Math.floor(20 * MB + rand() * 80 * MB));
  out.push(200 * MB, 190 * MB);
  return out;
}

function generate(src: string): number {
  const buffer = Buffer.allocUnsafe(4 * MB);
  let total = 0;
  for (const [i, size] of sizes().entries()) {
    // A few sub-folders, as a camera card or an export would have.
    const dir = join(src, `dir${i % 7}`);
    mkdirSync(dir, { recursive: true });
    const fd = openSync(join(dir, `file-${String(i).padStart(4, '0')}.bin`), 'w');
    for (let left = size; left > 0;) {
      const n = Math.min(left, buffer.length);
      randomFillSync(buffer, 0, n);
      writeSync(fd, buffer, 0, n);
      left -= n;
    }
    closeSync(fd);
    total += size;
  }
  return total;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status ?? r.signal})`);
}

function timed(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function main(): void {
  const root = mkdtempSync(join(tmpdir(), 'fieldwork-bench-evidence-'));
  const src = join(root, 'src');
  try {
    console.error('evidence-ingest: writing about 1 GB of random files …');
    const total = generate(src);
    const files = filesUnder(src);
    // Warm the page cache for both sides, and get the generator's writes onto the disk.
    sh('cat', files);
    sh('sync', []);

    const floorRuns: number[] = [];
    const floorCpu: number[] = [];
    const oursCpu: number[] = [];
    const baseline: number[] = [];
    const baselineSync: number[] = [];
    const ours: number[] = [];
    const peaks: number[] = [];
    const self = fileURLToPath(import.meta.url);
    for (let round = 0; round < ROUNDS; round++) {
      const copy = join(root, 'copy');
      const hash = timed(() => sh('sha256sum', files));
      const cp = timed(() => sh('cp', ['-r', src, copy]));
      const flush = timed(() => sh('sync', []));
      baseline.push(hash + cp);
      baselineSync.push(hash + cp + flush);
      rmSync(copy, { recursive: true, force: true });
      sh('sync', []);

      const dest = join(root, 'floor');
      const f = spawnSync(process.execPath, ['--import', 'tsx', self, '--floor', dest, src], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (f.status !== 0) throw new Error(`floor child failed (${f.status ?? f.signal})`);
      const fl = JSON.parse(f.stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number };
      const floorMs = fl.ms;
      floorRuns.push(floorMs);
      floorCpu.push(fl.cpuMs);
      rmSync(dest, { recursive: true, force: true });
      sh('sync', []);

      const dataDir = join(root, 'data');
      const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', dataDir, src], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (run.status !== 0) throw new Error(`ingest child failed (${run.status ?? run.signal})`);
      const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
        ms: number;
        cpuMs: number;
        added: number;
        failed: number;
        peakKb: number;
      };
      if (r.added !== files.length || r.failed !== 0) throw new Error(`imported ${r.added} of ${files.length} files`);
      ours.push(r.ms);
      oursCpu.push(r.cpuMs);
      peaks.push(r.peakKb / 1024);
      rmSync(dataDir, { recursive: true, force: true });
      sh('sync', []);
      console.error(
        `round ${round + 1}: sha256sum ${hash.toFixed(0)} ms + cp ${cp.toFixed(0)} ms (+ sync ${flush.toFixed(0)} ms); ` +
          `node copy+hash+fsync ${floorMs.toFixed(0)} ms (CPU ${fl.cpuMs.toFixed(0)} ms); ` +
          `ours ${r.ms.toFixed(0)} ms (CPU ${r.cpuMs.toFixed(0)} ms), peak RSS ${(r.peakKb / 1024).toFixed(0)} MB`,
      );
    }

    const rate = (ms: number) => Math.round(total / MB / (ms / 1000));
    const value = rate(median(ours));
    const floorRate = rate(median(floorRuns));
    const base = rate(median(baseline));
    const baseSync = rate(median(baselineSync));
    const round2 = (x: number) => Math.round(x * 100) / 100;
    console.error(`${files.length} files, ${(total / MB).toFixed(0)} MB`);
    console.log(
      JSON.stringify({
        bench: 'evidence-ingest',
        value,
        unit: 'MB/s',
        baseline: 'node-copy+sha256+same-fsyncs',
        baseline_value: floorRate,
        ratio: round2(value / floorRate),
        runs: ROUNDS,
        load: round2(loadavg()[0]!),
      }),
    );
    // The same comparison in CPU time, which the machine's other work disturbs far less than wall time.
    console.log(
      JSON.stringify({
        bench: 'evidence-ingest-cpu',
        value: Math.round(median(oursCpu)),
        unit: 'ms CPU',
        baseline: 'node-copy+sha256+same-fsyncs',
        baseline_value: Math.round(median(floorCpu)),
        ratio: round2(median(floorCpu) / median(oursCpu)),
        runs: ROUNDS,
      }),
    );
    console.log(
      JSON.stringify({
        bench: 'evidence-ingest-vs-sha256sum-cp',
        value,
        unit: 'MB/s',
        baseline: 'sha256sum+cp',
        baseline_value: base,
        ratio: round2(value / base),
        target_ratio: 0.8,
        within_target: value / base >= 0.8,
        runs: ROUNDS,
      }),
    );
    console.log(
      JSON.stringify({
        bench: 'evidence-ingest-vs-synced-copy',
        value,
        unit: 'MB/s',
        baseline: 'sha256sum+cp+sync',
        baseline_value: baseSync,
        ratio: round2(value / baseSync),
        runs: ROUNDS,
      }),
    );
    const peak = Math.round(Math.max(...peaks));
    console.log(
      JSON.stringify({
        bench: 'evidence-ingest-peak-rss',
        value: peak,
        unit: 'MB',
        target: 300,
        within_target: peak < 300,
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
