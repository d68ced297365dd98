import Dexie, { type DexieOptions, type Table } from 'dexie';
import { afterPaint } from './afterPaint';

/**
 * The draft journal: text typed into long fields is kept in this browser's
 * IndexedDB until the backend confirms it saved exactly that text, so a
 * crash, a reload or an unreachable backend loses nothing. Plain TypeScript
 * (no DOM globals), so it runs in unit tests over fake-indexeddb.
 */

export const DRAFT_RECORD_TYPES = [
  'checklist_item',
  'interview',
  'observation',
  'document',
  'evidence',
  'finding',
  'client',
  // Whole forms saved with a button (useFormJournal): an audit's plan, the settings pages.
  'audit',
  'branding',
  'signing_identity',
  'template',
] as const;
export type DraftRecordType = (typeof DRAFT_RECORD_TYPES)[number];

/** Which text a draft belongs to: one entry per record and field. */
export interface DraftRef {
  recordType: DraftRecordType;
  recordId: string;
  field: string;
}

export interface DraftEntry extends DraftRef {
  key: string;
  auditId: string;
  /** What the user typed last. */
  text: string;
  /** The server's value the edit started from. */
  baseText: string;
  /** ISO timestamp of the last keystroke journaled. */
  updatedAt: string;
}

export type DraftWrite = Omit<DraftEntry, 'key' | 'updatedAt'>;

export const DRAFTS_DB_NAME = 'fieldwork-drafts';

export const draftKey = (ref: DraftRef): string => `${ref.recordType}/${ref.recordId}/${ref.field}`;

class DraftsDb extends Dexie {
  drafts!: Table<DraftEntry, string>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    // New versions add stores or indexes here; never edit a released one.
    this.version(1).stores({ drafts: 'key, auditId, updatedAt' });
  }
}

type Schedule = (fn: () => void) => void;

export interface DraftJournalOptions {
  /** Database name; tests use a fresh one each. */
  name?: string;
  /** When journaled keystrokes are written; default: after the next paint. */
  schedule?: Schedule;
  /** Called once, the first time IndexedDB fails (private mode, quota, blocked). */
  onUnavailable?: (error: unknown) => void;
  /** IndexedDB implementation (tests); default: the global one. */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
  now?: () => Date;
}

/**
 * Writes are coalesced: `write()` only records the latest text in memory and
 * schedules one IndexedDB put for everything waiting, so typing fast costs
 * one write per frame. Reads see unwritten text too. All database work runs
 * in call order on one chain, so a removal never overtakes an earlier write.
 * If IndexedDB fails, the journal carries on in memory for this session.
 */
export class DraftJournal {
  private db: DraftsDb | undefined;
  private readonly waiting = new Map<string, DraftEntry>();
  /** Entries kept in memory once IndexedDB is unavailable. */
  private readonly memory = new Map<string, DraftEntry>();
  private tail: Promise<unknown> = Promise.resolve();
  private scheduled = false;
  private failed = false;
  private readonly schedule: Schedule;
  private readonly now: () => Date;

  constructor(private readonly options: DraftJournalOptions = {}) {
    this.schedule = options.schedule ?? afterPaint;
    this.now = options.now ?? (() => new Date());
    try {
      const dexieOptions: DexieOptions = {};
      if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
      if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
      this.db = new DraftsDb(options.name ?? DRAFTS_DB_NAME, dexieOptions);
    } catch (error) {
      this.markUnavailable(error);
    }
  }

  /** False once IndexedDB failed: drafts then live only as long as this page. */
  get available(): boolean {
    return !this.failed;
  }

  /** Journals `entry`'s text; cheap and synchronous, the database write follows later. */
  write(entry: DraftWrite): void {
    const key = draftKey(entry);
    this.waiting.set(key, { ...entry, key, updatedAt: this.now().toISOString() });
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => void this.flush());
  }

  /** Writes everything waiting now (the page is being hidden or closed). */
  flush(): Promise<void> {
    this.scheduled = false;
    if (this.waiting.size === 0) return this.tail.then(() => undefined);
    const entries = [...this.waiting.values()];
    this.waiting.clear();
    return this.run(
      async (db) => {
        await db.drafts.bulkPut(entries);
      },
      () => {
        for (const e of entries) this.memory.set(e.key, e);
      },
    );
  }

  async get(ref: DraftRef): Promise<DraftEntry | undefined> {
    const key = draftKey(ref);
    const waiting = this.waiting.get(key);
    if (waiting) return waiting;
    return this.run(
      (db) => db.drafts.get(key),
      () => this.memory.get(key),
    );
  }

  /** The audit's drafts, newest first. */
  async forAudit(auditId: string): Promise<DraftEntry[]> {
    await this.flush();
    const rows = await this.run(
      (db) => db.drafts.where('auditId').equals(auditId).toArray(),
      () => [...this.memory.values()].filter((e) => e.auditId === auditId),
    );
    return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /**
   * Removes the entry only if its current text is `text` (the backend has just
   * confirmed saving it); a newer keystroke keeps it. True when removed.
   */
  async removeIfText(ref: DraftRef, text: string): Promise<boolean> {
    const key = draftKey(ref);
    const waiting = this.waiting.get(key);
    if (waiting && waiting.text !== text) return false;
    // Unwritten text is newer than whatever the database holds: it decides alone.
    const decided = waiting !== undefined;
    this.waiting.delete(key);
    return this.run(
      (db) =>
        db.transaction('rw', db.drafts, async () => {
          const row = await db.drafts.get(key);
          if (!row) return decided;
          if (!decided && row.text !== text) return false;
          await db.drafts.delete(key);
          return true;
        }),
      () => {
        const row = this.memory.get(key);
        if (!row) return decided;
        if (!decided && row.text !== text) return false;
        this.memory.delete(key);
        return true;
      },
    );
  }

  /** Forgets the draft whatever it holds (the user discarded it). */
  async remove(ref: DraftRef): Promise<void> {
    const key = draftKey(ref);
    this.waiting.delete(key);
    await this.run(
      (db) => db.drafts.delete(key),
      () => void this.memory.delete(key),
    );
  }

  close(): void {
    this.db?.close();
  }

  /** Queues `op` after all earlier database work; falls back to memory if IndexedDB fails. */
  private run<T>(op: (db: DraftsDb) => Promise<T>, fallback: () => T): Promise<T> {
    const next = this.tail.then(async () => {
      const db = this.db;
      if (!db || this.failed) return fallback();
      try {
        return await op(db);
      } catch (error) {
        this.markUnavailable(error);
        return fallback();
      }
    });
    this.tail = next.catch(() => undefined);
    return next;
  }

  private markUnavailable(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.options.onUnavailable?.(error);
  }
}
