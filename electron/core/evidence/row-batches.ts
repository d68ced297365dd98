import type { AddResult, Prepared } from './service';
import type { DirSink, EvidenceStore } from './store';

/** What a batch needs from the evidence service. */
export interface RowWriter {
  readonly store: EvidenceStore;
  /** Writes the rows in one transaction and answers once it is on disk (service.commitDurably). */
  commitDurably(items: readonly Prepared[]): Promise<(AddResult | Error)[]>;
}

/**
 * Rows at most per transaction: large enough that a bulk import pays few
 * commits, small enough that the backend's thread is never held long (each
 * row with its links, change log and search entries takes well under a
 * millisecond).
 */
export const BATCH_ROWS = 128;

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/**
 * Rows of files already safely stored, written together: while one batch is
 * being written (its folders fsynced, its transaction, the fsync of the
 * database's log), the rows that become ready queue up and go in the next.
 * So the number of commits follows the disk: a fast disk writes small
 * batches at once, a slow one fewer, larger ones; nothing waits for a timer.
 * Used by bulk imports (import.ts) and uploads (uploads.ts).
 *
 * Digests stay claimed until their row is written, so collection cannot take
 * the files meanwhile.
 */
export interface Gathering {
  /** Rows a batch waits for (BATCH_ROWS at most)… */
  rows: number;
  /** …but no longer than this after its first row came, or until end(). */
  ms: number;
}

export class RowBatches implements DirSink {
  /** Submissions in order; one is never split between transactions. */
  private queue: { p: Prepared; settle: (r: AddResult | Error) => void }[][] = [];
  /** Folders with renames not yet fsynced (store.place adds them); the next batch syncs them first. */
  private dirs = new Set<string>();
  private writing: Promise<void> | null = null;
  private queued = 0;
  private ended = false;
  private wake: (() => void) | null = null;

  /**
   * Without `gather` a batch goes as soon as the one before it is written
   * (uploads: the app waits for each group's answer). With it (bulk imports,
   * which answer once at the end) rows wait for others: every commit writes
   * the database pages it touches again (indexes, search index, change log),
   * so 7 rows a commit write about ten times the log of 100.
   */
  constructor(
    private readonly writer: RowWriter,
    private readonly gather: Gathering | null = null,
  ) {}

  add(dir: string): void {
    this.dirs.add(dir);
  }

  /** Queues rows (rows submitted together share one transaction), answering each in its place. */
  submit(items: readonly Prepared[]): Promise<AddResult | Error>[] {
    const group: { p: Prepared; settle: (r: AddResult | Error) => void }[] = [];
    const answers = items.map((p) => new Promise<AddResult | Error>((settle) => group.push({ p, settle })));
    if (group.length > 0) this.queue.push(group);
    this.queued += group.length;
    if (this.gather && this.queued >= this.gather.rows) this.wake?.();
    this.writing ??= this.drain().finally(() => (this.writing = null));
    return answers;
  }

  /** No more rows will come: what is queued is written without waiting to gather more. */
  end(): void {
    this.ended = true;
    this.wake?.();
  }

  /** Resolves once every row submitted so far is answered. */
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    // Rows that become ready in this turn of the event loop join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      await this.gathered();
      const batch = this.queue.shift()!;
      while (this.queue.length > 0 && batch.length + this.queue[0]!.length <= BATCH_ROWS)
        batch.push(...this.queue.shift()!);
      // Every queued row's folders were added before the row itself: a superset is synced, never less.
      const dirs = this.dirs;
      this.dirs = new Set();
      this.queued -= batch.length;
      let results: (AddResult | Error)[];
      try {
        // Rows only after their files' renames are durable.
        await this.writer.store.syncDirs(dirs);
        results = await this.writer.commitDurably(batch.map((b) => b.p));
      } catch (e) {
        results = batch.map(() => asError(e));
      }
      batch.forEach((b, i) => b.settle(results[i]!));
    }
  }

  /** With `gather`: until enough rows are queued, its time is up, or end() was called. */
  private async gathered(): Promise<void> {
    const gather = this.gather;
    if (!gather || this.ended || this.queued >= gather.rows) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake?.(), gather.ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
