import { Readable } from 'node:stream';
import { DomainError } from '#shared/api/result';
import { CHUNK_BYTES, type FileKey } from './file-cipher';
import { SealedFile } from './file-cipher-io';

/**
 * Random access to a sealed file's plaintext (file-cipher.ts's format), for readers that seek — the ZIP reader
 * of a team package uploaded into an encrypted folder reads its directory at the end, each entry's local header,
 * then the entry — so the package is read where it lies, sealed, and no plaintext copy is ever written.
 *
 * Every chunk is authenticated before any of its bytes is answered (SealedFile.chunks). The chunks of the last
 * read are kept (at most `MAX_WINDOW_CHUNKS`, already checked) so the many small reads of a ZIP directory, and a
 * 1 MiB read that starts inside the chunk the previous one ended in, decrypt each chunk once rather than once a read.
 */

/** At most this many chunks are decrypted by one read (2 MiB), and held for the next. */
const MAX_WINDOW_CHUNKS = 32;

/** A chunk failed its check: the sealed file was changed (or cut) after it was written. */
export class SealedChunkRefused extends Error {
  constructor(readonly damage: DomainError) {
    super('A sealed chunk failed its integrity check');
  }
}

interface Window {
  /** Plaintext offset of the window's first byte (a chunk boundary). */
  start: number;
  plain: Buffer;
}

/**
 * Observes the reader's steps (tests: what is on disk while a package is being read). Called after each run of
 * chunks is decrypted and checked, before its bytes are handed on.
 */
export const sealedReaderProbe: { afterChunks: ((path: string, first: number, last: number) => void) | null } = {
  afterChunks: null,
};

export class SealedReader {
  private window: Window | null = null;
  /** The first integrity failure: every later read fails the same way (callers may have wrapped the first). */
  failure: SealedChunkRefused | null = null;

  private constructor(
    readonly path: string,
    private readonly file: SealedFile,
  ) {}

  /** Opens `path`; throws SealedChunkRefused if its length or header is not a sealed file's, or ENOENT as it is. */
  static async open(path: string, key: FileKey): Promise<SealedReader> {
    let file: SealedFile;
    try {
      file = await SealedFile.open(path, key);
    } catch (e) {
      throw e instanceof DomainError ? new SealedChunkRefused(e) : e;
    }
    return new SealedReader(path, file);
  }

  /** The plaintext's length. */
  get size(): number {
    return this.file.plainSize;
  }

  /**
   * Copies up to `length` plaintext bytes at `position` into `buffer` at `offset`; answers how many (fewer only at
   * the end). Safe to call while another read is pending: each copies from the window it loaded.
   */
  async readInto(buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
    const end = Math.min(this.size, position + length);
    let at = position;
    while (at < end) {
      let w = this.window;
      if (!w || at < w.start || at >= w.start + w.plain.length) w = await this.load(at, end);
      const from = at - w.start;
      const n = Math.min(end - at, w.plain.length - from);
      w.plain.copy(buffer, offset + (at - position), from, from + n);
      at += n;
    }
    return end > position ? end - position : 0;
  }

  /** The plaintext of [start, end) in pieces of up to MAX_WINDOW_CHUNKS chunks: for streams (ZIP entries). */
  async *range(start: number, end: number): AsyncGenerator<Buffer> {
    const stop = Math.min(end, this.size);
    for (let at = start; at < stop;) {
      let w = this.window;
      if (!w || at < w.start || at >= w.start + w.plain.length) w = await this.load(at, stop);
      const from = at - w.start;
      const n = Math.min(stop - at, w.plain.length - from);
      // A copy: the window is shared with later reads, and a stream's consumer may hold a chunk.
      yield Buffer.from(w.plain.subarray(from, from + n));
      at += n;
    }
  }

  /** Decrypts and checks the chunks that hold [at, end), at most MAX_WINDOW_CHUNKS of them, as the new window. */
  private async load(at: number, end: number): Promise<Window> {
    if (this.failure) throw this.failure;
    const first = Math.floor(at / CHUNK_BYTES);
    const last = Math.min(Math.floor((end - 1) / CHUNK_BYTES), first + MAX_WINDOW_CHUNKS - 1);
    let plain: Buffer;
    try {
      plain = await this.file.chunks(first, last);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      this.failure = new SealedChunkRefused(e);
      throw this.failure;
    }
    sealedReaderProbe.afterChunks?.(this.path, first, last);
    const w = { start: first * CHUNK_BYTES, plain };
    this.window = w;
    return w;
  }

  close(): Promise<void> {
    this.window = null;
    return this.file.close();
  }
}

/** A sealed file's whole plaintext as a stream (opened lazily, closed at its end), read through a SealedReader. */
export function sealedReaderStream(path: string, key: FileKey): Readable {
  return Readable.from(
    (async function* () {
      const reader = await SealedReader.open(path, key);
      try {
        yield* reader.range(0, reader.size);
      } finally {
        await reader.close();
      }
    })(),
    { objectMode: false },
  );
}
