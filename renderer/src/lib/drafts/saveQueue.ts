import type { Result } from '#shared/api/result';
import { afterPaint } from './afterPaint';
import { isRetryable, retryDelay, UNREACHED } from './retry';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; message: string; retrying: boolean };

interface Direct<T, P> {
  patch: P;
  resolve: (result: Result<T>) => void;
  reject: (error: unknown) => void;
}

/**
 * The one save path for a record's edits: saves of one record (`id`) never
 * overlap — the next starts only when the backend has answered the one
 * before — so the last edit is the last written. Two ways in:
 * - `schedule` (autosave): edits are merged into one patch, sent after
 *   `delay` ms (0 = after the next paint); a save that may succeed later is
 *   retried with back-off, edits made meanwhile joining it; `getStatus` says
 *   how it goes;
 * - `send` (a Save button, a drafted text's own save): one patch sent as it
 *   is, in turn, its answer returned to the caller, who shows or retries it.
 * `save` builds the request when it is sent, so it can start from the
 * record as the server last returned it. Plain TypeScript: React only sees
 * the status.
 */
export class SaveQueue<T, P extends object> {
  private readonly pending = new Map<string, P>();
  private readonly inFlight = new Map<string, P>();
  private readonly direct = new Map<string, Direct<T, P>[]>();
  /** Records with a `send` in flight. */
  private readonly sending = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly failures = new Map<string, { message: string; retrying: boolean; attempt: number }>();
  private readonly listeners = new Set<() => void>();
  private savedOnce = false;
  private status: SaveStatus = { state: 'idle' };

  constructor(
    private readonly save: (id: string, patch: P) => Promise<Result<T>>,
    /** The server's answer to a save, with the patch that was sent. */
    private readonly onSaved: (value: T, sent: P) => void,
  ) {}

  schedule(id: string, patch: P, delay: number): void {
    this.pending.set(id, { ...this.pending.get(id), ...patch });
    this.clearTimer(id);
    if (delay <= 0) afterPaint(() => this.flush(id));
    else
      this.timers.set(
        id,
        setTimeout(() => this.flush(id), delay),
      );
    this.emit();
  }

  /**
   * Sends `patch` once the record's save in flight (if any) has answered, not
   * merged with other edits and not retried; resolves with the answer.
   */
  send(id: string, patch: P): Promise<Result<T>> {
    return new Promise<Result<T>>((resolve, reject) => {
      this.direct.set(id, [...(this.direct.get(id) ?? []), { patch, resolve, reject }]);
      if (!this.inFlight.has(id) && !this.sending.has(id)) this.next(id);
    });
  }

  /** Sends the item's pending edits now (e.g. when its notes lose focus). */
  flush(id: string): void {
    this.clearTimer(id);
    // The answer of the request in flight sends the rest.
    if (this.inFlight.has(id) || this.sending.has(id)) return;
    const patch = this.pending.get(id);
    if (!patch) return;
    this.pending.delete(id);
    this.inFlight.set(id, patch);
    this.emit();
    void this.save(id, patch).then(
      (result) => this.settle(id, patch, result),
      () => this.settle(id, patch, UNREACHED),
    );
  }

  flushAll(): void {
    for (const id of [...this.pending.keys()]) this.flush(id);
  }

  /** Scheduled edits not yet confirmed by the server, newest last: laid over server answers. */
  unconfirmed(id: string): P | undefined {
    const a = this.inFlight.get(id);
    const b = this.pending.get(id);
    return a || b ? ({ ...a, ...b } as P) : undefined;
  }

  busy(): boolean {
    return this.pending.size > 0 || this.inFlight.size > 0;
  }

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    for (const id of [...this.timers.keys()]) this.clearTimer(id);
    this.listeners.clear();
  }

  /** The record is free: the first waiting `send`, else scheduled edits whose delay is over. */
  private next(id: string): void {
    const waiting = this.direct.get(id);
    const first = waiting?.shift();
    if (waiting?.length === 0) this.direct.delete(id);
    if (!first) {
      if (this.pending.has(id) && !this.timers.has(id)) this.flush(id);
      return;
    }
    this.sending.add(id);
    let answer: Promise<Result<T>>;
    try {
      answer = this.save(id, first.patch);
    } catch (error) {
      answer = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    answer.then(
      (result) => {
        this.sending.delete(id);
        if (result.ok) this.onSaved(result.value, first.patch);
        first.resolve(result);
        this.next(id);
      },
      (error: unknown) => {
        this.sending.delete(id);
        first.reject(error);
        this.next(id);
      },
    );
  }

  private settle(id: string, patch: P, result: Result<T>): void {
    this.inFlight.delete(id);
    if (result.ok) {
      this.failures.delete(id);
      this.savedOnce = true;
      this.onSaved(result.value, patch);
      this.next(id);
    } else {
      const attempt = (this.failures.get(id)?.attempt ?? 0) + 1;
      const retrying = isRetryable(result.error);
      this.failures.set(id, { message: result.error.message, retrying, attempt });
      if (retrying) {
        // Newer edits win over the failed ones.
        this.pending.set(id, { ...patch, ...this.pending.get(id) });
        this.clearTimer(id);
        const wait = retryDelay(attempt);
        this.timers.set(
          id,
          setTimeout(() => this.flush(id), wait),
        );
      }
      this.next(id);
    }
    this.emit();
  }

  private clearTimer(id: string): void {
    const t = this.timers.get(id);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(id);
  }

  private emit(): void {
    const failure = [...this.failures.values()][0];
    const next: SaveStatus = failure
      ? { state: 'failed', message: failure.message, retrying: failure.retrying }
      : this.busy()
        ? { state: 'saving' }
        : this.savedOnce
          ? { state: 'saved' }
          : { state: 'idle' };
    const prev = this.status;
    const same =
      prev.state === next.state &&
      (prev.state !== 'failed' ||
        (next.state === 'failed' && prev.message === next.message && prev.retrying === next.retrying));
    if (same) return;
    this.status = next;
    for (const l of this.listeners) l();
  }
}
