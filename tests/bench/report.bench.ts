/**
 * `npm run bench report`: exports the audit report (DOCX) of a large audit —
 * 123 checklist items, 150 issued findings, 200 photos of about 3 MB — and
 * compares it in the same run with writing a plain zip (JSZip, DEFLATE, as
 * the signing code uses) of the same photo files as stored plus the audit's
 * text. Two lines: `report-export` (a draft) and `report-issue` (issued:
 * frozen and signed, the signature verified after the clock). Each gives
 * end-to-end time (exports.start → done, polled every 50 ms), the file size,
 * and peak RSS: sampled every 50 ms and the process's maxRSS. The export
 * worker is a thread, so its memory is in the same process.
 *
 * The fixture is built, the export measured and the baseline measured each in
 * its own child process, so each maxRSS belongs to what it measures. `sync`
 * runs before each measurement so neither pays for the other's pending writes;
 * both read the photos from a warm page cache.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './report';
import { LARGE_AUDIT } from './fixtures/large-audit';
import { ensurePhotos } from './fixtures/photos';

const ROUNDS = Number(process.env.FIELDWORK_BENCH_ROUNDS ?? 1);
const MB = 1024 * 1024;
const POLL_MS = 50;

interface Measured {
  ms: number;
  bytes: number;
  /** Highest sampled RSS, and the kernel's maxRSS, in MB. */
  sampledPeakMb: number;
  maxRssMb: number;
  detail?: Record<string, unknown>;
}

/** Samples process RSS every 50 ms until stopped; returns the highest seen, in MB. */
function rssSampler(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), POLL_MS);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss) / MB;
  };
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

async function fixtureChild(dataDir: string, root: string): Promise<void> {
  const { openBackend } = await import('#core/backend');
  const { buildLargeAudit } = await import('./fixtures/large-audit');
  const photos = await ensurePhotos(LARGE_AUDIT.photos);
  const backend = openBackend({ dataDir, appVersion: 'bench' });
  try {
    const t0 = performance.now();
    const built = await buildLargeAudit(backend, photos, (s) => console.error(s));
    const ms = performance.now() - t0;
    writeFileSync(join(root, 'findings.txt'), built.findingsText);
    console.log(JSON.stringify({ auditId: built.auditId, ms }));
  } finally {
    backend.close();
  }
}

const BENCH_PASSPHRASE = 'bench-passphrase';

/**
 * Ours: the export job, as the app runs it, start to done. `issue`: issued and
 * signed (the signing identity is created before the clock starts).
 */
async function exportChild(dataDir: string, auditId: string, issue: boolean): Promise<void> {
  const { openBackend } = await import('#core/backend');
  const JSZip = (await import('jszip')).default;
  const backend = openBackend({ dataDir, appVersion: 'bench' });
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  try {
    const identity = issue
      ? must(
          await backend.call('signing.create', {
            name: 'Lena Lead',
            role: 'Lead auditor',
            organisation: 'Example Certification Ltd',
            email: '',
            protection: { kind: 'passphrase', passphrase: BENCH_PASSPHRASE },
          }),
        )
      : null;
    const stop = rssSampler();
    const t0 = performance.now();
    let job = must(
      await backend.call('exports.start', {
        auditId,
        kind: 'report',
        format: 'docx',
        ...(identity
          ? {
              issue: {
                identityId: identity.id,
                unlock: { kind: 'passphrase', passphrase: BENCH_PASSPHRASE },
                by: 'Lena Lead',
              },
            }
          : {}),
      }),
    );
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = must(await backend.call('exports.status', { jobId: job.id }));
    }
    const ms = performance.now() - t0;
    const sampledPeakMb = stop();
    const maxRss = maxRssMb();
    if (job.state !== 'done')
      throw new Error(`export ${job.state}: ${job.error?.code ?? ''} ${job.error?.message ?? ''}`);

    // After the clock: read the file back and count the photos it embeds, so a fast empty file cannot pass.
    const chunks: Buffer[] = [];
    for (let offset = 0, eof = false; !eof;) {
      const c = must(await backend.call('exports.read', { jobId: job.id, offset, length: 4 * MB }));
      const bytes = Buffer.from(c.dataBase64, 'base64');
      chunks.push(bytes);
      offset += bytes.length;
      eof = c.eof || bytes.length === 0;
    }
    const file = Buffer.concat(chunks);
    if (file.length !== job.size) throw new Error(`read ${file.length} bytes, job says ${job.size}`);
    const zip = await JSZip.loadAsync(file);
    const media = Object.keys(zip.files).filter((n) => /^word\/media\/.+\.(jpe?g|png)$/i.test(n));
    if (issue) {
      const { verifyPackage } = await import('#core/signing/package-verify');
      const verdict = await verifyPackage(file);
      if (verdict.status !== 'valid')
        throw new Error(`issued report is ${verdict.status}: ${verdict.problems.join('; ')}`);
    }
    const out: Measured = {
      ms,
      bytes: file.length,
      sampledPeakMb,
      maxRssMb: maxRss,
      detail: { media: media.length, warnings: job.warnings.length },
    };
    console.log(JSON.stringify(out));
  } finally {
    backend.close();
  }
}

