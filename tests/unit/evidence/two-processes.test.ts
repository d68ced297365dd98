import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { blobPath } from '#core/evidence/store';
import { value } from '../../helpers/backend';
import { EvidenceProcess } from '../../helpers/evidence-process';
import { blobNames, seedAudit, sha256 } from './helpers';

let dir: string;
let dataDir: string;
let auditId: string;
let file: string;
let bytes: Buffer;
const started: EvidenceProcess[] = [];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-two-processes-'));
  dataDir = join(dir, 'data');
  const backend = openBackend({ dataDir, appVersion: 'test' });
  try {
    ({ auditId } = await seedAudit(backend));
  } finally {
    backend.close();
  }
  bytes = randomBytes(50_000);
  file = join(dir, 'shared.bin');
  writeFileSync(file, bytes);
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.kill()));
  rmSync(dir, { recursive: true, force: true });
});

const start = async () => {
  const p = await EvidenceProcess.start(dataDir);
  started.push(p);
  return p;
};

/** Every attachment row of the folder, and whether its file is there with the bytes its digest names. */
const rowsAndFiles = () => {
  const backend = openBackend({ dataDir, appVersion: 'test' });
  try {
    const rows = backend.db.prepare('SELECT id, sha256 FROM evidence').all() as { id: string; sha256: string }[];
    return rows.map((r) => {
      const path = blobPath(dataDir, r.sha256);
      return { ...r, file: existsSync(path) && sha256(readFileSync(path)) === r.sha256 };
    });
  } finally {
    backend.close();
  }
};

// Each case starts real processes through tsx (a second or two each on a busy machine).
describe('two processes on one data folder', { timeout: 120_000 }, () => {
  it('one deleting the last attachment of a file while the other attaches the same file keeps the file', async () => {
    const deleter = await start();
    const adder = await start();
    const first = (await deleter.ask({ cmd: 'upload', auditId, file })) as string;

    // The adder finds the file already stored and stops before writing its row…
    adder.send({ cmd: 'upload', auditId, file, hold: true });
    await adder.expect('placed');
    // …the other process deletes the only attachment using it, and collects…
    await deleter.ask({ cmd: 'delete', id: first });
    // …then the adder writes its row.
    adder.send({ cmd: 'go' });
    const second = (await adder.expect('done')) as string;
    await Promise.all([adder.close(), deleter.close()]);

    expect(rowsAndFiles()).toEqual([{ id: second, sha256: sha256(bytes), file: true }]);
  });

  it('an add so slow that its claim expired fails cleanly if the file was collected meanwhile', async () => {
    const deleter = await start();
    const adder = await start();
    const first = (await deleter.ask({ cmd: 'upload', auditId, file })) as string;
    adder.send({ cmd: 'upload', auditId, file, hold: true });
    await adder.expect('placed');
    // As if the adder had been suspended for a day.
    const db = new Database(join(dataDir, 'fieldwork.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE evidence_placements SET placed_at = ?').run(Date.now() - 24 * 3600_000);
    db.close();
    await deleter.ask({ cmd: 'delete', id: first });
    expect(blobNames(dataDir)).toEqual([]);
    adder.send({ cmd: 'go' });
    expect(await adder.expect('failed')).toMatch(/cleaned up .* add it again/i);
    await Promise.all([adder.close(), deleter.close()]);
    expect(rowsAndFiles()).toEqual([]);
  });

  it('a process killed mid-add keeps its file claimed for the grace period, then collection takes it', async () => {
    const deleter = await start();
    const adder = await start();
    const first = (await deleter.ask({ cmd: 'upload', auditId, file })) as string;
    adder.send({ cmd: 'upload', auditId, file, hold: true });
    await adder.expect('placed');
    await adder.kill();
    await deleter.ask({ cmd: 'delete', id: first });
    await deleter.close();

    // Start-up of the next process (which holds the lock and sweeps) leaves the claimed file alone.
    const backend = openBackend({ dataDir, appVersion: 'test' });
    try {
      const claims = backend.db.prepare('UPDATE evidence_placements SET placed_at = ?');
      expect(blobNames(dataDir)).toEqual([sha256(bytes)]);
      // Within the grace period (an hour): kept.
      claims.run(Date.now() - 50 * 60_000);
      backend.evidence.collect();
      expect(blobNames(dataDir)).toEqual([sha256(bytes)]);
      // Long after: the claim expires and the file no attachment uses goes.
      claims.run(Date.now() - 2 * 24 * 3600_000);
      value(await backend.call('app.info', {}));
      expect(blobNames(dataDir)).toEqual([]);
      expect(backend.db.prepare('SELECT COUNT(*) FROM evidence_placements').pluck().get()).toBe(0);
      expect(backend.db.prepare('SELECT COUNT(*) FROM evidence_gc').pluck().get()).toBe(0);
    } finally {
      backend.close();
    }
  });
});
