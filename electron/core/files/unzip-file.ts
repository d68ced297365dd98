/**
 * The bounded ZIP reader of unzip.ts for files too large to hold in memory
 * (team packages with hundreds of MB of evidence): yauzl reads the directory
 * from disk, one record at a time; each entry is streamed, inflated chunk by
 * chunk and stopped as soon as it yields more than it declares. Nothing is written.
 */
import { open } from 'node:fs/promises';
import { openPromise, type ZipFile as YauzlZip } from 'yauzl';
import { readFully } from './read-chunk';
import { checkDirectory, YAUZL_OPTIONS, ZipRefused, type ZipEntry, type ZipLimits } from './unzip';

/** A local file header's signature: how every ZIP file starts. */
const LOCAL = 0x04034b50;

export interface ZipFile {
  entries: ZipEntry[];
  /** The entry's content in chunks, checked against its declared size and CRC; throws ZipRefused. */
  chunks(entry: ZipEntry): AsyncGenerator<Buffer>;
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
  return {
    entries: zip.entries,
    chunks,
    async read(entry) {
      const parts: Buffer[] = [];
      for await (const chunk of chunks(entry)) parts.push(chunk);
      return Buffer.concat(parts);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // yauzl closes the file once no entry is being read: then wait for it, so the file can be removed next
        // (Windows refuses to delete an open file); otherwise it closes when the last reading ends.
        if (reading > 0 || !opened.isOpen) {
          zip.close();
          return resolve();
        }
        opened.once('close', () => resolve());
        opened.once('error', reject);
        zip.close();
      }),
  };
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
