import type { ApiError, Result } from '#shared/api/result';
import type { DraftJournal, DraftRecordType, DraftRef } from './journal';
import { decideRestore, type RestoredDraft } from './restore';
import { isRetryable, retryDelay, UNREACHED } from './retry';

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'failed';

export interface DraftedTextSnapshot {
  value: string;
  status: DraftStatus;
  restored: RestoredDraft | null;
  /** Why the last save failed, while it has not succeeded since. */
  error: string | null;
  /** The failure may pass (backend unreachable): the save is retried by itself. */
  retrying: boolean;
}

export interface DraftedTextOptions {
  recordType: DraftRecordType;
  recordId: string;
  auditId: string;
  field: string;
  /** The saved value, as last loaded from the backend. */
  serverValue: string;
  save: (text: string) => Promise<Result<unknown>>;
  /** Pause in typing before the backend save; default 800 ms. */
  debounceMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 800;

/**
 * One drafted text field: journals each change, saves to the backend after a
 * pause in typing, retries while the backend is unreachable, and forgets the
 * journal entry once the backend confirms the text. Plain TypeScript; React
 * only subscribes to its snapshot (useDraftedText).
 */
export class DraftedText {
  private readonly ref: DraftRef;
  private readonly auditId: string;
  private readonly debounceMs: number;
  private save: DraftedTextOptions['save'];
  private readonly listeners = new Set<() => void>();
  private snapshot: DraftedTextSnapshot;
  /** The text the backend holds, as far as we know. */
  private confirmed: string;
  private inFlight: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waitingToSave = false;
  private attempt = 0;
  private savedOnce = false;
  /** Restored text waits for the user's word (Save / typing) before it is sent. */
  private held = false;
  private touched = false;
  private detached = false;

  constructor(
    private readonly journal: DraftJournal,
    options: DraftedTextOptions,
    private readonly onRefused: (error: ApiError) => void = () => undefined,
  ) {
    this.ref = { recordType: options.recordType, recordId: options.recordId, field: options.field };
    this.auditId = options.auditId;
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.save = options.save;
    this.confirmed = options.serverValue;
    this.snapshot = { value: options.serverValue, status: 'idle', restored: null, error: null, retrying: false };
  }

  getSnapshot = (): DraftedTextSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setSave(save: DraftedTextOptions['save']): void {
    this.save = save;
  }

  /** Looks for unsaved text from an earlier session; call once the field is shown. */
  load = async (): Promise<void> => {
    const entry = await this.journal.get(this.ref);
    // The user typed meanwhile: their keystrokes replaced the entry.
    if (this.touched) return;
    const decision = decideRestore(entry, this.confirmed);
    if (decision.action === 'drop') await this.journal.removeIfText(this.ref, decision.text);
    if (decision.action !== 'restore' || this.touched) return;
    this.held = true;
    this.update({ value: decision.text, restored: decision.restored });
  };

  /** A fresh server value; shown unless the user has unsaved text. */
  setServerValue(value: string): void {
    if (value === this.confirmed) return;
    const clean = this.snapshot.value === this.confirmed && this.inFlight === null && !this.held;
    this.confirmed = value;
    if (clean) this.update({ value });
  }

  change = (text: string): void => {
    this.touched = true;
    this.held = false;
    this.journal.write({ ...this.ref, auditId: this.auditId, text, baseText: this.confirmed });
    this.clearTimer();
    this.waitingToSave = true;
    this.timer = setTimeout(() => this.send(), this.debounceMs);
    this.update({ value: text });
  };

  /** Saves now what is waiting (the field lost focus, the page closes). */
  flush = (): void => {
    if (this.held || this.snapshot.value === this.confirmed) return;
    this.send();
  };

  /** The user chose to keep the restored text: save it now. */
  saveRestored = (): void => {
    this.held = false;
    this.send();
  };

  /** The user chose to throw the restored text away: back to the saved value. */
  discardRestored = (): Promise<void> => {
    this.held = false;
    this.clearTimer();
    this.waitingToSave = false;
    this.attempt = 0;
    this.update({ value: this.confirmed, restored: null, error: null, retrying: false });
    return this.journal.remove(this.ref);
  };

  /** The field is shown (again, under StrictMode). */
  attach = (): void => {
    this.detached = false;
  };

  /** The field goes away: one last save of pending text, no more retries (the journal keeps it). */
  detach = (): void => {
    this.detached = true;
    this.clearTimer();
    if (!this.held && this.inFlight === null && this.snapshot.value !== this.confirmed) this.send();
  };

  private send(): void {
    this.clearTimer();
    this.waitingToSave = false;
    if (this.held) return;
    // The answer of the save in flight sends the rest.
    if (this.inFlight !== null) return;
    const text = this.snapshot.value;
    if (text === this.confirmed) {
      void this.journal.removeIfText(this.ref, text);
      this.update({ error: null, retrying: false, restored: null });
      return;
    }
    this.inFlight = text;
    this.update({});
    let answer: Promise<Result<unknown>>;
    try {
      answer = this.save(text);
    } catch (error) {
      answer = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    void answer.then(
      (result) => this.settle(text, result),
      () => this.settle(text, UNREACHED),
    );
  }

  private settle(text: string, result: Result<unknown>): void {
    this.inFlight = null;
    if (result.ok) {
      this.confirmed = text;
      this.savedOnce = true;
      this.attempt = 0;
      void this.journal.removeIfText(this.ref, text);
      const done = this.snapshot.value === text;
      this.update({ error: null, retrying: false, restored: done ? null : this.snapshot.restored });
      // Keystrokes made meanwhile: their own timer sends them, or they go now.
      if (!done && !this.waitingToSave) this.send();
      return;
    }
    const retrying = isRetryable(result.error);
    this.update({ error: result.error.message, retrying });
    if (retrying) {
      this.attempt += 1;
      if (this.detached) return;
      this.clearTimer();
      this.waitingToSave = false;
      const wait = retryDelay(this.attempt);
      this.timer = setTimeout(() => this.send(), wait);
    } else {
      this.onRefused(result.error);
      // Newer keystrokes may fix what was refused; their timer tries them.
    }
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private update(patch: Partial<DraftedTextSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    next.status =
      next.error !== null
        ? 'failed'
        : this.inFlight !== null || this.waitingToSave
          ? 'saving'
          : this.savedOnce && next.value === this.confirmed
            ? 'saved'
            : 'idle';
    const prev = this.snapshot;
    if (
      prev.value === next.value &&
      prev.status === next.status &&
      prev.restored === next.restored &&
      prev.error === next.error &&
      prev.retrying === next.retrying
    )
      return;
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}