/** The baseline: the same photo files and the findings' text in a plain DEFLATE zip, written durably. */
async function zipChild(root: string): Promise<void> {
  const { open, readFile, rename } = await import('node:fs/promises');
  const JSZip = (await import('jszip')).default;
  const photos = await ensurePhotos(LARGE_AUDIT.photos);
  const stop = rssSampler();
  const t0 = performance.now();
  const zip = new JSZip();
  zip.file('findings.txt', await readFile(join(root, 'findings.txt')));
  for (const path of photos) zip.file(`photos/${path.split('/').pop()!}`, await readFile(path));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const target = join(root, 'baseline.zip');
  const handle = await open(`${target}.tmp`, 'w', 0o600);
  await handle.writeFile(bytes);
  await handle.sync();
  await handle.close();
  await rename(`${target}.tmp`, target);
  const ms = performance.now() - t0;
  const out: Measured = { ms, bytes: bytes.length, sampledPeakMb: stop(), maxRssMb: maxRssMb() };
  console.log(JSON.stringify(out));
}

function child<T>(args: string[]): T {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--import', 'tsx', self, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * MB,
  });
  if (run.status !== 0) throw new Error(`${args[0]} child failed (${run.status ?? run.signal})`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}

const sync = () => spawnSync('sync', [], { stdio: 'ignore' });
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fieldwork-bench-report-'));
  const dataDir = join(root, 'data');
  try {
    const tPhotos = performance.now();
    await ensurePhotos(LARGE_AUDIT.photos, (s) => console.error(s));
    const photosS = (performance.now() - tPhotos) / 1000;
    const fixture = child<{ auditId: string; ms: number }>(['--fixture', dataDir, root]);
    console.error(
      `report: photos ready in ${photosS.toFixed(1)} s; fixture built in ${(fixture.ms / 1000).toFixed(1)} s`,
    );

    const ours: Measured[] = [];
    const issued: Measured[] = [];
    const base: Measured[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      sync();
      base.push(child<Measured>(['--zip', root]));
      sync();
      ours.push(child<Measured>(['--export', dataDir, fixture.auditId]));
      sync();
      issued.push(child<Measured>(['--export', dataDir, fixture.auditId, '--issue']));
      const [o, b, i] = [ours.at(-1)!, base.at(-1)!, issued.at(-1)!];
      console.error(
        `round ${r + 1}: export ${(o.ms / 1000).toFixed(1)} s, ${(o.bytes / MB).toFixed(0)} MB, ` +
          `peak RSS ${o.sampledPeakMb.toFixed(0)} MB (maxRSS ${o.maxRssMb.toFixed(0)}), ${JSON.stringify(o.detail)}; ` +
          `zip ${(b.ms / 1000).toFixed(1)} s, ${(b.bytes / MB).toFixed(0)} MB, maxRSS ${b.maxRssMb.toFixed(0)} MB; ` +
          `issued and signed ${(i.ms / 1000).toFixed(1)} s, peak RSS ${i.sampledPeakMb.toFixed(0)} MB`,
      );
    }
    const baseline = median(base.map((m) => m.ms)) / 1000;
    /** The fields both lines share: time against the baseline, peak RSS and file size. */
    const line = (bench: string, runs: Measured[]) => {
      const value = median(runs.map((m) => m.ms)) / 1000;
      return {
        bench,
        value: round(value),
        unit: 's',
        baseline: 'plain zip of photos+text',
        baseline_value: round(baseline),
        ratio: round(value / baseline),
        peak_rss_mb: Math.round(Math.max(...runs.map((m) => m.sampledPeakMb))),
        max_rss_mb: Math.round(Math.max(...runs.map((m) => m.maxRssMb))),
        file_mb: round(median(runs.map((m) => m.bytes)) / MB, 1),
      };
    };
    console.log(
      JSON.stringify({
        ...line('report-export', ours),
        baseline_max_rss_mb: Math.round(Math.max(...base.map((m) => m.maxRssMb))),
        baseline_file_mb: round(median(base.map((m) => m.bytes)) / MB, 1),
        embedded_images: ours[0]?.detail?.media,
        photos: LARGE_AUDIT.photos,
        findings: LARGE_AUDIT.findings,
        items: LARGE_AUDIT.items,
        fixture_s: round(fixture.ms / 1000, 1),
        runs: ROUNDS,
      }),
    );
    console.log(JSON.stringify({ ...line('report-issue', issued), signature: 'valid', runs: ROUNDS }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// Last, so every constant above is initialised before any of it runs.
const mode = process.argv[2];
if (mode === '--fixture') await fixtureChild(process.argv[3]!, process.argv[4]!);
else if (mode === '--export') await exportChild(process.argv[3]!, process.argv[4]!, process.argv[5] === '--issue');
else if (mode === '--zip') await zipChild(process.argv[3]!);
else await main();
