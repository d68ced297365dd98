import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { encryptDataDir } from '#core/crypto/convert';
import { unlockDataDir } from '#core/crypto/key-file';
import { seedDemo } from '#core/demo/seed';
import { tempBackend, value } from '../../helpers/backend';
import { distinctiveWindow } from '../../helpers/needle';

/**
 * A plain folder after the demo (clients, notes, findings, evidence files, an issued report) converted with
 * `encryptDataDir`, then opened once with its key (the start-up sweep seals the plain evidence and report files):
 * none of the demo's distinctive text or file bytes is left in any file of the folder.
 */
function allFiles(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? allFiles(path).map((f) => ({ ...f, path: join(name, f.path) }))
      : [{ path: relative(dir, path), bytes: readFileSync(path) }];
  });
}

describe('converting a demo folder', { timeout: 300_000 }, () => {
  const t = tempBackend();
  afterAll(() => rmSync(t.dataDir, { recursive: true, force: true }));

  it('leaves no client name, note, finding or evidence bytes readable anywhere', async () => {
    await seedDemo(t.backend, new Date('2026-05-04T10:00:00Z'));
    const db = t.backend.db;
    const client = db.prepare('SELECT name FROM clients ORDER BY name LIMIT 1').pluck().get() as string;
    const note = db
      .prepare('SELECT notes FROM checklist_items WHERE length(notes) > 60 LIMIT 1')
      .pluck()
      .get() as string;
    const statement = db
      .prepare('SELECT statement FROM findings WHERE length(statement) > 40 LIMIT 1')
      .pluck()
      .get() as string;
    const evidenceSha = db.prepare('SELECT sha256 FROM evidence ORDER BY size DESC LIMIT 1').pluck().get() as string;
    t.backend.close();
    const blob = readFileSync(join(t.dataDir, 'evidence', 'blobs', evidenceSha.slice(0, 2), evidenceSha));
    const needles = [
      Buffer.from(client),
      Buffer.from(note.slice(10, 50)),
      Buffer.from(statement.slice(0, 40)),
      distinctiveWindow(blob),
    ];
    const found = () => allFiles(t.dataDir).flatMap((f) => (needles.some((n) => f.bytes.includes(n)) ? [f.path] : []));
    // The check sees the plain folder's text and files.
    expect(found().length).toBeGreaterThan(1);

    encryptDataDir(t.dataDir, { passphrase: 'demo folder pass' }, { scrypt: { N: 2 ** 10, r: 8, p: 1 } });
    const key = unlockDataDir(t.dataDir, { passphrase: 'demo folder pass' });
    t.backend = openBackend({ appVersion: 'test', dataDir: t.dataDir, dataKey: key });
    const clients = value(await t.backend.call('clients.list', {})).map((c: { name: string }) => c.name);
    expect(clients).toContain(client);
    t.backend.close();
    expect(found()).toEqual([]);
    // And it still opens (and reads its evidence) afterwards.
    t.backend = openBackend({ appVersion: 'test', dataDir: t.dataDir, dataKey: key });
    const ev = t.backend.db.prepare('SELECT id FROM evidence WHERE sha256 = ?').pluck().get(evidenceSha) as string;
    const read = value(await t.backend.call('evidence.read', { id: ev, offset: 0, length: blob.length + 1 }));
    expect(Buffer.from(read.dataBase64, 'base64').equals(blob)).toBe(true);
    t.backend.close();
  });
});
