import { createReadStream, createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readFully } from '../files/read-chunk';
import {
  CHUNK_BYTES,
  ChunkSealer,
  HEADER_BYTES,
  checkHeader,
  chunkLayout,
  chunkOffset,
  damagedFile,
  openChunk,
  plainSizeOf,
  type FileKey,
} from './file-cipher';

/** Chunks read with one positioned read: 1 MiB, as the store's other streams use. */
const CHUNKS_PER_READ = 16;

/** A sealed file opened for reading: its plaintext size is known from its length alone. */
export class SealedFile {
  private constructor(
    private readonly handle: FileHandle,
    private readonly key: FileKey,
    private readonly header: Buffer,
    readonly plainSize: number,
  ) {}

  static async open(path: string, key: FileKey): Promise<SealedFile> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const plainSize = plainSizeOf(size);
      const header = checkHeader(await readFully(handle, 0, HEADER_BYTES));
      return new SealedFile(handle, key, header, plainSize);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  /** The plaintext of chunks first..last (inclusive), each checked before any of it is answered. */
  async chunks(first: number, last: number): Promise<Buffer> {
    const layout = chunkLayout(this.plainSize);
    const start = chunkOffset(first);
    let length = 0;
    for (let i = first; i <= last; i++) length += layout.sealedLength(i);
    const sealed = await readFully(this.handle, start, length);
    // Shorter than its own length said: changed while open.
    if (sealed.length < length) throw damagedFile();
    const plain: Buffer[] = [];
    let at = 0;
    for (let i = first; i <= last; i++) {
      const n = layout.sealedLength(i);
      plain.push(openChunk(this.key, this.header, i, sealed.subarray(at, at + n), i === layout.count - 1));
      at += n;
    }
    return plain.length === 1 ? plain[0]! : Buffer.concat(plain);
  }

  /** Up to `length` plaintext bytes at `offset` (fewer only at the end). */
  async read(offset: number, length: number): Promise<Buffer> {
    const end = Math.min(this.plainSize, offset + length);
    if (end <= offset) return Buffer.alloc(0);
    const first = Math.floor(offset / CHUNK_BYTES);
    const last = Math.floor((end - 1) / CHUNK_BYTES);
    const plain = await this.chunks(first, last);
    const skip = offset - first * CHUNK_BYTES;
    return plain.subarray(skip, skip + (end - offset));
  }

  /** The plaintext from `start` to `end` (exclusive; default the end), in pieces of about 1 MiB. */
  async *pieces(start = 0, end = this.plainSize): AsyncGenerator<Buffer> {
    const stop = Math.min(end, this.plainSize);
    // An empty file is still one chunk, checked, so a damaged empty file is not read as empty.
    if (this.plainSize === 0) {
      await this.chunks(0, 0);
      return;
    }
    for (let at = start; at < stop;) {
      const piece = await this.read(at, Math.min(CHUNKS_PER_READ * CHUNK_BYTES - (at % CHUNK_BYTES), stop - at));
      if (piece.length === 0) return;
      yield piece;
      at += piece.length;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** Runs `fn` with a sealed file open, closing it afterwards. */
export async function withSealedFile<T>(path: string, key: FileKey, fn: (file: SealedFile) => Promise<T>): Promise<T> {
  const file = await SealedFile.open(path, key);
  try {
    return await fn(file);
  } finally {
    await file.close();
  }
}

/** A sealed file's plaintext as a stream, optionally a range [start, end). Opened lazily, closed at its end. */
export function sealedReadStream(path: string, key: FileKey, range: { start?: number; end?: number } = {}): Readable {
  return Readable.from(
    (async function* () {
      const file = await SealedFile.open(path, key);
      try {
        yield* file.pieces(range.start, range.end);
      } finally {
        await file.close();
      }
    })(),
    { objectMode: false },
  );
}

/** A small sealed file's whole plaintext (thumbnails: a few KiB). */
export function readSealedFile(path: string, key: FileKey): Promise<Buffer> {
  return withSealedFile(path, key, async (file) => file.read(0, file.plainSize));
}

/** Plaintext in, sealed bytes out: for pipelines that write a file (issued copies). */
export function sealStream(key: FileKey): Transform {
  const sealer = new ChunkSealer(key);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (const b of sealer.push(chunk)) this.push(b);
      done();
    },
    flush(done) {
      for (const b of sealer.end()) this.push(b);
      done();
    },
  });
}

/** Writes the sealed form of `plain` (a small buffer) to an open handle. */
export async function writeSealed(handle: FileHandle, key: FileKey, plain: Buffer): Promise<void> {
  const sealer = new ChunkSealer(key);
  for (const part of [...sealer.push(plain), ...sealer.end()]) await writeAll(handle, part);
}

/** Writes every byte of `pieces` in order, with one gathered write when the system takes them all (it nearly always does). */
export async function writeAllPieces(handle: FileHandle, pieces: Buffer[]): Promise<void> {
  if (pieces.length === 0) return;
  const total = pieces.reduce((n, p) => n + p.length, 0);
  let skip = (await handle.writev(pieces)).bytesWritten;
  if (skip === total) return;
  for (const piece of pieces) {
    if (skip >= piece.length) {
      skip -= piece.length;
      continue;
    }
    await writeAll(handle, piece.subarray(skip));
    skip = 0;
  }
}

/** Writes every byte of `bytes` (a write may take fewer). */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
}

/** Writes the sealed form of the file at `source` to a new private file `target`, streaming. */
export async function sealFile(source: string, target: string, key: FileKey): Promise<void> {
  await pipeline(createReadStream(source), sealStream(key), createWriteStream(target, { flags: 'wx', mode: 0o600 }));
}
