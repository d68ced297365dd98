import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ChunkSealer, type FileKey } from './file-cipher';

/**
 * Sealing the files of a folder that was plain (the database was encrypted by
 * crypto/convert.ts; its evidence files, thumbnails and issued reports follow
 * at the next start-up sweep, evidence/store.ts). Each file is sealed into a
 * temp file, fsynced, renamed to its HMAC name, the folder fsynced, and only
 * then is the plain file removed: a crash at any point leaves the plain file,
 * the sealed one, or both (the next sweep then just removes the plain one).
 */

const PIECE = 1024 * 1024;

/** Writes the sealed form of `source` to `target` (durably, through a temp file in `tmpDir`), then removes `source`. */
export function sealInPlace(source: string, target: string, tmpDir: string, key: FileKey): void {
  mkdirSync(tmpDir, { recursive: true, mode: 0o700 });
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const temp = join(tmpDir, `${randomBytes(12).toString('hex')}.sealing`);
  const input = openSync(source, 'r');
  let output: number | null = openSync(temp, 'wx', 0o600);
  try {
    const sealer = new ChunkSealer(key);
    const buffer = Buffer.allocUnsafe(PIECE);
    for (;;) {
      const n = readSync(input, buffer, 0, PIECE, null);
      if (n === 0) break;
      writeAllSync(output, Buffer.concat(sealer.push(buffer.subarray(0, n))));
    }
    writeAllSync(output, Buffer.concat(sealer.end()));
    fsyncSync(output);
    closeSync(output);
    output = null;
    renameSync(temp, target);
    fsyncDirSync(dirname(target));
  } catch (e) {
    if (output !== null) closeSync(output);
    rmSync(temp, { force: true });
    throw e;
  } finally {
    closeSync(input);
  }
  rmSync(source, { force: true });
}

function writeAllSync(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
