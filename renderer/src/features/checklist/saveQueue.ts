import type { ApiError, Result } from '#shared/api/result';
import type { ChecklistItem, ChecklistItemPatch } from '#shared/domain/checklist';
import { afterPaint } from '../../lib/drafts/afterPaint';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; message: string; retrying: boolean };

type SaveFn = (id: string, patch: ChecklistItemPatch) => Promise<Result<ChecklistItem>>;

/** Network trouble or a crashed backend may pass; a refused value will not, so it is not resent. */
const RETRYABLE = new Set<ApiError['code']>(['unavailable', 'internal']);
const MAX_RETRY_MS = 15_000;

/**
 * Autosave for checklist items: edits to one item are merged into one patch,
 * sent after `delay` ms (0 = now), one request per item at a time. A failed
 * save that may succeed later is retried with back-off; edits made meanwhile
 * join the retried patch. Plain TypeScript so React only sees the status.
 */
export class SaveQueue {
  private readonly pending = new Map<string, ChecklistItemPatch>();
  private readonly inFlight = new Map<string, ChecklistItemPatch>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly failures = new Map<string, { message: string; retrying: boolean; attempt: number }>();
  private readonly listeners = new Set<() => void>();
  private savedOnce = false;
  private status: SaveStatus = { state: 'idle' };

  constructor(
    private readonly save: SaveFn,
    /** The server's item after a save, with the patch that was sent. */
    private readonly onSaved: (item: ChecklistItem, sent: ChecklistItemPatch) => void,
  ) {}

  schedule(id: string, patch: ChecklistItemPatch, delay: number): void {
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

  /** Sends the item's pending edits now (e.g. when its notes lose focus). */
  flush(id: string): void {
    this.clearTimer(id);
    // The answer of the request in flight sends the rest.
    if (this.inFlight.has(id)) return;
    const patch = this.pending.get(id);
    if (!patch) return;
    this.pending.delete(id);
    this.inFlight.set(id, patch);
    this.emit();
    void this.save(id, patch).then(
      (result) => this.settle(id, patch, result),
      () =>
        this.settle(id, patch, {
          ok: false,
          error: { code: 'unavailable', message: 'The save did not reach Fieldwork.' },
        }),
    );
  }

  flushAll(): void {
    for (const id of [...this.pending.keys()]) this.flush(id);
  }

  /** Edits not yet confirmed by the server, newest last: laid over server answers. */
  unconfirmed(id: string): ChecklistItemPatch | undefined {
    const a = this.inFlight.get(id);
    const b = this.pending.get(id);
    return a || b ? { ...a, ...b } : undefined;
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

  private settle(id: string, patch: ChecklistItemPatch, result: Result<ChecklistItem>): void {
    this.inFlight.delete(id);
    if (result.ok) {
      this.failures.delete(id);
      this.savedOnce = true;
      this.onSaved(result.value, patch);
      if (this.pending.has(id) && !this.timers.has(id)) this.flush(id);
    } else {
      const attempt = (this.failures.get(id)?.attempt ?? 0) + 1;
      const retrying = RETRYABLE.has(result.error.code);
      this.failures.set(id, { message: result.error.message, retrying, attempt });
      if (retrying) {
        // Newer edits win over the failed ones.
        this.pending.set(id, { ...patch, ...this.pending.get(id) });
        this.clearTimer(id);
        const wait = Math.min(1000 * 2 ** (attempt - 1), MAX_RETRY_MS);
        this.timers.set(
          id,
          setTimeout(() => this.flush(id), wait),
        );
      } else if (this.pending.has(id) && !this.timers.has(id)) {
        this.flush(id);
      }
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
