import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOneAudit } from '../../helpers/seed-folder';
import { CLI, REPO_ROOT } from '../../helpers/serve';

// Issue 20: `fieldwork audits` loads only what listing audits needs. These packages belong to reports, signing,
// spreadsheets, images and uploaded files, and cost hundreds of milliseconds to load (npm run bench cli-startup).
const HEAVY = [
  'node-forge',
  'pkijs',
  'asn1js',
  '@peculiar/asn1-schema',
  '@peculiar/asn1-x509',
  'jszip',
  '@xmldom/xmldom',
  'exceljs',
  'docx',
  'sharp',
  'file-type',
  'exifr',
  'csv-parse',
];

const RECORDER = join(REPO_ROOT, 'tests', 'unit', 'cli', 'fixtures', 'record-modules.mjs');

/** The packages named in a module log (file paths and file: URLs under node_modules). */
function packagesIn(log: string): Set<string> {
  const found = new Set<string>();
  for (const m of log.matchAll(/node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//g)) found.add(m[1]!);
  return found;
}

let dir: string;
let dataDir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-lazy-'));
  dataDir = join(dir, 'data');
  await seedOneAudit(dataDir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Spawns the built CLI (a second or two on a busy machine): hence the long timeout.
describe('modules the built CLI loads', { timeout: 120_000 }, () => {
  it('fieldwork audits lists the audits without loading the report, signing or file-format packages', () => {
    const log = join(dir, 'audits.log');
    const r = spawnSync(process.execPath, ['--import', RECORDER, CLI, 'audits', '--data-dir', dataDir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, FIELDWORK_MODULE_LOG: log },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Northwind Ltd\s+Stage 2/);
    const modules = readFileSync(log, 'utf8');
    const loaded = packagesIn(modules);
    // The recorder saw what the command does need: the built CLI and the database driver.
    expect(modules).toContain('/out/main/cli.js');
    expect(loaded).toContain('better-sqlite3');
    expect(HEAVY.filter((name) => loaded.has(name))).toEqual([]);
  });

  it('fieldwork serve answers its first request, then loads the rest of the backend while idle', async () => {
    const log = join(dir, 'serve.log');
    const proc = spawn(process.execPath, ['--import', RECORDER, CLI, 'serve', '--data-dir', dataDir, '--port', '0'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FIELDWORK_MODULE_LOG: log },
    });
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        let out = '';
        proc.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Fieldwork is running at (\S+)\n/.exec(out);
          if (m) resolve(new URL(m[1]!));
        });
        proc.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const res = await fetch(new URL('/api/audits.list', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Fieldwork-Token': url.searchParams.get('token')! },
        body: '{}',
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { ok: boolean; value: { clientName: string }[] };
      expect(body.value.map((a) => a.clientName)).toEqual(['Northwind Ltd']);
      // No request needs signing, yet its packages arrive once the host has been idle (Backend.warm).
      await expect
        .poll(() => (existsSync(log) ? [...packagesIn(readFileSync(log, 'utf8'))] : []), {
          timeout: 60_000,
          interval: 200,
        })
        .toEqual(expect.arrayContaining(['node-forge', 'pkijs', 'jszip', '@xmldom/xmldom']));
    } finally {
      proc.kill('SIGTERM');
      await new Promise((resolve) => (proc.exitCode !== null ? resolve(null) : proc.once('exit', resolve)));
    }
  });
});
