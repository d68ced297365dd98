/**
 * `npm run bench upload`: files sent from the app into the evidence store by a
 * real browser (Debian's Chromium) running the renderer's own upload code
 * (components/evidence/upload.ts and api/bytes.ts, bundled into a page the
 * preview host serves, upload-page.ts): files chosen in a file input, begun and
 * committed in groups over the host's API, their bytes PUT to its byte route.
 * Against what the issue measures it by: `sha256sum` over the files plus
 * `cp -r` of them (the 0.8 target), and the Node copy+hash with the store's
 * fsyncs (copy-hash.ts), on about 500 MB of random files (400 of 4–200 KB,
 * five of 20–100 MB, one of 200 MB). A third line: the same upload into an
 * encrypted folder (a data key given: files sealed as they land). And what a
 * browser costs before any of our work: Chromium merely sending the same files
 * to a host that counts the bytes (browserSend), with the CPU time of the
 * browser's processes and of the host beside each browser side, since on two
 * cores the browser's own share decides how near the tools an upload can come.
 *
 * Ours runs in a child process (backend and host, with the browser beside
 * it: on this machine its work competes for the same cores, as in the app);
 * the clock runs in the page, from the call to the last commit's answer. The
 * page cache is warmed first and `sync` runs before each side. Medians of
 * three rounds; the load average is printed with the results.
 *
 * `upload-paths`: the desktop app's import of the same files by path
 * (`evidence.importPaths`, issue 20), in a child process the way the app's main
 * process has it run: main forwards the preload's paths to the backend process,
 * which dispatches the op — here the same dispatch in the child, timed from the
 * call to its answer (every file's row committed and its log fsynced), without
 * the one small structured-clone message each way between main and the backend
 * process. Against the same `sha256sum`+`cp` (the 0.8 target).
 * `UPLOAD_BENCH=paths` measures only that line and its baseline (no browser).
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './report';

const ROUNDS = 3;
/** Only the import by path and its baseline: quicker to repeat on a loaded machine. */
const PATHS_ONLY = process.env.UPLOAD_BENCH === 'paths';
const MB = 1024 * 1024;

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!, process.argv[5] === 'encrypted');
else if (process.argv[2] === '--floor') await floor(process.argv[3]!, process.argv[4]!);
else if (process.argv[2] === '--browser-send') await browserSend(process.argv[3]!);
else if (process.argv[2] === '--paths') await importPaths(process.argv[3]!, process.argv[4]!);
else main();

/** The narrower floor, in its own process too: the same files copied and hashed with the store's fsyncs. */
async function floor(dest: string, src: string): Promise<void> {
  const { copyAndHash } = await import('./copy-hash');
  const t0 = performance.now();
  await copyAndHash(filesUnder(src), dest);
  console.log(JSON.stringify({ ms: performance.now() - t0 }));
}

/** The desktop app's import by path: the backend reads the same files itself (evidence.importPaths). */
async function importPaths(dataDir: string, src: string): Promise<void> {
  const { openBackend } = await import('#core/backend');
  const { sampleAudit, sampleClient } = await import('../helpers/backend');
  const backend = openBackend({ dataDir, appVersion: 'bench' });
  try {
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const client = must(await backend.call('clients.create', sampleClient()));
    const audit = must(await backend.call('audits.create', sampleAudit(client.id)));
    const paths = filesUnder(src);
    const input = { importId: 'bench', auditId: audit.id, paths, links: [{ type: 'audit', id: audit.id }] };
    const t0 = performance.now();
    const answer = await backend.dispatch('evidence.importPaths', input);
    const ms = performance.now() - t0;
    const { results } = must(answer as { ok: true; value: { results: { ok: boolean }[] } });
    const added = results.filter((r) => r.ok).length;
    if (added !== paths.length) throw new Error(`imported ${added} of ${paths.length}`);
    console.log(JSON.stringify({ ms }));
  } finally {
    backend.close();
  }
}

