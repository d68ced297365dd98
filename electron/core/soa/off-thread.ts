/**
 * SoA files are read in a worker thread, one per file, so the backend thread
 * keeps answering the UI while a large or hostile file is read. The worker's
 * heap is capped: a file that needs more is refused, the backend lives on.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { DomainError } from '#shared/api/result';
import type { RepoContext } from '../repos/context';
import type { ParsedSoa } from './parse';
import { checkSoaSize } from './size';
import type { SoaTask, SoaWorkerMessage } from './worker/task';
import { builtWorkerUrl } from '../export/worker/built';

/** Files read at once by one backend; a person imports one file at a time. */
export const MAX_SOA_READS = 2;
/** Far more than a 5 MB SoA file needs to be read. */
const WORKER_HEAP_MB = 512;
/** Parsed files kept by content, so `soa.apply` after `soa.preview` of the same file does not read it again. */
const CACHE_SIZE = 4;

export interface SoaReaderOptions {
  /** The worker's entry (default: the built one, `builtWorkerUrl`). */
  workerUrl?: URL;
}

export class SoaReader {
  private readonly running = new Set<Worker>();
  private readonly cache = new Map<string, ParsedSoa>();
  private readonly workerUrl: URL;

  constructor(opts: SoaReaderOptions = {}) {
    this.workerUrl = opts.workerUrl ?? builtWorkerUrl('soa-worker');
  }

  async read(name: string, bytes: Buffer): Promise<ParsedSoa> {
    checkSoaSize(bytes);
    // The name counts: its extension decides how some files are read.
    const key = createHash('sha256').update(name).update('\0').update(bytes).digest('hex');
    const known = this.cache.get(key);
    if (known) return known;
    if (this.running.size >= MAX_SOA_READS) {
      throw new DomainError(
        'conflict',
        'Another Statement of Applicability file is being read; try again when it is done.',
      );
    }
    const parsed = await this.inWorker({ name, bytes });
    this.cache.set(key, parsed);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return parsed;
  }

  close(): void {
    for (const worker of this.running) void worker.terminate();
    this.cache.clear();
  }

  private inWorker(task: SoaTask): Promise<ParsedSoa> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.workerUrl, {
        workerData: task,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
      this.running.add(worker);
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        outcome();
        void worker.terminate();
      };
      worker.on('message', (m: SoaWorkerMessage) =>
        settle(() => {
          if (m.ok) resolve(m.parsed);
          else if (m.message !== '') reject(new DomainError(m.code, m.message));
          else reject(new Error('SoA worker failed'));
        }),
      );
      worker.on('error', (e: NodeJS.ErrnoException) =>
        settle(() =>
          reject(
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new DomainError(
                  'too_large',
                  'The file needs far more memory to read than a Statement of Applicability does; it was not imported.',
                )
              : new Error('SoA worker failed'),
          ),
        ),
      );
      worker.on('exit', () => {
        this.running.delete(worker);
        settle(() => reject(new Error('SoA worker ended without an answer')));
      });
    });
  }
}

const readers = new WeakMap<RepoContext, SoaReader>();

/** The one SoA reader of a backend (its context), created on first use. */
export function soaReader(ctx: RepoContext, opts?: SoaReaderOptions): SoaReader {
  let reader = readers.get(ctx);
  if (!reader) {
    reader = new SoaReader(opts);
    readers.set(ctx, reader);
  }
  return reader;
}
