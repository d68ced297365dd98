/**
 * `npm run bench upload`: files sent from the app into the evidence store the
 * way the renderer sends them (api/bytes.ts): `evidence.uploadBegin` over the
 * preview host's API, the bytes PUT to its byte route in 16 MiB chunks streamed
 * from the file, three files in flight, then `evidence.uploadCommit`. Against
 * what the issue measures it by: `sha256sum` over the files plus `cp -r` of
 * them (the 0.8 target), on about 600 MB of random files (400 of 4–200 KB,
 * five of 20–100 MB, one of 200 MB).
 *
 * Ours runs in a child process (backend, host and client in one, so the client's
 * work is counted too); the page cache is warmed first and `sync` runs before
 * each side. Medians of three rounds.
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './report';

const ROUNDS = 3;
const MB = 1024 * 1024;
const IN_FLIGHT = 3;

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else main();

async function child(dataDir: string, src: string): Promise<void> {
  const { openBackend } = await import('#core/backend');
  const { startPreviewServer } = await import('#preview/server');
  const { BYTE_CHUNK } = await import('#shared/domain/bytes');
  const { sampleAudit, sampleClient } = await import('../helpers/backend');
  const backend = openBackend({ dataDir, appVersion: 'bench' });
  const staticDir = join(dataDir, 'static');
  mkdirSync(staticDir);
  const server = await startPreviewServer({ backend, staticDir });
  const base = `http://127.0.0.1:${server.port}`;
  const headers = { 'X-Fieldwork-Token': server.token };
  const api = async <T>(op: string, input: unknown): Promise<T> => {
    const r = await fetch(`${base}/api/${op}`, { method: 'POST', headers, body: JSON.stringify(input) });
    const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${op}: ${body.error?.message}`);
    return body.value;
  };
  const client = await api<{ id: string }>('clients.create', sampleClient());
  const audit = await api<{ id: string }>('audits.create', sampleAudit(client.id));
  const files = filesUnder(src);
  const send = async (path: string) => {
    const size = statSync(path).size;
    const { uploadId } = await api<{ uploadId: string }>('evidence.uploadBegin', {
      auditId: audit.id,
      name: 'f',
      size,
    });
    for (let offset = 0; offset < size; offset += BYTE_CHUNK) {
      const end = Math.min(size, offset + BYTE_CHUNK) - 1;
      const body = createReadStream(path, { start: offset, end }) as unknown as ReadableStream;
      const r = await fetch(`${base}/bytes/${uploadId}?offset=${offset}`, {
        method: 'PUT',
        headers,
        body,
        duplex: 'half',
      });
      if (!r.ok) throw new Error(`PUT ${r.status}`);
      await r.arrayBuffer();
    }
    await api('evidence.uploadCommit', { uploadId, links: [{ type: 'audit', id: audit.id }] });
  };
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < files.length; i = next++) await send(files[i]!);
    }),
  );
  const ms = performance.now() - t0;
  await server.close();
  backend.close();
  console.log(JSON.stringify({ ms, files: files.length }));
}

function sizes(): number[] {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const out: number[] = [];
  for (let i = 0; i < 400; i++) out.push(Math.floor(4 * 1024 + rand() * 196 * 1024));
  for (let i = 0; i < 5; i++) out.push(Math.floor(20 * MB + rand() * 80 * MB));
  out.push(200 * MB);
  return out;
}

function generate(src: string): number {
  const buffer = Buffer.allocUnsafe(4 * MB);
  let total = 0;
  mkdirSync(src, { recursive: true });
  for (const [i, size] of sizes().entries()) {
    const fd = openSync(join(src, `file-${String(i).padStart(4, '0')}.bin`), 'w');
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
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(dir, e.name));
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
  const root = mkdtempSync(join(tmpdir(), 'fieldwork-bench-upload-'));
  const src = join(root, 'src');
  try {
    console.error('upload: writing about 600 MB of random files …');
    const total = generate(src);
    const files = filesUnder(src);
    sh('cat', files);
    sh('sync', []);
    const baseline: number[] = [];
    const ours: number[] = [];
    const self = fileURLToPath(import.meta.url);
    for (let round = 0; round < ROUNDS; round++) {
      const copy = join(root, 'copy');
      const tools = timed(() => sh('sha256sum', files)) + timed(() => sh('cp', ['-r', src, copy]));
      baseline.push(tools);
      rmSync(copy, { recursive: true, force: true });
      sh('sync', []);
      const dataDir = join(root, 'data');
      const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', dataDir, src], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (run.status !== 0) throw new Error(`upload child failed (${run.status ?? run.signal})`);
      const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as { ms: number; files: number };
      ours.push(r.ms);
      rmSync(dataDir, { recursive: true, force: true });
      sh('sync', []);
      console.error(`round ${round + 1}: sha256sum+cp ${tools.toFixed(0)} ms; ours ${r.ms.toFixed(0)} ms`);
    }
    const rate = (ms: number) => Math.round(total / MB / (ms / 1000));
    const value = rate(median(ours));
    const base = rate(median(baseline));
    console.log(
      JSON.stringify({
        bench: 'upload',
        value,
        unit: 'MB/s',
        baseline: 'sha256sum+cp',
        baseline_value: base,
        ratio: Math.round((value / base) * 100) / 100,
        runs: ROUNDS,
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
