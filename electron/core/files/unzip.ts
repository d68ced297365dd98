/**
 * Unpacks ZIP files (DOCX, XLSX, team packages) with limits on the work
 * actually done. yauzl reads the structure — end record, ZIP64, central
 * directory, local headers, bounds; this file decides what is let through:
 * the entry count and the sum of the declared sizes are checked against the
 * caller's limits before anything is inflated, and each entry is inflated
 * chunk by chunk and stopped as soon as it yields more than it declares (a
 * zip bomb states a small size and unpacks to gigabytes), then its CRC and
 * size are checked (yauzl checks neither CRC nor, as used here, sizes).
 */
import type { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { fromBufferPromise, getFileNameLowLevel, type Entry, type Options, type ZipFile } from 'yauzl';

export interface ZipLimits {
  /** Total uncompressed bytes. */
  unpackedBytes: number;
  entries: number;
  /** Bytes of directory records held at once (default 16 MiB, far above what an Office file or a package holds). */
  directoryBytes?: number;
}

/**
 * `damaged`: not a readable ZIP file (truncated, bad CRC, encrypted, unknown
 * compression, duplicate names). `too_large`: declares more than the limits.
 * `understated`: an entry inflates past its declared size, as zip bombs do.
 */
export type ZipProblem = 'damaged' | 'too_large' | 'understated';

export class ZipRefused extends Error {
  /** `detail` says which kind of damage, for callers that name it (e.g. 'duplicate_name', 'truncated'). */
  constructor(
    readonly problem: ZipProblem,
    readonly detail?: string,
  ) {
    super(`ZIP file refused: ${problem}`);
  }
}

/** Bytes produced by inflating, over the process's lifetime: what tests use to see the work was bounded. */
export const unzipWork = { inflatedBytes: 0 };

const STORED = 0;
const DEFLATED = 8;
/** Output slice of one inflate step: the most an entry can overrun its declared size by before it is stopped. */
export const INFLATE_CHUNK = 64 * 1024;
/** Bytes of directory records held at once unless the caller says otherwise (ZipLimits.directoryBytes). */
const MAX_DIRECTORY = 16 * 1024 * 1024;
/** Bytes read from the file at a time: yauzl's streams default to 16 KiB, thousands of reads for a team package's evidence. */
const READ_CHUNK = 1024 * 1024;

/**
 * yauzl's own size check and name handling are off: sizes are checked here
 * (to tell a bomb from damage), and names reach the callers undecorated —
 * backslashes kept, nothing refused — so a team package can say which unsafe
 * name it holds (packages/entry-names.ts). Entries are read one at a time.
 */
export const YAUZL_OPTIONS: Options = {
  autoClose: false,
  lazyEntries: true,
  decodeStrings: false,
  validateEntrySizes: false,
};

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only two accepted. */
  method: number;
  crc: number;
  compressed: number;
  unpacked: number;
  /** The Unix mode is the top 16 bits when written on Unix (other hosts leave them zero). */
  externalAttributes: number;
}

/** A ZIP file whose directory was read within the limits. */
export interface CheckedZip {
  entries: ZipEntry[];
  /** The entry's content in chunks, checked against its declared size and CRC; throws ZipRefused. */
  chunks(entry: ZipEntry): AsyncGenerator<Buffer>;
  /**
   * Where a stored entry's bytes start in the file (its local header read and
   * bounds-checked by yauzl), for a caller that reads them itself; throws
   * ZipRefused('damaged', 'truncated') as chunks() does.
   */
  dataStart(entry: ZipEntry): Promise<number>;
  close(): void;
}

/** Entry name → bytes, folders left out. Throws ZipRefused. */
export async function unzipBounded(bytes: Buffer, limits: ZipLimits): Promise<Map<string, Buffer>> {
  let opened: ZipFile;
  try {
    opened = await fromBufferPromise(bytes, YAUZL_OPTIONS);
  } catch {
    throw new ZipRefused('damaged', 'no_directory');
  }
  const zip = await checkDirectory(opened, limits);
  try {
    const out = new Map<string, Buffer>();
    for (const entry of zip.entries) {
      const parts: Buffer[] = [];
      for await (const chunk of zip.chunks(entry)) parts.push(chunk);
      if (!entry.name.endsWith('/')) out.set(entry.name, Buffer.concat(parts));
    }
    return out;
  } finally {
    zip.close();
  }
}

