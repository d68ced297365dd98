import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpOutput, OpParsed } from '#shared/api/contract';
import { DomainError, type ErrorCode } from '#shared/api/result';
import { EVIDENCE_MAX_BYTES } from '#shared/domain/evidence';
import type { PathImportStatus } from '#shared/domain/evidence-paths';
import { GATHER_MS, IMPORT_CONCURRENCY, PlaceBatches } from './import';
import { BlobWriter, READ_BUFFER_BYTES, type ReceivedFile } from './ingest';
import { emptyFileError, safeName, type SafeName } from './names';
import { BATCH_ROWS, RowBatches } from './row-batches';
import { evidenceService, type AddRequest, type EvidenceService } from './service';
import type { RepoContext } from '../repos/context';

type Output = OpOutput<'evidence.importPaths'>;
type Item = Output['results'][number];

/** Open for reading without waiting: a FIFO swapped in after the check must not hang the backend (O_NONBLOCK; 0 on Windows). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

const REASONS: Record<string, string> = {
  EACCES: 'you may not read it',
  EPERM: 'you may not read it',
  ENOENT: 'it no longer exists (or is a broken link)',
  ENOTDIR: 'it no longer exists',
  ELOOP: 'it is a link that leads in a circle',
  EIO: 'the disk reported a read error',
  EISDIR: 'it is a folder',
};

/** A file's refusal, in words that name it. */
const refuse = (code: ErrorCode, message: string): Item => ({ ok: false, error: { code, message } });

/** Why a file system call failed, for the person who chose the file; anything else is ours and says nothing of it. */
function unreadable(name: string, e: unknown): Item {
  if (e instanceof DomainError) return refuse(e.code, e.message);
  const { code, syscall } = e as NodeJS.ErrnoException;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return refuse('conflict', `“${name}” conflicts with existing records and was not added.`);
  }
  if (!code || !syscall) {
    process.stderr.write(`fieldwork: internal error in a path import (${e instanceof Error ? e.name : typeof e})\n`);
    return refuse('internal', `“${name}” could not be imported (unexpected error); nothing was added for it.`);
  }
  return refuse('invalid_input', `“${name}” cannot be read: ${REASONS[code] ?? code}. Nothing was added for it.`);
}

/** What a file must be to be imported: a regular file (a link is followed to one), neither empty nor too large. */
function checkKind(name: string, st: Stats): Item | null {
  if (st.isDirectory()) return refuse('invalid_input', `“${name}” is a folder; choose the files inside it.`);
  if (!st.isFile()) {
    return refuse('invalid_input', `“${name}” is not a regular file (a pipe, socket or device); nothing was added.`);
  }
  if (st.size === 0) return refuse('invalid_input', emptyFileError(name).message);
  if (st.size > EVIDENCE_MAX_BYTES) {
    return refuse('too_large', `“${name}” is larger than 64 GiB, the largest file Fieldwork keeps; nothing was added.`);
  }
  return null;
}

const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';

interface Running {
  controller: AbortController;
  status: NonNullable<PathImportStatus>;
}

/** A file accepted by the checks, to be read. */
interface Accepted {
  index: number;
  path: string;
  name: SafeName;
  size: number;
}

/**
 * Imports of files named by their paths (`evidence.importPaths`, sent only by
 * the desktop app's main process): each file checked first (a link is followed
 * only to a regular file; folders, pipes, devices, empty and oversized files
 * are refused by name and never opened), then streamed through the same
 * BlobWriter as an upload (hashed, sealed in an encrypted folder, fsynced once)
 * a few at a time, placed and described in groups and its row written in
 * batches (one claim transaction, one folder fsync and one log fsync per
 * batch). A file is added whole or not at all; Cancel stops reading, and the
 * files already read are still added.
 */
export class PathImports {
  private readonly running = new Map<string, Running>();

  constructor(private readonly service: EvidenceService) {}

  status(importId: string): PathImportStatus {
    const found = this.running.get(importId);
    return found ? { ...found.status } : null;
  }

  /** Cancelling an import that already ended (or never began) is not an error: there is nothing left to stop. */
  cancel(importId: string): Record<string, never> {
    this.running.get(importId)?.controller.abort();
    return {};
  }

  async run(input: OpParsed<'evidence.importPaths'>): Promise<Output> {
    if (this.running.has(input.importId)) {
      throw new DomainError('conflict', 'An import with this id is already running; wait for it or cancel it.');
    }
    this.service.checkAudit(input.auditId, input.links);
    const controller = new AbortController();
    const status = { filesDone: 0, filesTotal: input.paths.length, bytesDone: 0, bytesTotal: 0 };
    this.running.set(input.importId, { controller, status });
    try {
      return await this.importAll(input, controller.signal, status);
    } finally {
      this.running.delete(input.importId);
      // Files of adds that failed after placing them: collected as after any operation.
      this.service.collect();
    }
  }

