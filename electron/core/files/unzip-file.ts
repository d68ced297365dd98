/**
 * The bounded ZIP reader of unzip.ts for files too large to hold in memory
 * (team packages with hundreds of MB of evidence): yauzl reads the directory
 * from disk, one record at a time; each entry is streamed, inflated chunk by
 * chunk and stopped as soon as it yields more than it declares. Nothing is written.
 *
 * A sealed file (a package uploaded into an encrypted folder) is read where it lies through a decrypting
 * random-access reader (crypto/sealed-reader.ts) instead of a plain descriptor: every chunk is checked before its
 * bytes reach the ZIP reader, and no plaintext copy exists anywhere. A chunk that fails its check ends the read
 * with SealedChunkRefused, whatever ZIP-level error it would otherwise have surfaced as.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { fromRandomAccessReader, openPromise, RandomAccessReader, type ZipFile as YauzlZip } from 'yauzl';
import type { FileKey } from '../crypto/file-cipher';
import { SealedReader } from '../crypto/sealed-reader';
import { readFully } from './read-chunk';
import { checkDirectory, YAUZL_OPTIONS, ZipRefused, type ZipEntry, type ZipLimits } from './unzip';

/** A ZIP file on disk: a path (a plain file), or a sealed file and the key that opens it. */
export type ZipSource = string | { path: string; key: FileKey };

/** A local file header's signature: how every ZIP file starts. */
const LOCAL = 0x04034b50;
/** Compression method 0: the entry's bytes as they are. */
const STORED = 0;

export interface ZipFile {
  entries: ZipEntry[];
  /** The entry's content in chunks, checked against its declared size and CRC; throws ZipRefused. */
  chunks(entry: ZipEntry): AsyncGenerator<Buffer>;
  /**
   * chunks(), but a stored entry is read into `buffer`, reused: each chunk is
   * a view of it, valid only until the next one is asked for. A fresh buffer a
   * read (what a stream allocates) costs the kernel a page fault per 4 KiB it
   * fills and the garbage collector a pass per few dozen MB: more CPU than
   * checking and hashing the bytes of a team package's evidence. Deflated
   * entries, and stored ones whose two sizes differ, go through chunks().
   */
  chunksInto(entry: ZipEntry, buffer: Buffer): AsyncGenerator<Buffer>;
  /** The whole entry in memory: only for small entries (the caller checks the declared size first). */
  read(entry: ZipEntry): Promise<Buffer>;
  close(): Promise<void>;
}

/** Positioned reads of the ZIP file's bytes: the plain file's own descriptor, or the sealed file's reader. */
interface Positional {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * Opens `source` and reads its directory within `limits`. Throws ZipRefused
 * (detail 'not_zip' when no ZIP at all, 'truncated' when cut short), the
 * file system's error (ENOENT, EACCES) as it is, or (sealed) SealedChunkRefused.
 */
export async function openZipFile(source: ZipSource, limits: ZipLimits): Promise<ZipFile> {
  if (typeof source !== 'string') return openSealedZip(source, limits);
  let opened: YauzlZip;
  try {
    opened = await openPromise(source, YAUZL_OPTIONS);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) throw e;
    // No end record: a file that starts like a ZIP was cut short.
    throw new ZipRefused('damaged', (await startsLikeZip(source)) ? 'truncated' : 'not_zip');
  }
  // Opened on the first chunksInto, beside yauzl's own descriptor; closed with the ZIP file.
  let handle: Promise<FileHandle> | undefined;
  const positional: Positional = {
    read: async (buffer, offset, length, position) =>
      (await (handle ??= open(source, 'r'))).read(buffer, offset, length, position).then((r) => r.bytesRead),
    close: async () => {
      const h = handle;
      handle = undefined;
      if (h) await (await h.catch(() => undefined))?.close();
    },
  };
  return readZip(opened, limits, positional, null);
}

/** yauzl's view of a sealed file: its plaintext, decrypted and checked chunk by chunk as yauzl seeks. */
class SealedZipReader extends RandomAccessReader {
  constructor(private readonly sealed: SealedReader) {
    super();
  }

  // @types/yauzl declares void; yauzl pipes what this answers.
  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from(this.sealed.range(start, end), { objectMode: false });
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: ReadCallback): void {
    this.sealed.readInto(buffer, offset, length, position).then(
      (n) => (callback as (err: Error | null, n: number) => void)(null, n),
      (e: Error) => callback(e),
    );
  }

  override close(callback: (err: Error | null) => void): void {
    this.sealed.close().then(
      () => callback(null),
      (e: Error) => callback(e),
    );
  }
}
type ReadCallback = (err: Error | null) => void;

