import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DomainError } from '#shared/api/result';
import type { RepoContext } from '../repos/context';
import { ingestPath } from './ingest';
import { emptyFileError, safeName } from './names';
import { BATCH_ROWS, RowBatches } from './row-batches';
import { evidenceService, type AddRequest, type AddResult, type EvidenceService, type Prepared } from './service';

export interface ImportOptions {
  auditId: string;
  /** Files and folders; folders are walked recursively (links to folders are not followed). */
  paths: readonly string[];
  addedBy?: string;
  description?: string;
  /** Called after each file (imported or not). */
  onProgress?: (p: ImportProgress) => void;
  /** Cancels between and during files; what was added so far stays. */
  signal?: AbortSignal;
}

export interface ImportProgress {
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
  /** The file just handled, as found under the given paths. */
  path: string;
}

export interface ImportResult {
  added: number;
  /** Files this audit already held (same content): their links were merged, nothing new stored. */
  duplicates: number;
  /** Files and folders that could not be imported, with the reason; the rest was imported. */
  failed: { path: string; reason: string }[];
  /** Files left out because the import stopped early (see `stopped`), including any it was reading then. */
  notAttempted: number;
  /** Why the import stopped before the end (cancelled, disk full, audit closed meanwhile), else null. */
  stopped: string | null;
}

interface Found {
  path: string;
  size: number;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'it does not exist (or is a broken link)',
  ELOOP: 'too many levels of links',
  EISDIR: 'it is a folder',
  EIO: 'the disk reported a read error',
};

const reasonFor = (e: Error): string => (e instanceof DomainError ? e.message : unreadable(e));

const unreadable = (e: unknown): string => {
  const { code, syscall } = e as NodeJS.ErrnoException;
  // Only file-system errors describe the file; anything else is ours, and says nothing about it.
  if (!syscall || !code) return 'could not be imported (unexpected error)';
  return `cannot be read: ${REASONS[code] ?? code}`;
};

/** Lists the regular files under `paths`, in a stable order; anything else is reported, not followed. */
async function findFiles(paths: readonly string[], failed: ImportResult['failed']): Promise<Found[]> {
  const found: Found[] = [];
  const visit = async (path: string, entry: Dirent | null): Promise<void> => {
    let st;
    try {
      st = await stat(path);
    } catch (e) {
      failed.push({ path, reason: unreadable(e) });
      return;
    }
    if (st.isFile()) {
      found.push({ path, size: st.size });
    } else if (st.isDirectory()) {
      // A link to a folder could lead out of what was chosen, or in a circle.
      if (entry?.isSymbolicLink()) {
        failed.push({ path, reason: 'is a link to a folder; links to folders are not followed' });
        return;
      }
      let entries: Dirent[];
      try {
        entries = await readdir(path, { withFileTypes: true });
      } catch (e) {
        failed.push({ path, reason: unreadable(e) });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const child of entries) await visit(join(path, child.name), child);
    } else {
      failed.push({ path, reason: 'is not a regular file (a pipe, socket or device)' });
    }
  };
  for (const path of paths) await visit(path, null);
  return found;
}

const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';

/** Files in flight at once: their reads, writes and fsyncs overlap (the disk flushes them together). */
export const IMPORT_CONCURRENCY = 8;
/** How long a row may wait for others (see RowBatches): progress is reported at least this often. */
export const GATHER_MS = 500;

/**
 * Received files placed in the store together: one transaction claims every
 * digest of a batch (service.prepareMany) instead of one per file, then the
 * files are renamed into place and described. While a batch is placed, the
 * files received meanwhile queue for the next.
 */
export class PlaceBatches {
  private queue: { req: AddRequest; settle: (p: Prepared | Error) => void }[] = [];
  private placing: Promise<void> | null = null;

  constructor(
    private readonly service: EvidenceService,
    private readonly rows: RowBatches,
  ) {}

  submit(req: AddRequest): Promise<Prepared | Error> {
    const answer = new Promise<Prepared | Error>((settle) => this.queue.push({ req, settle }));
    this.placing ??= this.drain().finally(() => (this.placing = null));
    return answer;
  }

  async settled(): Promise<void> {
    while (this.placing) await this.placing;
  }

