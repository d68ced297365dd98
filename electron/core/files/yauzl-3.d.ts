/**
 * What yauzl 3 adds to the API @types/yauzl (written for 2.10) describes: the
 * Promise forms, the async entry iterator, the raw file name and the raw read.
 */
import type { Readable } from 'node:stream';
import 'yauzl';

declare module 'yauzl' {
  function fromBufferPromise(buffer: Buffer, options?: Options): Promise<ZipFile>;
  function openPromise(path: string, options?: Options): Promise<ZipFile>;
  /** Decodes a name as UTF-8 (flag bit 11) or CP437; `strictFileNames` keeps backslashes as they are. */
  function getFileNameLowLevel(
    generalPurposeBitFlag: number,
    fileNameRaw: Buffer,
    extraFields: Entry['extraFields'],
    strictFileNames: boolean,
  ): string;
  interface Entry {
    fileNameRaw: Buffer;
  }
  interface ZipFile {
    eachEntry(): AsyncIterableIterator<Entry>;
    /** `decodeFileData: false`: the entry's bytes exactly as stored (still compressed). */
    openReadStreamPromise(entry: Entry, options?: { decodeFileData?: boolean }): Promise<Readable>;
    /** The local header; `minimal`: only where the entry's bytes start (checked to end within the file). */
    readLocalFileHeader(
      entry: Entry,
      options: { minimal: true },
      callback: (err: Error | null, header: { fileDataStart: number }) => void,
    ): void;
  }
}