/** Reads the directory of a ZIP file yauzl opened (with YAUZL_OPTIONS), refusing it whole if it exceeds the limits. */
export async function checkDirectory(zip: ZipFile, limits: ZipLimits): Promise<CheckedZip> {
  const sources = new Map<ZipEntry, Entry>();
  try {
    if (zip.entryCount > limits.entries) throw new ZipRefused('too_large');
    const names = new Set<string>();
    let declared = 0;
    let directory = 0;
    for await (const source of directoryEntries(zip)) {
      directory += 46 + source.fileNameLength + source.extraFieldLength + source.fileCommentLength;
      if (directory > (limits.directoryBytes ?? MAX_DIRECTORY)) throw new ZipRefused('too_large');
      const entry: ZipEntry = {
        name: getFileNameLowLevel(source.generalPurposeBitFlag, source.fileNameRaw, source.extraFields, true),
        method: source.compressionMethod,
        crc: source.crc32,
        compressed: source.compressedSize,
        unpacked: source.uncompressedSize,
        externalAttributes: source.externalFileAttributes,
      };
      // Encrypted entries and compression methods other than stored/deflate are not what Office writes.
      if (source.isEncrypted() || (entry.method !== STORED && entry.method !== DEFLATED)) {
        throw new ZipRefused('damaged');
      }
      // Two entries of one name: readers would disagree on which one is the part.
      if (names.has(entry.name)) throw new ZipRefused('damaged', 'duplicate_name');
      names.add(entry.name);
      declared += entry.unpacked;
      if (declared > limits.unpackedBytes) throw new ZipRefused('too_large');
      sources.set(entry, source);
    }
  } catch (e) {
    zip.close();
    throw e;
  }

  async function* chunks(entry: ZipEntry): AsyncGenerator<Buffer> {
    const source = sources.get(entry);
    if (!source) throw new Error('Not an entry of this ZIP file');
    let stored: Readable;
    try {
      // The bytes as stored: inflated below, where each step's output is counted.
      stored = await zip.openReadStreamPromise(source, { decodeFileData: false });
      // yauzl takes no stream options: the read size is set on the stream it made, before its first read.
      (stored as unknown as { _readableState: { highWaterMark: number } })._readableState.highWaterMark = READ_CHUNK;
    } catch {
      // A missing local header or data past the end of the file: it was cut short.
      throw new ZipRefused('damaged', 'truncated');
    }
    yield* entryChunks(stored, entry);
  }
  const dataStart = (entry: ZipEntry): Promise<number> => {
    const source = sources.get(entry);
    if (!source) throw new Error('Not an entry of this ZIP file');
    return new Promise((resolve, reject) =>
      zip.readLocalFileHeader(source, { minimal: true }, (err, header) =>
        err ? reject(new ZipRefused('damaged', 'truncated')) : resolve(header.fileDataStart),
      ),
    );
  };
  return { entries: [...sources.keys()], chunks, dataStart, close: () => zip.close() };
}

/** The central directory's records, one at a time; a directory yauzl cannot read was cut short or damaged. */
async function* directoryEntries(zip: ZipFile): AsyncGenerator<Entry> {
  const iterator = zip.eachEntry();
  for (;;) {
    let next: IteratorResult<Entry>;
    try {
      next = await iterator.next();
    } catch {
      throw new ZipRefused('damaged', 'truncated');
    }
    if (next.done) return;
    yield next.value;
  }
}

/**
 * An entry's content from its compressed bytes, chunk by chunk: stopped at the
 * first chunk that takes it past the declared size (zip bombs), then checked
 * for size and CRC.
 */
async function* entryChunks(compressed: Readable, entry: ZipEntry): AsyncGenerator<Buffer> {
  const inflate = entry.method === STORED ? null : createInflateRaw({ chunkSize: INFLATE_CHUNK });
  if (inflate) {
    compressed.on('error', (e) => inflate.destroy(e));
    compressed.pipe(inflate);
  }
  let produced = 0;
  let crc = 0;
  try {
    for await (const chunk of (inflate ?? compressed) as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (inflate) unzipWork.inflatedBytes += chunk.length;
      if (produced > entry.unpacked) throw new ZipRefused('understated');
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (e) {
    throw e instanceof ZipRefused ? e : new ZipRefused('damaged');
  } finally {
    compressed.unpipe();
    compressed.destroy();
    inflate?.destroy();
  }
  if (produced !== entry.unpacked || crc !== entry.crc) throw new ZipRefused('damaged');
}
