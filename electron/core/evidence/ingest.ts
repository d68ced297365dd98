import { createHash, type Hash } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { storageError, type EvidenceStore } from './store';
import { newHeader } from '../crypto/file-cipher';
import { PooledChunkSealer } from '../crypto/seal-pool';
import { writeAll, writeAllPieces } from '../crypto/file-cipher-io';

/** A complete temp file and what it holds. */
export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  size: number;
  /** The first bytes (up to HEAD_BYTES), for sniffing the type without opening the file again. */
  head: Buffer;
}

/** Enough for the type sniffer's magic numbers (file-type reads at most 4100 bytes for most formats). */
export const HEAD_BYTES = 64 * 1024;

/**
 * Bytes on their way into the store: written to a private temp file and
 * hashed as they pass, so no file is ever held in memory whole. In an
 * encrypted folder they are sealed on the way (the digest and `size` are the
 * plaintext's), so no plaintext reaches the disk. `finish` fsyncs and closes;
 * `discard` removes the temp (safe to call twice).
 */
export class BlobWriter {
  private readonly hash: Hash = createHash('sha256');
  private readonly head = Buffer.allocUnsafe(HEAD_BYTES);
  private open = true;
  size = 0;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly sealer: PooledChunkSealer | null,
  ) {}

  static async create(store: EvidenceStore): Promise<BlobWriter> {
    const { path, handle } = await store.tempFile();
    // Sealed in the pool's threads (crypto/seal-pool.ts): the backend answers other requests meanwhile.
    return new BlobWriter(path, handle, store.cipher ? new PooledChunkSealer(store.cipher.file, newHeader()) : null);
  }

  /** Appends `length` bytes of `chunk`; the caller must not reuse the buffer before this resolves. */
  async write(chunk: Uint8Array, length = chunk.length): Promise<void> {
    const bytes = length === chunk.length ? chunk : chunk.subarray(0, length);
    this.hash.update(bytes);
    if (this.size < HEAD_BYTES) Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).copy(this.head, this.size);
    try {
      // The sealed chunks of one piece go in one gathered write: one thread-pool round trip, no copy.
      if (this.sealer) await writeAllPieces(this.handle, await this.sealer.push(bytes));
      else await writeAll(this.handle, bytes);
    } catch (e) {
      throw storageError(e);
    }
    this.size += length;
  }

  async finish(): Promise<ReceivedFile> {
    try {
      if (this.sealer) await writeAllPieces(this.handle, this.sealer.end());
      await this.handle.sync();
      this.open = false;
      await this.handle.close();
    } catch (e) {
      await this.discard();
      throw storageError(e);
    }
    const head = this.head.subarray(0, Math.min(this.size, HEAD_BYTES));
    return { tempPath: this.path, sha256: this.hash.digest('hex'), size: this.size, head };
  }

  async discard(): Promise<void> {
    if (this.open) {
      this.open = false;
      await this.handle.close().catch(() => undefined);
    }
    await rm(this.path, { force: true }).catch(() => undefined);
  }
}

/**
 * 1 MiB reads: large enough that per-call overhead vanishes next to hashing
 * and copying, small enough that several imports stay far below memory limits.
 */
export const READ_BUFFER_BYTES = 1024 * 1024;
// Buffer pairs are reused across files, so a folder of thousands of photos allocates two buffers, not thousands.
const spare: Buffer[][] = [];
/** As many pairs as a bulk import has files in flight (import.ts); 16 MiB at most. */
const MAX_SPARE = 8;

/**
 * Streams one file from disk into a temp file of the store, hashing as it
 * goes. Two buffers alternate, so reading the next chunk overlaps hashing and
 * writing the current one. Read errors are thrown as they are (the caller
 * names the unreadable file); write errors as 'storage'. On any failure or
 * abort the temp file is removed.
 */
export async function ingestPath(store: EvidenceStore, path: string, signal?: AbortSignal): Promise<ReceivedFile> {
  signal?.throwIfAborted();
  const source = await open(path, 'r');
  const buffers = spare.pop() ?? [Buffer.allocUnsafe(READ_BUFFER_BYTES), Buffer.allocUnsafe(READ_BUFFER_BYTES)];
  let writer: BlobWriter | null = null;
  try {
    writer = await BlobWriter.create(store);
    let current = 0;
    let n = (await source.read(buffers[0]!, 0, READ_BUFFER_BYTES, null)).bytesRead;
    while (n > 0) {
      signal?.throwIfAborted();
      const next = current ^ 1;
      // Settled, not Promise.all: neither buffer may go back to the pool while the other call still uses it.
      const [read, wrote] = await Promise.allSettled([
        source.read(buffers[next]!, 0, READ_BUFFER_BYTES, null),
        writer.write(buffers[current]!, n),
      ]);
      if (wrote.status === 'rejected') throw wrote.reason;
      if (read.status === 'rejected') throw read.reason;
      n = read.value.bytesRead;
      current = next;
    }
    signal?.throwIfAborted();
    return await writer.finish();
  } catch (e) {
    await writer?.discard();
    throw e;
  } finally {
    await source.close().catch(() => undefined);
    if (spare.length < MAX_SPARE) spare.push(buffers);
  }
}
