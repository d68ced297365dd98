/**
 * `npm run bench at-rest`: what encryption at rest costs. The same work runs on a plain data folder and on an
 * encrypted one (a data key given to openBackend: sealed evidence files and thumbnails, HMAC names, and the
 * database encryption once the backend applies it), in the same run, each in a child process of its own,
 * alternating sides round by round, medians reported:
 *   - ingest: about 220 MB of random files (800 of 4–200 KB, four of 20–40 MB, a few photos with previews)
 *     imported from disk into an audit (importEvidenceFiles: stream, hash, seal, fsync, rename, rows);
 *   - search: 20,000 indexed notes, then 300 `search.query` calls and 50 `evidence.page` searches.
 * value = the geometric mean of the two ratios plain time / encrypted time (1 = free; goal >= 0.8).
 * The same ratios of CPU time (the child's user + system, its threads included) are reported beside them: on a
 * machine shared with other work, wall time swings with the load from round to round, CPU time much less.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomFillSync } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { median } from './report';

const ROUNDS = 5;
const MB = 1024 * 1024;
const NOTES = 20_000;
const QUERIES = 300;
const PAGE_QUERIES = 50;

/** Deterministic text (a tiny LCG), so both sides index and search the same words. */
function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}
const WORDS = (
  'access control review policy procedure record evidence management staff user system security information ' +
  'risk asset owner approval change backup incident supplier contract training awareness password account ' +
  'leaver joiner privileged log monitoring firewall network server encryption key vulnerability patch test ' +
  'audit interview observed sample document version signed meeting scope physical office visitor cabinet ' +
  'laptop remote cloud provider release deployment continuity recovery register inventory retention breach'
).split(' ');

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

async function child(dataDir: string, src: string, encrypted: boolean): Promise<void> {
  const { openBackend } = await import('#core/backend');
  const { importEvidenceFiles } = await import('#core/evidence/import');
  const { newId } = await import('#core/ids');
  const { sampleAudit, sampleClient, value } = await import('../helpers/backend');
  // A fixed key: both rounds of a side do the same work.
  const backend = openBackend({ dataDir, appVersion: 'bench', ...(encrypted ? { dataKey: Buffer.alloc(32, 7) } : {}) });
  try {
    const client = value(await backend.call('clients.create', sampleClient()));
    const audit = value(await backend.call('audits.create', sampleAudit(client.id)));
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = await importEvidenceFiles(backend, { auditId: audit.id, paths: [src] });
    const ingestMs = performance.now() - t0;
    const ingestCpuMs = cpuMs(process.cpuUsage(c0));
    if (result.failed.length > 0) throw new Error(`${result.failed.length} files failed`);

    const rand = prng(15);
    const word = () => WORDS[Math.floor(rand() * WORDS.length)]!;
    const prose = (n: number) => Array.from({ length: n }, word).join(' ');
    const now = new Date().toISOString();
    const add = backend.db.prepare(
      `INSERT INTO interviews (id, audit_id, interviewee_name, interviewee_role, department, site_id, held_at, notes,
         created_at, updated_at, device_id) VALUES (?, ?, 'Sam Person', 'CISO', 'IT', NULL, '2026-03-02T09:30', ?, ?, ?, 'bench')`,
    );
    backend.db.transaction(() => {
      for (let i = 0; i < NOTES; i++) add.run(newId(), audit.id, prose(20 + Math.floor(rand() * 120)), now, now);
    })();
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    for (let i = 0; i < QUERIES; i++)
      value(await backend.call('search.query', { q: `${word()} ${word().slice(0, 3)}` }));
    for (let i = 0; i < PAGE_QUERIES; i++) {
      value(
        await backend.call('evidence.page', { auditId: audit.id, search: `file-${String(i * 7).padStart(4, '0')}` }),
      );
    }
    const searchMs = performance.now() - t1;
    const searchCpuMs = cpuMs(process.cpuUsage(c1));
    console.log(JSON.stringify({ ingestMs, searchMs, ingestCpuMs, searchCpuMs, added: result.added }));
  } finally {
    backend.close();
  }
}