  private async drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      let placed: (Prepared | Error)[];
      try {
        placed = await this.service.prepareMany(
          batch.map((b) => b.req),
          this.rows,
        );
      } catch (e) {
        placed = batch.map(() => (e instanceof Error ? e : new Error(String(e))));
      }
      batch.forEach((b, i) => b.settle(placed[i]!));
    }
  }
}

/**
 * Imports files from disk into an audit's evidence library (link: the audit
 * itself), for the CLI, the demo and benchmarks. Each file is streamed into
 * the store and its row written once its bytes are safe, so a crash or
 * cancel keeps everything finished before it. Unreadable entries and empty
 * files are listed and skipped; a full disk or an audit closed meanwhile
 * stops the import.
 */
export async function importEvidenceFiles(
  target: { evidence: EvidenceService } | RepoContext,
  opts: ImportOptions,
): Promise<ImportResult> {
  const service = 'evidence' in target ? target.evidence : evidenceService(target);
  service.checkAudit(opts.auditId);
  const result: ImportResult = { added: 0, duplicates: 0, failed: [], notAttempted: 0, stopped: null };
  const files = await findFiles(opts.paths, result.failed);
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
  const committer = new RowBatches(service, { rows: BATCH_ROWS, ms: GATHER_MS });
  const placer = new PlaceBatches(service, committer);
  const links = [{ type: 'audit' as const, id: opts.auditId }];
  // Failures of files are listed in the order the files were found, whatever order they finished in.
  const fileFailures: { index: number; path: string; reason: string }[] = [];
  let next = 0;
  let done = 0;
  let bytesDone = 0;

  const finish = (index: number, file: Found, outcome: AddResult | Error) => {
    if (outcome instanceof Error) {
      fileFailures.push({ index, path: file.path, reason: reasonFor(outcome) });
      // Disk full, audit closed or deleted meanwhile: every further file would fail the same way.
      if (outcome instanceof DomainError && outcome.code !== 'invalid_input') result.stopped ??= outcome.message;
    } else if (outcome.duplicate) result.duplicates++;
    else result.added++;
    done++;
    bytesDone += file.size;
    opts.onProgress?.({ done, total: files.length, bytesDone, bytesTotal, path: file.path });
  };

  /**
   * Streams one file into the store; it is placed and its row written later,
   * with others (PlaceBatches, RowBatches). Answered wrapped, so awaiting the
   * file does not also await its batches: the worker goes on to the next file.
   */
  const importOne = async (index: number, file: Found): Promise<{ written: Promise<void> }> => {
    const name = safeName(basename(file.path)).name;
    if (file.size === 0) throw emptyFileError(name);
    const received = await ingestPath(service.store, file.path, opts.signal);
    const request: AddRequest = {
      auditId: opts.auditId,
      file: received,
      name,
      hint: '',
      links,
      description: opts.description ?? '',
      addedBy: opts.addedBy ?? '',
    };
    const written = placer.submit(request).then(async (prepared) => {
      if (prepared instanceof Error) return finish(index, file, prepared);
      const outcome = await committer.submit([prepared])[0]!;
      service.release(prepared);
      finish(index, file, outcome);
    });
    return { written };
  };

  const committing: Promise<void>[] = [];
  const worker = async (): Promise<void> => {
    while (result.stopped === null && next < files.length) {
      if (opts.signal?.aborted) {
        result.stopped = 'The import was cancelled.';
        return;
      }
      const index = next++;
      const file = files[index]!;
      try {
        committing.push((await importOne(index, file)).written);
      } catch (e) {
        if (isAbort(e)) {
          result.stopped ??= 'The import was cancelled.';
          return;
        }
        finish(index, file, e instanceof Error ? e : new Error(String(e)));
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(IMPORT_CONCURRENCY, files.length) }, worker));
    await placer.settled();
    committer.end();
    await committer.settled();
    await Promise.all(committing);
  } finally {
    // Files of adds that failed after placing them (no operation dispatch runs collection here).
    service.collect();
  }
  fileFailures.sort((a, b) => a.index - b.index);
  result.failed.push(...fileFailures.map(({ path, reason }) => ({ path, reason })));
  result.notAttempted = files.length - done;
  return result;
}
