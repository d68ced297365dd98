import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '#shared/api/result';
import { ChunkSealer, type FileKey } from '../crypto/file-cipher';
import { sealedReadStream, writeAllPieces } from '../crypto/file-cipher-io';

/** Where a sealed upload's plaintext copy may go while a reader needs a path (outside the data folder). */
export interface PlainCopies {
  /** A private folder of this process's own, made on first use. */
  dir(): Promise<string>;
}

/**
 * An upload into a private file that outlives the upload (a team package waiting for preview and import).
 * With a key (an encrypted data folder) the file is sealed as the bytes arrive, so the data folder never holds
 * the package's plaintext; readers that need a path to a plain ZIP get a copy outside the data folder
 * (`plainPath`), removed with the upload.
 */
export class FileSink {
  private handle: FileHandle | null;
  private plain: Promise<string> | null = null;

  private constructor(
    readonly path: string,
    handle: FileHandle,
    private readonly sealing: { key: FileKey; sealer: ChunkSealer; copies: PlainCopies } | null,
  ) {
    this.handle = handle;
  }

  static async create(path: string, seal?: { key: FileKey; copies: PlainCopies } | null): Promise<FileSink> {
    const handle = await open(path, 'wx', 0o600);
    return new FileSink(path, handle, seal ? { ...seal, sealer: new ChunkSealer(seal.key) } : null);
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

  /** The complete file, closed, for readers of its path (sealed in an encrypted folder: see plainPath). */
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

  /**
   * The complete file as a plain file's path: the file itself, or (sealed) one plaintext copy outside the data
   * folder, made on first use and removed by discard (import, abort, expiry, shutdown; a crash: the next start).
   */
  async plainPath(): Promise<string> {
    const path = await this.close();
    const sealing = this.sealing;
    if (!sealing) return path;
    this.plain ??= (async () => {
      const copy = join(await sealing.copies.dir(), `${randomUUID()}.fwpkg`);
      try {
        await pipeline(sealedReadStream(path, sealing.key), createWriteStream(copy, { flags: 'wx', mode: 0o600 }));
      } catch (e) {
        await rm(copy, { force: true });
        throw e instanceof DomainError ? e : storageError(e);
      }
      return copy;
    })();
    try {
      return await this.plain;
    } catch (e) {
      this.plain = null;
      throw e;
    }
  }

  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    await rm(this.path, { force: true });
    const plain = this.plain;
    this.plain = null;
    const copy = plain && (await plain.catch(() => null));
    if (copy) await rm(copy, { force: true }).catch(() => undefined);
  }
}

const storageError = (e: unknown) =>
  new DomainError(
    'storage',
    `The file could not be stored in the data folder (${String((e as NodeJS.ErrnoException).code ?? 'error')}).`,
  );
