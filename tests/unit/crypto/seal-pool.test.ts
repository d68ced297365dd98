import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ChunkSealer, fileKey, newHeader, sealedSize } from '#core/crypto/file-cipher';
import { readSealedFile } from '#core/crypto/file-cipher-io';
import { PooledChunkSealer } from '#core/crypto/seal-pool';

const dir = mkdtempSync(join(tmpdir(), 'fw-seal-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHUNK = 64 * 1024;
const key = fileKey(randomBytes(32));

/** `plain` fed to both sealers in the same pieces (sizes cycling through `cuts`), with one header. */
async function bothWays(plain: Buffer, cuts: number[]): Promise<{ pooled: Buffer; inPlace: Buffer }> {
  const header = newHeader();
  const pooled = new PooledChunkSealer(key, header);
  const inPlace = new ChunkSealer(key, header);
  const a: Buffer[] = [];
  const b: Buffer[] = [];
  for (let at = 0, k = 0; at < plain.length; k++) {
    const piece = plain.subarray(at, at + Math.max(1, cuts[k % cuts.length]!));
    a.push(...(await pooled.push(piece)));
    b.push(...inPlace.push(piece));
    at += piece.length;
  }
  a.push(...pooled.end());
  b.push(...inPlace.end());
  return { pooled: Buffer.concat(a), inPlace: Buffer.concat(b) };
}

describe('sealing in the worker pool (crypto/seal-pool.ts)', () => {
  it('writes the very bytes the in-place sealer writes, whatever the pieces, and they open again', async () => {
    const sizes = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 4 * CHUNK, 4 * CHUNK + 5, 16 * CHUNK, 3 * 1024 * 1024 + 7];
    for (const size of sizes) {
      const plain = randomBytes(size);
      // 1 MiB pieces (the byte channel's, sealed in place), single chunks, odd sizes that straddle chunk edges,
      // and pieces large enough for the pool, mixed with small ones (the pool's chunk numbers follow in-place ones).
      for (const cuts of [
        [1024 * 1024],
        [CHUNK],
        [CHUNK * 5 + 3, 17, CHUNK - 1],
        [300_000],
        [2 * 1024 * 1024 + 5, CHUNK + 1],
      ]) {
        const { pooled, inPlace } = await bothWays(plain, cuts);
        expect(pooled.equals(inPlace), `${size} bytes in pieces of ${cuts.join('/')}`).toBe(true);
        expect(pooled.length).toBe(sealedSize(size));
      }
      const path = join(dir, `f${size}`);
      writeFileSync(path, (await bothWays(plain, [1024 * 1024])).pooled);
      expect((await readSealedFile(path, key)).equals(plain)).toBe(true);
    }
  });

  it('matches for any size and any way of cutting it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 20 * CHUNK }),
        fc.array(fc.integer({ min: 1, max: 6 * CHUNK }), { minLength: 1, maxLength: 5 }),
        async (size, cuts) => {
          const { pooled, inPlace } = await bothWays(randomBytes(size), cuts);
          expect(pooled.equals(inPlace)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('seals off the main thread: the event loop runs while a large piece is sealed', async () => {
    const sealer = new PooledChunkSealer(key, newHeader());
    let turned = false;
    setImmediate(() => (turned = true));
    // Sealed in place, the piece would be done (and this resolved) before the loop's next turn.
    const out = await sealer.push(randomBytes(16 * 1024 * 1024));
    expect(turned).toBe(true);
    expect(out.reduce((n, b) => n + b.length, 0)).toBe(16 + 255 * (CHUNK + 16));
  });

  it('seals pieces of up to 1 MiB in place: answered before the event loop turns', async () => {
    const sealer = new PooledChunkSealer(key, newHeader());
    let turned = false;
    setImmediate(() => (turned = true));
    // Straddling chunk edges, so the held-back bytes are completed from the piece too.
    const out = [...(await sealer.push(randomBytes(CHUNK + 3))), ...(await sealer.push(randomBytes(1024 * 1024)))];
    expect(turned).toBe(false);
    expect(out.reduce((n, b) => n + b.length, 0)).toBe(16 + 17 * (CHUNK + 16));
  });

  it('keeps the buffer it was given intact (the caller reuses it once the push resolved)', async () => {
    const plain = randomBytes(2 * 1024 * 1024);
    const copy = Buffer.from(plain);
    const sealer = new PooledChunkSealer(key, newHeader());
    await sealer.push(plain);
    expect(plain.equals(copy)).toBe(true);
  });
});
