import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { newId } from '#core/ids';
import { value } from '../../helpers/backend';
import { CLI, REPO_ROOT } from '../../helpers/serve';
import { blobNames, filesIn, seedAudit } from './helpers';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let dir: string;
let dataDir: string;
let src: string;
let auditId: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-cli-evidence-'));
  dataDir = join(dir, 'data');
  src = join(dir, 'camera');
  mkdirSync(src);
  const backend = openBackend({ dataDir, appVersion: 'test' });
  try {
    ({ auditId } = await seedAudit(backend));
  } finally {
    backend.close();
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

// Each case spawns the real CLI through tsx (about a second to start on a busy machine).
describe('fieldwork import-evidence', { timeout: 120_000 }, () => {
  it('imports a folder, says what it did, and exits 0', () => {
    writeFileSync(join(src, 'a.jpg'), randomBytes(100));
    writeFileSync(join(src, 'b.jpg'), randomBytes(200));
    const r = run('import-evidence', '--data-dir', dataDir, '--audit', auditId, '--added-by', 'Arno', src);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe("Added 2 files to the audit's evidence.\n");
    const again = run('import-evidence', '--data-dir', dataDir, '--audit', auditId, join(src, 'a.jpg'));
    expect(again.out).toBe("Added 0 files to the audit's evidence; 1 file was already there.\n");
    expect(again.code).toBe(0);
  });

  it('lists what it could not import and exits 1, importing the rest', () => {
    writeFileSync(join(src, 'good.bin'), randomBytes(100));
    writeFileSync(join(src, 'empty.bin'), '');
    const r = run('import-evidence', '--data-dir', dataDir, '--audit', auditId, src, join(dir, 'missing'));
    expect(r.code).toBe(1);
    expect(r.out).toBe("Added 1 file to the audit's evidence.\n");
    expect(r.err).toBe(
      `  ${join(dir, 'missing')}: cannot be read: it does not exist (or is a broken link)\n` +
        `  ${join(src, 'empty.bin')}: “empty.bin” is empty (0 bytes); nothing was added.\n` +
        'fieldwork: 2 items could not be imported (listed above).\n',
    );
  });

  it('refuses an unknown audit in one line', () => {
    writeFileSync(join(src, 'a.bin'), 'x');
    const r = run('import-evidence', '--data-dir', dataDir, '--audit', newId(), src);
    expect(r.code).toBe(1);
    expect(r.err).toBe('fieldwork: This audit does not exist (it may have been deleted). Nothing was imported.\n');
    expect(run('import-evidence', '--data-dir', dataDir, src).err).toMatch(/required option '--audit <id>'/);
    expect(run('import-evidence', '--help').out).toMatch(/Usage: fieldwork import-evidence/);
  });

  it('killed mid-import, leaves a store in which every attachment has its file and nothing else', async () => {
    const N = 300;
    for (let i = 0; i < N; i++)
      writeFileSync(join(src, `f${String(i).padStart(3, '0')}.bin`), randomBytes(20_000 + i * 700));
    const child = spawn(
      process.execPath,
      [CLI, 'import-evidence', '--data-dir', dataDir, '--audit', auditId, '--progress', src],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let lines = 0;
    await new Promise<void>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`import finished (exit ${code}) before it could be killed`)));
      child.stderr.on('data', (d: Buffer) => {
        lines += d.toString().split('\n').length - 1;
        if (lines >= 40) {
          child.kill('SIGKILL');
          child.removeAllListeners('exit');
          child.on('exit', () => resolve());
        }
      });
    });
    expect(child.signalCode).toBe('SIGKILL');

    const backend = openBackend({ dataDir, appVersion: 'test' });
    try {
      const rows = value(await backend.call('evidence.list', { auditId }));
      // Killed after at least 40 files committed, well before all of them.
      expect(rows.length).toBeGreaterThanOrEqual(40);
      expect(rows.length).toBeLessThan(N);
      for (const e of rows) {
        const bytes = readFileSync(backend.evidence.store.blobPath(e.sha256));
        expect(bytes.length).toBe(e.size);
        expect(sha(bytes)).toBe(e.sha256);
      }
      expect(filesIn(dataDir, 'tmp')).toEqual([]);
      // Files the killed import had claimed stay until their claims expire (an hour); nothing else is left.
      const claimed = backend.db.prepare('SELECT DISTINCT sha256 FROM evidence_placements').pluck().all() as string[];
      const kept = new Set([...rows.map((e) => e.sha256), ...claimed]);
      expect(blobNames(dataDir).filter((name) => !kept.has(name))).toEqual([]);
      backend.db.prepare('UPDATE evidence_placements SET placed_at = 0').run();
      backend.evidence.collect();
      expect(blobNames(dataDir).sort()).toEqual(rows.map((e) => e.sha256).sort());
    } finally {
      backend.close();
    }
  });
});
