import { open, rm, type FileHandle } from 'node:fs/promises';
import { DomainError } from '#shared/api/result';

/** An upload into a private file that outlives the upload (a team package waiting for preview and import). */
export class FileSink {
  private handle: FileHandle | null;

  private constructor(
    readonly path: string,
    handle: FileHandle,
  ) {
    this.handle = handle;
  }

  static async create(path: string): Promise<FileSink> {
    return new FileSink(path, await open(path, 'wx', 0o600));
  }

  async write(bytes: Uint8Array): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new DomainError('conflict', 'This file is complete; nothing more can be added.');
    try {
      for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done)).bytesWritten;
    } catch (e) {
      throw new DomainError(
        'storage',
        `The file could not be stored in the data folder (${String((e as NodeJS.ErrnoException).code ?? 'error')}).`,
      );
    }
  }

  /** The complete file, closed, for readers of its path. */
  async close(): Promise<string> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
    return this.path;
  }

  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}
