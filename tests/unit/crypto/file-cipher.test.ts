import { createCipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ChunkSealer, fileKey, sealedSize, type FileKey } from '#core/crypto/file-cipher';
import { SealedFile, readSealedFile, sealStream, sealedReadStream, withSealedFile } from '#core/crypto/file-cipher-io';

const dir = mkdtempSync(join(tmpdir(), 'fw-file-cipher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHUNK = 64 * 1024;
const key = fileKey(randomBytes(32));
let n = 0;
const newPath = () => join(dir, `f${n++}`);

function seal(k: FileKey, plain: Buffer): Buffer {
  const s = new ChunkSealer(k);
  // Fed in uneven pieces, as a network stream would.
  const parts: Buffer[] = [];
  for (let at = 0; at < plain.length;) {
    const take = Math.min(plain.length - at, 1 + ((at * 7919) % 100_000));
    parts.push(...s.push(plain.subarray(at, at + take)));
    at += take;
  }
  return Buffer.concat([...parts, ...s.end()]);
}

function sealedFile(plain: Buffer, k = key): string {
  const path = newPath();
  writeFileSync(path, seal(k, plain));
  return path;
}

async function readAll(path: string, k = key, range?: { start?: number; end?: number }): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const p of sealedReadStream(path, k, range)) pieces.push(p as Buffer);
  return Buffer.concat(pieces);
}

const DAMAGED = /damaged or was changed outside Fieldwork/;

