import { createHash } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const CHUNK = 1024 * 1024;
/** As many files in flight as the app's import (IMPORT_CONCURRENCY), and as many per folder fsync batch. */
const IN_FLIGHT = 8;
const BATCH = 64;

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The evidence-ingest floor: the same bytes moved the plainest way Node can
 * with the same durability as the evidence store — each file read once in
 * 1 MiB chunks, hashed (SHA-256) and written to a temp file as it passes,
 * fsynced, renamed to blobs/<sha[0:2]>/<sha>, and the folders those renames
 * touched fsynced once per batch of 64 files. No database, no checks, no
 * thumbnails: what is left is the work no importer can skip.
 */
export async function copyAndHash(files: readonly string[], destRoot: string): Promise<void> {
  const tmp = join(destRoot, 'tmp');
  await mkdir(tmp, { recursive: true });
  const buffer = () => Buffer.allocUnsafe(CHUNK);
  let next = 0;
  let pending = new Set<string>();
  let sinceSync = 0;
  const shards = new Set<string>();

  const one = async (index: number, buf: Buffer): Promise<void> => {
    const hash = createHash('sha256');
    const tempPath = join(tmp, String(index));
    const source = await open(files[index]!, 'r');
    const target = await open(tempPath, 'w');
    try {
      for (let n; (n = (await source.read(buf, 0, CHUNK, null)).bytesRead) > 0;) {
        hash.update(buf.subarray(0, n));
        for (let done = 0; done < n;) done += (await target.write(buf, done, n - done)).bytesWritten;
      }
      await target.sync();
    } finally {
      await source.close();
      await target.close();
    }
    const sha = hash.digest('hex');
    const dir = join(destRoot, 'blobs', sha.slice(0, 2));
    if (!shards.has(dir)) {
      await mkdir(dir, { recursive: true });
      shards.add(dir);
      pending.add(dirname(dir));
    }
    await rename(tempPath, join(dir, sha));
    pending.add(dir);
    if (++sinceSync >= BATCH) {
      const dirs = pending;
      pending = new Set();
      sinceSync = 0;
      await Promise.all([...dirs].map(fsyncDir));
    }
  };
  const worker = async (): Promise<void> => {
    const buf = buffer();
    while (next < files.length) await one(next++, buf);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await Promise.all([...pending].map(fsyncDir));
}
