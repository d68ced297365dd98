/**
 * The bounded ZIP reader of unzip.ts for files too large to hold in memory
 * (team packages with hundreds of MB of evidence): only the central directory
 * is read whole; each entry is streamed from disk, inflated chunk by chunk and
 * stopped as soon as it yields more than it declares. Nothing is written.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { readFully } from './read-chunk';
import {
  entryChunks,
  findEndOfDirectory,
  INFLATE_CHUNK,
  LOCAL,
  readDirectory,
  ZipRefused,
  type ZipEntry,
  type ZipLimits,
} from './unzip';

/** End record (22) plus the longest comment: where the end record must be. */
const TAIL = 22 + 0xffff;
/** A directory larger than this is not one the limits would let through anyway. */
const MAX_DIRECTORY = 16 * 1024 * 1024;

export interface ZipFile {
  entries: ZipEntry[];
  /** The entry's content in chunks, checked against its declared size and CRC; throws ZipRefused. */
  chunks(entry: ZipEntry): AsyncGenerator<Buffer>;
  /** The whole entry in memory: only for small entries (the caller checks the declared size first). */
  read(entry: ZipEntry): Promise<Buffer>;
  close(): Promise<void>;
}

/** Opens `path` and reads its directory within `limits`. Throws ZipRefused (detail 'not_zip' when no ZIP at all). */
export async function openZipFile(path: string, limits: ZipLimits): Promise<ZipFile> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const tailStart = Math.max(0, size - TAIL);
    const tail = await readFully(handle, tailStart, size - tailStart);
    const eocd = tail.length >= 22 ? findEndOfDirectory(tail) : -1;
    if (eocd < 0) {
      // A file that starts like a ZIP but has no end record was cut short.
      const head = await readFully(handle, 0, 4);
      const zipStart = head.length === 4 && head.readUInt32LE(0) === LOCAL;
      throw new ZipRefused('damaged', zipStart ? 'truncated' : 'not_zip');
    }
    const directoryAt = tail.readUInt32LE(eocd + 16);
    const endAt = tailStart + eocd;
    if (directoryAt > endAt) throw new ZipRefused('damaged', 'truncated');
    if (endAt - directoryAt > MAX_DIRECTORY) throw new ZipRefused('too_large');
    const directory = await readFully(handle, directoryAt, size - directoryAt);
    const entries = readDirectory(directory, limits, directoryAt);
    return zipFile(path, handle, entries, directoryAt);
  } catch (e) {
    await handle.close();
    throw e;
  }
}

function zipFile(path: string, handle: FileHandle, entries: ZipEntry[], directoryAt: number): ZipFile {
  /** Where the entry's compressed bytes start, found through its local header. */
  const dataStart = async (entry: ZipEntry): Promise<number> => {
    const header = await readFully(handle, entry.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new ZipRefused('damaged', 'truncated');
    const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressed > directoryAt) throw new ZipRefused('damaged', 'truncated');
    return start;
  };

  async function* chunks(entry: ZipEntry): AsyncGenerator<Buffer> {
    const start = await dataStart(entry);
    if (entry.compressed === 0) {
      // Nothing to read (createReadStream cannot be given an empty range).
      if (entry.unpacked !== 0 || entry.crc !== 0) throw new ZipRefused('damaged');
      return;
    }
    const source = createReadStream(path, { start, end: start + entry.compressed - 1, highWaterMark: INFLATE_CHUNK });
    yield* entryChunks(source, entry);
  }

  return {
    entries,
    chunks,
    async read(entry) {
      const parts: Buffer[] = [];
      for await (const chunk of chunks(entry)) parts.push(chunk);
      return Buffer.concat(parts);
    },
    close: () => handle.close(),
  };
}