describe('chunked file cipher', () => {
  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK, 5 * CHUNK + 333])(
    'round-trips %i bytes, streamed and by range',
    async (size) => {
      const plain = randomBytes(size);
      const path = sealedFile(plain);
      const stored = readFileSync(path);
      expect(stored.length).toBe(sealedSize(size));
      // The plaintext is not in the file.
      if (size >= 16) expect(stored.includes(plain.subarray(0, 16))).toBe(false);
      expect((await readAll(path)).equals(plain)).toBe(true);
      await withSealedFile(path, key, async (f) => {
        expect(f.plainSize).toBe(size);
        const mid = Math.floor(size / 2);
        expect((await f.read(mid, CHUNK + 10)).equals(plain.subarray(mid, mid + CHUNK + 10))).toBe(true);
        expect((await f.read(size, 10)).length).toBe(0);
      });
    },
  );

  it('seals through a stream pipeline and reads ranges as streams', async () => {
    const plain = randomBytes(3 * CHUNK + 17);
    const path = newPath();
    await pipeline(
      Readable.from([plain.subarray(0, 1000), plain.subarray(1000)]),
      sealStream(key),
      createWriteStream(path),
    );
    expect(
      (await readAll(path, key, { start: CHUNK - 3, end: 2 * CHUNK + 5 })).equals(
        plain.subarray(CHUNK - 3, 2 * CHUNK + 5),
      ),
    ).toBe(true);
  });

  it('uses two different random nonce prefixes for the same file', () => {
    const plain = Buffer.from('same bytes');
    expect(seal(key, plain).equals(seal(key, plain))).toBe(false);
  });

  it('derives its key with HKDF from the data key (info "fieldwork evidence v1"), checked with a chunk sealed independently', async () => {
    const dataKey = randomBytes(32);
    const derived = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'fieldwork evidence v1', 32));
    const header = Buffer.concat([Buffer.from('FWEC'), Buffer.of(1, 0, 0, 0), randomBytes(8)]);
    const plain = Buffer.from('hello at rest');
    const nonce = Buffer.concat([header.subarray(8), Buffer.alloc(4)]);
    const c = createCipheriv('aes-256-gcm', derived, nonce);
    c.setAAD(Buffer.concat([header, Buffer.of(1)]));
    const body = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
    const path = newPath();
    writeFileSync(path, Buffer.concat([header, body]));
    expect((await readSealedFile(path, fileKey(dataKey))).toString()).toBe('hello at rest');
  });

  describe('refuses altered files with a clear error', () => {
    const plain = randomBytes(3 * CHUNK + 100);
    const stored = seal(key, plain);
    const tryRead = (bytes: Buffer, k = key) => {
      const path = newPath();
      writeFileSync(path, bytes);
      return readAll(path, k);
    };

    it('one flipped byte anywhere (header, ciphertext, tag)', async () => {
      for (const at of [2, 4, 9, 20, CHUNK + 40, stored.length - 1]) {
        const bad = Buffer.from(stored);
        bad[at]! ^= 0x01;
        await expect(tryRead(bad)).rejects.toThrow(DAMAGED);
      }
    });

    it('truncated at a chunk boundary, mid-chunk, to the header, or extended', async () => {
      const boundary = 16 + 2 * (CHUNK + 16);
      for (const len of [boundary, boundary + 100, 16, 10, 0]) {
        await expect(tryRead(stored.subarray(0, len))).rejects.toThrow(DAMAGED);
      }
      await expect(tryRead(Buffer.concat([stored, Buffer.alloc(16)]))).rejects.toThrow(DAMAGED);
    });

    it('two chunks swapped', async () => {
      const a = stored.subarray(16, 16 + CHUNK + 16);
      const b = stored.subarray(16 + CHUNK + 16, 16 + 2 * (CHUNK + 16));
      const swapped = Buffer.concat([stored.subarray(0, 16), b, a, stored.subarray(16 + 2 * (CHUNK + 16))]);
      await expect(tryRead(swapped)).rejects.toThrow(DAMAGED);
    });

    it('a chunk from another file sealed with the same key', async () => {
      const other = seal(key, randomBytes(plain.length));
      const mixed = Buffer.concat([stored.subarray(0, 16 + CHUNK + 16), other.subarray(16 + CHUNK + 16)]);
      await expect(tryRead(mixed)).rejects.toThrow(DAMAGED);
    });

    it('the wrong key, also for an empty file', async () => {
      await expect(tryRead(stored, fileKey(randomBytes(32)))).rejects.toThrow(DAMAGED);
      await expect(tryRead(seal(key, Buffer.alloc(0)), fileKey(randomBytes(32)))).rejects.toThrow(DAMAGED);
    });

    it('a range read that touches a damaged chunk', async () => {
      const bad = Buffer.from(stored);
      bad[16 + CHUNK + 16 + 5]! ^= 0x80;
      const path = newPath();
      writeFileSync(path, bad);
      const f = await SealedFile.open(path, key);
      try {
        // The first chunk is intact and readable on its own; the second is not.
        expect((await f.read(0, 10)).equals(plain.subarray(0, 10))).toBe(true);
        await expect(f.read(CHUNK + 1, 10)).rejects.toThrow(DAMAGED);
      } finally {
        await f.close();
      }
    });
  });

  it('property: any bytes fed in any pieces read back equal, whole and by any range', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 * CHUNK + 50 }),
        fc.array(fc.integer({ min: 1, max: 2 * CHUNK }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        async (size, cuts, a, b) => {
          const plain = randomBytes(size);
          const s = new ChunkSealer(key);
          const parts: Buffer[] = [];
          let at = 0;
          for (let i = 0; at < size; i++) {
            const take = Math.min(size - at, cuts[i % cuts.length]!);
            parts.push(...s.push(plain.subarray(at, at + take)));
            at += take;
          }
          parts.push(...s.end());
          const path = newPath();
          writeFileSync(path, Buffer.concat(parts));
          const whole = await readAll(path);
          expect(createHash('sha256').update(whole).digest('hex')).toBe(
            createHash('sha256').update(plain).digest('hex'),
          );
          const start = size === 0 ? 0 : a % size;
          const end = start + (size === 0 ? 0 : b % (size - start + 1));
          expect((await readAll(path, key, { start, end })).equals(plain.subarray(start, end))).toBe(true);
          rmSync(path);
        },
      ),
      { numRuns: 60 },
    );
  });
});