  private async importAll(
    input: OpParsed<'evidence.importPaths'>,
    signal: AbortSignal,
    status: Running['status'],
  ): Promise<Output> {
    const results = new Array<Item>(input.paths.length);
    const accepted: Accepted[] = [];
    for (const [index, path] of input.paths.entries()) {
      const name = safeName(basename(path));
      let st: Stats;
      try {
        st = await stat(path); // follows links: a link to a folder or a pipe is refused as what it leads to
      } catch (e) {
        results[index] = unreadable(name.name, e);
        continue;
      }
      const refused = checkKind(name.name, st);
      if (refused) results[index] = refused;
      else accepted.push({ index, path, name, size: st.size });
    }
    status.filesDone = input.paths.length - accepted.length;
    status.bytesTotal = accepted.reduce((n, f) => n + f.size, 0);

    const rows = new RowBatches(this.service, { rows: BATCH_ROWS, ms: GATHER_MS });
    const placer = new PlaceBatches(this.service, rows);
    const written: Promise<void>[] = [];
    let stopped: DomainError | null = null;
    const settle = (file: Accepted, item: Item) => {
      results[file.index] = item;
      status.filesDone++;
    };

    const addOne = async (file: Accepted, buffers: Buffer[]): Promise<void> => {
      const received = await readInto(this.service, file, buffers, signal, (n) => (status.bytesDone += n));
      const request: AddRequest = {
        auditId: input.auditId,
        file: received,
        name: file.name.name,
        hint: '',
        links: input.links,
        description: input.description,
        addedBy: input.addedBy,
      };
      // Placed and written with others; the worker goes on reading the next file meanwhile.
      written.push(
        placer.submit(request).then(async (prepared) => {
          if (prepared instanceof Error) return settle(file, unreadable(file.name.name, prepared));
          const outcome = await rows.submit([prepared])[0]!;
          this.service.release(prepared);
          settle(
            file,
            outcome instanceof Error
              ? unreadable(file.name.name, outcome)
              : { ok: true, value: { ...outcome, renamed: file.name.renamed } },
          );
        }),
      );
    };

    let next = 0;
    const worker = async () => {
      // Two buffers a worker, reused for its files: reading the next piece overlaps writing this one.
      const buffers = [Buffer.allocUnsafe(READ_BUFFER_BYTES), Buffer.allocUnsafe(READ_BUFFER_BYTES)];
      for (let k = next++; k < accepted.length; k = next++) {
        const file = accepted[k]!;
        if (signal.aborted || stopped) {
          settle(file, notRead(file, stopped));
          continue;
        }
        try {
          await addOne(file, buffers);
        } catch (e) {
          if (isAbort(e)) settle(file, notRead(file, null));
          else {
            // A full or read-only store fails every further file the same way: they are not tried.
            if (e instanceof DomainError && e.code === 'storage') stopped ??= e;
            settle(file, unreadable(file.name.name, e));
          }
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(IMPORT_CONCURRENCY, accepted.length) }, worker));
      await placer.settled();
      rows.end();
      await rows.settled();
      await Promise.all(written);
    } finally {
      rows.end();
    }
    return { results };
  }
}

function notRead(file: Accepted, stopped: DomainError | null): Item {
  return stopped
    ? refuse(stopped.code, `“${file.name.name}” was not imported: ${stopped.message}`)
    : refuse('cancelled', `“${file.name.name}” was not imported: the import was cancelled.`);
}

/**
 * Streams one file into a temp file of the store through BlobWriter (hashed,
 * sealed in an encrypted folder, fsynced by finish). The file is opened
 * without waiting and checked again on its handle: what is read is the regular
 * file that was checked, even if the path was changed in between. On any
 * failure or abort the temp file is removed.
 */
async function readInto(
  service: EvidenceService,
  file: Accepted,
  buffers: Buffer[],
  signal: AbortSignal,
  onBytes: (n: number) => void,
): Promise<ReceivedFile> {
  signal.throwIfAborted();
  const source: FileHandle = await open(file.path, OPEN_FLAGS);
  let writer: BlobWriter | null = null;
  try {
    const st = await source.stat();
    const refused = checkKind(file.name.name, st);
    if (refused && !refused.ok) throw new DomainError(refused.error.code, refused.error.message);
    writer = await BlobWriter.create(service.store);
    let current = 0;
    let n = (await source.read(buffers[0]!, 0, READ_BUFFER_BYTES, null)).bytesRead;
    while (n > 0) {
      signal.throwIfAborted();
      if (writer.size + n > EVIDENCE_MAX_BYTES) {
        throw new DomainError(
          'too_large',
          `“${file.name.name}” grew past 64 GiB while it was read; nothing was added.`,
        );
      }
      const other = current ^ 1;
      // Settled, not Promise.all: neither buffer may be reused while the other call still holds it.
      const [read, wrote] = await Promise.allSettled([
        source.read(buffers[other]!, 0, READ_BUFFER_BYTES, null),
        writer.write(buffers[current]!, n),
      ]);
      if (wrote.status === 'rejected') throw wrote.reason;
      if (read.status === 'rejected') throw read.reason;
      onBytes(n);
      n = read.value.bytesRead;
      current = other;
    }
    signal.throwIfAborted();
    return await writer.finish();
  } catch (e) {
    await writer?.discard();
    throw e;
  } finally {
    await source.close().catch(() => undefined);
  }
}

const imports = new WeakMap<EvidenceService, PathImports>();

/** The one set of running path imports of a backend (its evidence service). */
export function pathImports(ctx: RepoContext): PathImports {
  const service = evidenceService(ctx);
  let found = imports.get(service);
  if (!found) {
    found = new PathImports(service);
    imports.set(service, found);
  }
  return found;
}
