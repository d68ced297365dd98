import { open, rm, type FileHandle } from 'node:fs/promises';
import { DomainError } from '#shared/api/result';
import { ChunkSealer, type FileKey } from '../crypto/file-cipher';
import { writeAllPieces } from '../crypto/file-cipher-io';

/** A complete sink's file as its readers open it: a plain file's path, or a sealed file's path and key. */
export type SinkFile = string | { path: string; key: FileKey };

/**
 * An upload into a private file that outlives the upload (a team package waiting for preview and import).
 * With a key (an encrypted data folder) the file is sealed as the bytes arrive and stays sealed: its readers
 * decrypt it where it lies, chunk by chunk (crypto/sealed-reader.ts), so no plaintext of it is ever written,
 * in the data folder or anywhere else.
 */
export class FileSink {
  private handle: FileHandle | null;

  private constructor(
    readonly path: string,
    handle: FileHandle,
    private readonly sealing: { key: FileKey; sealer: ChunkSealer } | null,
  ) {
    this.handle = handle;
  }

  static async create(path: string, seal?: { key: FileKey } | null): Promise<FileSink> {
    const handle = await open(path, 'wx', 0o600);
    return new FileSink(path, handle, seal ? { key: seal.key, sealer: new ChunkSealer(seal.key) } : null);
  }

  async write(bytes: Uint8Array): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new DomainError('conflict', 'This file is complete; nothing more can be added.');
    try {
      if (this.sealing) await writeAllPieces(handle, this.sealing.sealer.push(bytes));
      else for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done)).bytesWritten;
    } catch (e) {
      throw storageError(e);
    }
  }

  /** The complete file, closed (sealed in an encrypted folder: see file). */
  async close(): Promise<string> {
    const handle = this.handle;
    this.handle = null;
    if (handle && this.sealing) {
      try {
        await writeAllPieces(handle, this.sealing.sealer.end());
      } catch (e) {
        await handle.close().catch(() => undefined);
        throw storageError(e);
      }
    }
    await handle?.close();
    return this.path;
  }

  /** The complete file, closed, as its readers open it: its path, or (sealed) its path and the key to read it. */
  async file(): Promise<SinkFile> {
    const path = await this.close();
    return this.sealing ? { path, key: this.sealing.key } : path;
  }

  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}

const storageError = (e: unknown) =>
  new DomainError(
    'storage',
    `The file could not be stored in the data folder (${String((e as NodeJS.ErrnoException).code ?? 'error')}).`,
  );
