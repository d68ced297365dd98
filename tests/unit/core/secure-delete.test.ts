import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { sampleClient, tempBackend, value } from '../../helpers/backend';

/** Every file SQLite may keep the bytes in: the database, its write-ahead log and shared memory. */
const rawFiles = (dir: string) =>
  ['fieldwork.sqlite', 'fieldwork.sqlite-wal', 'fieldwork.sqlite-shm'].map((f) => {
    try {
      return readFileSync(join(dir, f));
    } catch {
      return Buffer.alloc(0);
    }
  });

describe('a deleted client leaves no readable trace in the database files', () => {
  it('overwrites the deleted name (secure_delete), in the table and in the search index', async () => {
    const t = tempBackend();
    try {
      // Distinctive, so it cannot occur by chance; the search index keeps words lower-cased.
      const name = 'Quizzlewharf Brothers Vexmoor';
      const words = ['quizzlewharf', 'vexmoor'];
      const created = value(await t.backend.call('clients.create', { ...sampleClient(), name, sites: [] }));
      t.backend.db.pragma('wal_checkpoint(TRUNCATE)');
      // The check can see the name while it exists (so it would see it after deletion too).
      const before = Buffer.concat(rawFiles(t.dataDir));
      expect(before.includes(name)).toBe(true);
      expect(words.every((w) => before.toString('latin1').toLowerCase().includes(w))).toBe(true);

      value(await t.backend.call('clients.delete', { id: created.id }));
      t.backend.db.pragma('wal_checkpoint(TRUNCATE)');
      t.backend.close();
      const after = rawFiles(t.dataDir);
      for (const bytes of after) {
        expect(bytes.includes(name)).toBe(false);
        for (const w of words) expect(bytes.toString('latin1').toLowerCase().includes(w)).toBe(false);
      }
    } finally {
      t.backend = openBackend({ appVersion: 'test', dataDir: t.dataDir });
      t.cleanup();
    }
  });
});