async function generate(src: string): Promise<{ files: number; bytes: number }> {
  const rand = prng(42);
  const buffer = Buffer.allocUnsafe(4 * MB);
  const sizes = [
    ...Array.from({ length: 800 }, () => Math.floor(4096 + rand() * 196 * 1024)),
    ...Array.from({ length: 4 }, () => Math.floor(20 * MB + rand() * 20 * MB)),
  ];
  mkdirSync(src, { recursive: true });
  let bytes = 0;
  for (const [i, size] of sizes.entries()) {
    const fd = openSync(join(src, `file-${String(i).padStart(4, '0')}.bin`), 'w');
    for (let left = size; left > 0;) {
      const n = Math.min(left, buffer.length);
      randomFillSync(buffer, 0, n);
      writeSync(fd, buffer, 0, n);
      left -= n;
    }
    closeSync(fd);
    bytes += size;
  }
  // A few photos, so previews are made (decrypting and sealing them is part of the cost).
  for (let i = 0; i < 12; i++) {
    const jpeg = await sharp(randomBytes(640 * 480 * 3), { raw: { width: 640, height: 480, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer();
    writeFileSync(join(src, `photo-${i}.jpg`), jpeg);
    bytes += jpeg.length;
  }
  return { files: sizes.length + 12, bytes };
}

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status ?? r.signal})`);
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fieldwork-bench-at-rest-'));
  const src = join(root, 'src');
  try {
    const { files, bytes } = await generate(src);
    console.error(`at-rest: ${files} files, ${(bytes / MB).toFixed(0)} MB; ${NOTES} notes`);
    sh('sync', []);
    const self = fileURLToPath(import.meta.url);
    type Run = { ingestMs: number; searchMs: number; ingestCpuMs: number; searchCpuMs: number };
    const runs: Record<'plain' | 'encrypted', Run[]> = { plain: [], encrypted: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const)) {
        const dataDir = join(root, `data-${side}`);
        const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', dataDir, src, side], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        if (r.status !== 0) throw new Error(`${side} child failed (${r.status ?? r.signal})`);
        const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as Run;
        runs[side].push(out);
        rmSync(dataDir, { recursive: true, force: true });
        sh('sync', []);
        console.error(
          `round ${round + 1} ${side}: ingest ${out.ingestMs.toFixed(0)} ms (CPU ${out.ingestCpuMs.toFixed(0)} ms), ` +
            `search ${out.searchMs.toFixed(0)} ms (CPU ${out.searchCpuMs.toFixed(0)} ms)`,
        );
      }
    }
    const med = (side: 'plain' | 'encrypted', k: keyof Run) => median(runs[side].map((r) => r[k]));
    const ratio = (k: keyof Run) => med('plain', k) / med('encrypted', k);
    const ingestRatio = ratio('ingestMs');
    const searchRatio = ratio('searchMs');
    const round2 = (x: number) => Math.round(x * 100) / 100;
    const value = round2(Math.sqrt(ingestRatio * searchRatio));
    console.log(
      JSON.stringify({
        bench: 'at-rest',
        value,
        unit: 'ratio (plain time / encrypted time)',
        baseline: 'the same work on a plain data folder',
        ingest_ratio: round2(ingestRatio),
        search_ratio: round2(searchRatio),
        ingest_ms: { plain: Math.round(med('plain', 'ingestMs')), encrypted: Math.round(med('encrypted', 'ingestMs')) },
        search_ms: { plain: Math.round(med('plain', 'searchMs')), encrypted: Math.round(med('encrypted', 'searchMs')) },
        cpu_value: round2(Math.sqrt(ratio('ingestCpuMs') * ratio('searchCpuMs'))),
        ingest_cpu_ratio: round2(ratio('ingestCpuMs')),
        search_cpu_ratio: round2(ratio('searchCpuMs')),
        target_ratio: 0.8,
        within_target: value >= 0.8,
        load: round2(loadavg()[0]!),
        runs: ROUNDS,
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// Last: the constants above must exist before either side runs.
if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!, process.argv[5] === 'encrypted');
else await main();