async function child(dataDir: string, src: string, encrypted: boolean): Promise<void> {
  const { openBackend } = await import('#core/backend');
  const { startPreviewServer } = await import('#preview/server');
  const { build } = await import('esbuild');
  const { chromium } = await import('@playwright/test');
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('../helpers/chromium');
  const { sampleAudit, sampleClient } = await import('../helpers/backend');
  // Encrypted: a fixed data key, so the files are sealed (in the seal pool's threads) and named by HMAC.
  const backend = openBackend({ dataDir, appVersion: 'bench', ...(encrypted ? { dataKey: Buffer.alloc(32, 7) } : {}) });
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const client = must(await backend.call('clients.create', sampleClient()));
  const audit = must(await backend.call('audits.create', sampleAudit(client.id)));
  // A page of the host's own: a file input and the renderer's upload code, bundled.
  const staticDir = join(dataDir, 'static');
  mkdirSync(staticDir);
  await build({
    entryPoints: [fileURLToPath(new URL('./upload-page.js', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: join(staticDir, 'upload.js'),
    logLevel: 'warning',
  });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>upload</title>' +
      '<script type="module" src="/upload.js"></script></head><body><input type="file" multiple></body></html>',
  );
  const server = await startPreviewServer({ backend, staticDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    await page.waitForFunction('typeof window.runUpload === "function"');
    const files = filesUnder(src);
    await page.locator('input[type=file]').setInputFiles(files);
    const cpu0 = process.cpuUsage();
    const tree0 = childrenCpuMs(process.pid);
    const r = await page.evaluate<{ ms: number; added: number; failed: string[] }>(
      `window.runUpload(${JSON.stringify(audit.id)})`,
    );
    const cpu = process.cpuUsage(cpu0);
    if (r.added !== files.length) {
      throw new Error(`added ${r.added} of ${files.length}: ${r.failed.slice(0, 3).join('; ')}`);
    }
    const hostCpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      JSON.stringify({ ms: r.ms, files: files.length, hostCpuMs, browserCpuMs: childrenCpuMs(process.pid) - tree0 }),
    );
  } finally {
    await browser.close();
    await server.close();
    backend.close();
  }
}

/**
 * What a browser needs merely to hand the same files over: Chromium sends each
 * whole File (4 at once, as the app) by PUT to a host that counts the bytes
 * and throws them away. No hashing, no disk, no database: the cost of the
 * browser's own file reading, IPC and loopback socket, which no upload from
 * the app can avoid.
 */
async function browserSend(src: string): Promise<void> {
  const { createServer } = await import('node:http');
  const { chromium } = await import('@playwright/test');
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('../helpers/chromium');
  let received = 0;
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>send</title></head><body>
    <input type="file" multiple><script>
    window.send = async () => {
      const files = [...document.querySelector('input').files];
      const t0 = performance.now();
      let next = 0;
      const sender = async () => {
        for (let i = next++; i < files.length; i = next++) {
          const res = await fetch('/sink', { method: 'PUT', body: files[i] });
          if (!res.ok) throw new Error('sink refused ' + files[i].name);
        }
      };
      await Promise.all([sender(), sender(), sender(), sender()]);
      return performance.now() - t0;
    };</script></body></html>`;
  const server = createServer((req, res) => {
    if (req.method !== 'PUT') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    req.on('data', (c: Buffer) => (received += c.length));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
    const files = filesUnder(src);
    await tab.locator('input[type=file]').setInputFiles(files);
    const cpu0 = process.cpuUsage();
    const tree0 = childrenCpuMs(process.pid);
    const ms = await tab.evaluate<number>('window.send()');
    const cpu = process.cpuUsage(cpu0);
    const expected = files.reduce((n, f) => n + statSync(f).size, 0);
    if (received !== expected) throw new Error(`the sink received ${received} of ${expected} bytes`);
    const hostCpuMs = (cpu.user + cpu.system) / 1000;
    console.log(JSON.stringify({ ms, hostCpuMs, browserCpuMs: childrenCpuMs(process.pid) - tree0 }));
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}

/** CPU time (user + system, ms) of a process's descendants (the browser's processes), from /proc (Linux). */
function childrenCpuMs(root: number): number {
  const stats = new Map<number, { ppid: number; ms: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ');
      stats.set(Number(name), {
        ppid: Number(fields[1]),
        ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100,
      });
    } catch {
      // Gone meanwhile.
    }
  }
  const inTree = (pid: number): boolean => pid === root || (pid > 1 && inTree(stats.get(pid)?.ppid ?? 0));
  // Every process of the tree is alive while a side runs (the browser closes after its figure), so none is missed.
  let ms = 0;
  for (const [pid, s] of stats) if (pid !== root && inTree(pid)) ms += s.ms;
  return ms;
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

interface Side {
  ms: number;
  /** CPU the host (and backend) and the browser's processes spent while the clock ran (the browser sides only). */
  hostCpuMs?: number;
  browserCpuMs?: number;
}

/** A child process's timing (its last stdout line). */
function childRun(args: string[], what: string): Side {
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`${what} failed (${run.status ?? run.signal})`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Side;
}
function childMs(args: string[], what: string): number {
  return childRun(args, what).ms;
}

function main(): void {
  const root = mkdtempSync(join(tmpdir(), 'fieldwork-bench-upload-'));
  const src = join(root, 'src');
  try {
    console.error('upload: writing about 500 MB of random files …');
    const total = generate(src);
    const files = filesUnder(src);
    sh('cat', files);
    sh('sync', []);
    const baseline: number[] = [];
    const floors: number[] = [];
    const ours: Side[] = [];
    const sends: Side[] = [];
    const sealed: number[] = [];
    const byPath: number[] = [];
    const self = fileURLToPath(import.meta.url);
    for (let round = 0; round < ROUNDS; round++) {
      const copy = join(root, 'copy');
      const tools = timed(() => sh('sha256sum', files)) + timed(() => sh('cp', ['-r', src, copy]));
      baseline.push(tools);
      rmSync(copy, { recursive: true, force: true });
      sh('sync', []);
      if (PATHS_ONLY) {
        const pathMs = childMs([self, '--paths', join(root, 'data'), src], 'path import child');
        byPath.push(pathMs);
        rmSync(join(root, 'data'), { recursive: true, force: true });
        sh('sync', []);
        console.error(
          `round ${round + 1}: sha256sum+cp ${tools.toFixed(0)} ms; imported by path ${pathMs.toFixed(0)} ms`,
        );
        continue;
      }
      const dest = join(root, 'floor');
      const floorMs = childMs([self, '--floor', dest, src], 'floor child');
      floors.push(floorMs);
      rmSync(dest, { recursive: true, force: true });
      sh('sync', []);
      const sent = childRun([self, '--browser-send', src], 'browser send child');
      sends.push(sent);
      const dataDir = join(root, 'data');
      const upload = childRun([self, '--child', dataDir, src], 'upload child');
      const ms = upload.ms;
      ours.push(upload);
      rmSync(dataDir, { recursive: true, force: true });
      sh('sync', []);
      const sealedMs = childMs([self, '--child', dataDir, src, 'encrypted'], 'encrypted upload child');
      sealed.push(sealedMs);
      rmSync(dataDir, { recursive: true, force: true });
      sh('sync', []);
      const pathMs = childMs([self, '--paths', dataDir, src], 'path import child');
      byPath.push(pathMs);
      rmSync(dataDir, { recursive: true, force: true });
      sh('sync', []);
      console.error(
        `round ${round + 1}: sha256sum+cp ${tools.toFixed(0)} ms; node copy+hash+fsync ${floorMs.toFixed(0)} ms; ` +
          `Chromium sending to a sink ${sent.ms.toFixed(0)} ms (CPU: browser ${sent.browserCpuMs} ms, host ` +
          `${sent.hostCpuMs?.toFixed(0)} ms); ours ${ms.toFixed(0)} ms (CPU: browser ${upload.browserCpuMs} ms, ` +
          `host and backend ${upload.hostCpuMs?.toFixed(0)} ms); ours into an encrypted folder ${sealedMs.toFixed(0)} ms; ` +
          `imported by path ${pathMs.toFixed(0)} ms`,
      );
    }
    const rate = (ms: number) => Math.round(total / MB / (ms / 1000));
    const round2 = (x: number) => Math.round(x * 100) / 100;
    /** The browser's lines; answers the browser upload's rate. */
    const browserLines = (base: number, load: number): number => {
      const value = rate(median(ours.map((o) => o.ms)));
      const cpu = (sides: Side[]) => ({
        browser_cpu_ms: Math.round(median(sides.map((o) => o.browserCpuMs ?? 0))),
        host_cpu_ms: Math.round(median(sides.map((o) => o.hostCpuMs ?? 0))),
      });
      const floorRate = rate(median(floors));
      console.log(
        JSON.stringify({
          bench: 'upload',
          value,
          unit: 'MB/s',
          baseline: 'sha256sum+cp',
          baseline_value: base,
          ratio: round2(value / base),
          target_ratio: 0.8,
          within_target: value / base >= 0.8,
          ...cpu(ours),
          runs: ROUNDS,
          load,
        }),
      );
      // The browser's share: the same files merely handed over by Chromium to a sink (browserSend).
      const sendRate = rate(median(sends.map((o) => o.ms)));
      console.log(
        JSON.stringify({
          bench: 'upload-vs-browser-send',
          value,
          unit: 'MB/s',
          baseline: 'chromium-put-of-each-file-to-a-byte-counting-sink',
          baseline_value: sendRate,
          ratio: round2(value / sendRate),
          baseline_vs_tools: round2(sendRate / base),
          ...cpu(sends),
          runs: ROUNDS,
          load,
        }),
      );
      console.log(
        JSON.stringify({
          bench: 'upload-vs-node-copy-hash',
          value,
          unit: 'MB/s',
          baseline: 'node-copy+sha256+same-fsyncs',
          baseline_value: floorRate,
          ratio: round2(value / floorRate),
          runs: ROUNDS,
          load,
        }),
      );
      // The same upload into an encrypted folder (sealed as it lands), against the same tools.
      const sealedRate = rate(median(sealed));
      console.log(
        JSON.stringify({
          bench: 'upload-encrypted',
          value: sealedRate,
          unit: 'MB/s',
          baseline: 'sha256sum+cp',
          baseline_value: base,
          ratio: round2(sealedRate / base),
          target_ratio: 0.8,
          within_target: sealedRate / base >= 0.8,
          vs_plain_upload: round2(sealedRate / value),
          runs: ROUNDS,
          load,
        }),
      );
      return value;
    };
    const base = rate(median(baseline));
    // The machine's load when the rounds ended: the ratios compare sides measured under the same load.
    const load = round2(loadavg()[0]!);
    const value = PATHS_ONLY ? 0 : browserLines(base, load);
    // The desktop app's import by path (evidence.importPaths), against the same tools.
    const pathRate = rate(median(byPath));
    console.log(
      JSON.stringify({
        bench: 'upload-paths',
        value: pathRate,
        unit: 'MB/s',
        baseline: 'sha256sum+cp',
        baseline_value: base,
        ratio: round2(pathRate / base),
        target_ratio: 0.8,
        within_target: pathRate / base >= 0.8,
        ...(PATHS_ONLY ? {} : { vs_browser_upload: round2(pathRate / value) }),
        runs: ROUNDS,
        load,
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
