/**
 * The bounded ZIP reader of unzip.ts for files too large to hold in memory
 * (team packages with hundreds of MB of evidence): yauzl reads the directory
 * from disk, one record at a time; each entry is streamed, inflated chunk by
 * chunk and stopped as soon as it yields more than it declares. Nothing is written.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { openPromise, type ZipFile as YauzlZip } from 'yauzl';
import { readFully } from './read-chunk';
import { checkDirectory, YAUZL_OPTIONS, ZipRefused, type ZipEntry, type ZipLimits } from './unzip';

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

/**
 * Opens `path` and reads its directory within `limits`. Throws ZipRefused
 * (detail 'not_zip' when no ZIP at all, 'truncated' when cut short), or the
 * file system's error (ENOENT, EACCES) as it is.
 */
export async function openZipFile(path: string, limits: ZipLimits): Promise<ZipFile> {
  let opened: YauzlZip;
  try {
    opened = await openPromise(path, YAUZL_OPTIONS);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) throw e;
    // No end record: a file that starts like a ZIP was cut short.
    throw new ZipRefused('damaged', (await startsLikeZip(path)) ? 'truncated' : 'not_zip');
  }
  const zip = await checkDirectory(opened, limits);
  let reading = 0;
  async function* chunks(entry: ZipEntry): AsyncGenerator<Buffer> {
    reading++;
    try {
      yield* zip.chunks(entry);
    } finally {
      reading--;
    }
  }
  // Opened on the first chunksInto, beside yauzl's own descriptor; closed with the ZIP file.
  let handle: Promise<FileHandle> | undefined;
  async function* chunksInto(entry: ZipEntry, buffer: Buffer): AsyncGenerator<Buffer> {
    if (entry.method !== STORED || entry.compressed !== entry.unpacked) {
      yield* chunks(entry);
      return;
    }
    reading++;
    try {
      const start = await zip.dataStart(entry); // bounds-checked: the bytes end within the file
      const file = await (handle ??= open(path, 'r'));
      let crc = 0;
      for (let at = 0; at < entry.unpacked;) {
        let got: number;
        try {
          got = (await file.read(buffer, 0, Math.min(buffer.length, entry.unpacked - at), start + at)).bytesRead;
        } catch {
          throw new ZipRefused('damaged');
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
  const closeHandle = async () => {
    const h = handle;
    handle = undefined;
    if (h) await (await h.catch(() => undefined))?.close();
  };
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
      await closeHandle();
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
