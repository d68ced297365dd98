import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { readSealedFile } from '#core/crypto/file-cipher-io';
import { folderCipher } from '#core/crypto/file-cipher-folder';
import { openDatabase } from '#core/db/open';
import { EvidenceStore, blobPath, thumbPath } from '#core/evidence/store';
import { tempBackend, value } from '../../helpers/backend';
import { filesIn, seedAudit, sha256, upload } from './helpers';

/**
 * A folder that was plain and now has a data key (its database was encrypted by the conversion): the start-up
 * sweep seals its evidence files and thumbnails under their HMAC names, rather than taking them for orphans.
 */
describe('sealing the files of a folder that was plain', { timeout: 120_000 }, () => {
  let t: ReturnType<typeof tempBackend> | null = null;
  afterEach(() => t?.cleanup());

  it('seals every stored file in place, keeps none plain, deletes only true orphans, and survives a re-run', async () => {
    t = tempBackend();
    const { auditId } = await seedAudit(t.backend);
    const photo = await sharp(randomBytes(64 * 48 * 3), { raw: { width: 64, height: 48, channels: 3 } })
      .jpeg()
      .toBuffer();
    const doc = randomBytes(200_000);
    value(await upload(t.backend, auditId, 'photo.jpg', photo));
    value(await upload(t.backend, auditId, 'notes.bin', doc));
    const dataDir = t.dataDir;
    t.backend.close();
    const plainThumb = readFileSync(thumbPath(dataDir, sha256(photo)));
    // A leftover no row refers to, and (as after a crash half-way) one file already sealed whose plain copy remains.
    const orphan = blobPath(dataDir, 'ab'.repeat(32));
    mkdirSync(dirname(orphan), { recursive: true });
    writeFileSync(orphan, 'nobody uses this');

    const key = randomBytes(32);
    const cipher = folderCipher({ dataKey: key })!;
    const db = openDatabase(join(dataDir, 'fieldwork.sqlite'));
    try {
      const store = new EvidenceStore(dataDir, db, cipher);
      store.sweep();
      const after = [...filesIn(dataDir, 'blobs'), ...filesIn(dataDir, 'thumbs')];
      expect(after).toHaveLength(3);
      for (const sha of [sha256(photo), sha256(doc), 'ab'.repeat(32)]) {
        expect(after.some((f) => f.includes(sha))).toBe(false);
      }
      expect((await readSealedFile(store.blobPath(sha256(photo)), cipher.file)).equals(photo)).toBe(true);
      expect((await readSealedFile(store.blobPath(sha256(doc)), cipher.file)).equals(doc)).toBe(true);
      expect((await readSealedFile(store.thumbPath(sha256(photo)), cipher.file)).equals(plainThumb)).toBe(true);
      expect(existsSync(orphan)).toBe(false);

      // Interrupted after the sealed file was renamed into place: the plain copy is back beside it.
      const plain = blobPath(dataDir, sha256(doc));
      mkdirSync(dirname(plain), { recursive: true });
      writeFileSync(plain, doc);
      const sealedBefore = readFileSync(store.blobPath(sha256(doc)));
      store.sweep();
      expect(existsSync(plain)).toBe(false);
      expect((await readSealedFile(store.blobPath(sha256(doc)), cipher.file)).equals(doc)).toBe(true);
      expect(sealedBefore.length).toBe(readFileSync(store.blobPath(sha256(doc))).length);
    } finally {
      db.close();
    }
  });
});