async function openSealedZip(source: { path: string; key: FileKey }, limits: ZipLimits): Promise<ZipFile> {
  const sealed = await SealedReader.open(source.path, source.key);
  let opened: YauzlZip;
  try {
    opened = await new Promise<YauzlZip>((resolve, reject) =>
      fromRandomAccessReader(new SealedZipReader(sealed), sealed.size, YAUZL_OPTIONS, (err, zip) =>
        err ? reject(err) : resolve(zip),
      ),
    );
  } catch (e) {
    const head = sealed.failure ? null : await readHead(sealed).catch(() => null);
    await sealed.close().catch(() => undefined);
    if (sealed.failure) throw sealed.failure;
    if ((e as NodeJS.ErrnoException).code) throw e;
    throw new ZipRefused('damaged', head?.length === 4 && head.readUInt32LE(0) === LOCAL ? 'truncated' : 'not_zip');
  }
  // yauzl closes the reader (and the sealed file) when the ZIP file is closed and no entry stream is open.
  const positional: Positional = {
    read: (buffer, offset, length, position) => sealed.readInto(buffer, offset, length, position),
    close: () => Promise.resolve(),
  };
  return readZip(opened, limits, positional, sealed);
}

async function readHead(sealed: SealedReader): Promise<Buffer> {
  const head = Buffer.alloc(4);
  return head.subarray(0, await sealed.readInto(head, 0, 4, 0));
}

/** The ZipFile over a file yauzl opened; a sealed file's integrity failure is what every refusal then says. */
async function readZip(
  opened: YauzlZip,
  limits: ZipLimits,
  positional: Positional,
  sealed: SealedReader | null,
): Promise<ZipFile> {
  const why = (e: unknown): unknown => sealed?.failure ?? e;
  let zip: Awaited<ReturnType<typeof checkDirectory>>;
  try {
    zip = await checkDirectory(opened, limits);
  } catch (e) {
    throw why(e);
  }
  let reading = 0;
  async function* chunks(entry: ZipEntry): AsyncGenerator<Buffer> {
    reading++;
    try {
      yield* zip.chunks(entry);
    } catch (e) {
      throw why(e);
    } finally {
      reading--;
    }
  }
  async function* chunksInto(entry: ZipEntry, buffer: Buffer): AsyncGenerator<Buffer> {
    if (entry.method !== STORED || entry.compressed !== entry.unpacked) {
      yield* chunks(entry);
      return;
    }
    reading++;
    try {
      let start: number;
      try {
        start = await zip.dataStart(entry); // bounds-checked: the bytes end within the file
      } catch (e) {
        throw why(e);
      }
      let crc = 0;
      for (let at = 0; at < entry.unpacked;) {
        let got: number;
        try {
          got = await positional.read(buffer, 0, Math.min(buffer.length, entry.unpacked - at), start + at);
        } catch {
          throw why(new ZipRefused('damaged'));
        }
        if (got === 0) throw new ZipRefused('damaged'); // the file shrank since its directory was read
        const chunk = buffer.subarray(0, got);
        crc = crc32(chunk, crc);
        at += got;
        yield chunk;
      }
      if (crc !== entry.crc) throw new ZipRefused('damaged');
    } finally {
      reading--;
    }
  }
  return {
    entries: zip.entries,
    chunks,
    chunksInto,
    async read(entry) {
      const parts: Buffer[] = [];
      for await (const chunk of chunks(entry)) parts.push(chunk);
      return Buffer.concat(parts);
    },
    close: async () => {
      await positional.close();
      await closeYauzl();
    },
  };

  function closeYauzl(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      // yauzl closes the file once no entry is being read: then wait for it, so the file can be removed next
      // (Windows refuses to delete an open file); otherwise it closes when the last reading ends.
      if (reading > 0 || !opened.isOpen) {
        zip.close();
        return resolve();
      }
      opened.once('close', () => resolve());
      opened.once('error', reject);
      zip.close();
    });
  }
}

async function startsLikeZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = await readFully(handle, 0, 4);
    return head.length === 4 && head.readUInt32LE(0) === LOCAL;
  } finally {
    await handle.close();
  }
}
