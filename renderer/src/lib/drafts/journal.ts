import Dexie, { type DexieOptions, type Table } from 'dexie';
import { afterPaint } from './afterPaint';
import { openTexts, sealTexts, type JournalKey, type SealedText } from './seal';

/**
 * The draft journal: text typed into long fields is kept in this browser's
 * IndexedDB until the backend confirms it saved exactly that text, so a
 * crash, a reload or an unreachable backend loses nothing. Plain TypeScript
 * (no DOM globals), so it runs in unit tests over fake-indexeddb.
 *
 * The text is sealed (seal.ts: AES-GCM under the key the backend derives for
 * the journal, `security.draftKey`), so the browser profile never holds what
 * was typed as text; the keys (record type, id, field, audit) and times stay
 * plain. Until the key is there (the backend not reached yet, or locked),
 * keystrokes wait in memory and reads of stored entries wait; once it comes,
 * the waiting text is written sealed and entries of earlier versions, stored
 * as plain text, are sealed in place. The key stays for the page's life (the
 * page holds the app's data in memory anyway while locked); an entry another
 * key sealed (another data folder on the same origin) reads as absent.
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

/** A row as IndexedDB holds it: sealed text, or (written by versions before the journal was sealed) plain text. */
export interface StoredDraft extends DraftRef {
  key: string;
  auditId: string;
  updatedAt: string;
  sealed?: SealedText;
  /** Only in rows of earlier versions, sealed as soon as the key is there. */
  text?: string;
  baseText?: string;
}

export const DRAFTS_DB_NAME = 'fieldwork-drafts';

export const draftKey = (ref: DraftRef): string => `${ref.recordType}/${ref.recordId}/${ref.field}`;

class DraftsDb extends Dexie {
  drafts!: Table<StoredDraft, string>;

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
  /** The journal's key when already known (tests); otherwise `setKey` once the backend gave it. */
  key?: JournalKey;
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
  private key: JournalKey | null;
  /** Reads of stored entries waiting for the key. */
  private keyWaiters: (() => void)[] = [];

  constructor(private readonly options: DraftJournalOptions = {}) {
    this.schedule = options.schedule ?? afterPaint;
    this.now = options.now ?? (() => new Date());
    this.key = null;
    try {
      const dexieOptions: DexieOptions = {};
      if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
      if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
      this.db = new DraftsDb(options.name ?? DRAFTS_DB_NAME, dexieOptions);
    } catch (error) {
      this.markUnavailable(error);
    }
    if (options.key) this.setKey(options.key);
  }

  /** False once IndexedDB failed: drafts then live only as long as this page. */
  get available(): boolean {
    return !this.failed;
  }

  /** Whether the key is there: until then keystrokes wait in memory and stored entries cannot be read. */
  get keyed(): boolean {
    return this.key !== null;
  }

  /**
   * The journal's key, once per page (lib/drafts/draftKey.ts fetches it): writes what waited for it, sealed, and
   * seals in place the plain entries earlier versions wrote.
   */
  setKey(key: JournalKey): void {
    const first = this.key === null;
    this.key = key;
    void this.flush();
    if (first)
      void this.run(
        (db) => this.sealPlainRows(db),
        () => undefined,
      );
    for (const wake of this.keyWaiters.splice(0)) wake();
  }

  /** Journals `entry`'s text; cheap and synchronous, the database write follows later. */
  write(entry: DraftWrite): void {
    const key = draftKey(entry);
    this.waiting.set(key, { ...entry, key, updatedAt: this.now().toISOString() });
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => void this.flush());
  }

  /** Writes everything waiting now (the page is being hidden or closed); without the key it keeps waiting. */
  flush(): Promise<void> {
    this.scheduled = false;
    const sealWith = this.key;
    if (this.waiting.size === 0 || (!sealWith && !this.failed)) return this.tail.then(() => undefined);
    const entries = [...this.waiting.values()];
    this.waiting.clear();
    return this.run(
      async (db) => {
        // Sealed before the transaction: IndexedDB commits a transaction that waits on anything else.
        const rows = await Promise.all(entries.map((e) => this.seal(sealWith!, e)));
        await db.drafts.bulkPut(rows);
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
    const sealedWith = await this.keyReady();
    return this.run(
      async (db) => this.open(sealedWith, await db.drafts.get(key)),
      () => this.memory.get(key),
    );
  }

  /** The audit's drafts, newest first; entries that do not open with this key are left out. */
  async forAudit(auditId: string): Promise<DraftEntry[]> {
    await this.flush();
    const sealedWith = await this.keyReady();
    const rows = await this.run(
      async (db) => {
        const stored = await db.drafts.where('auditId').equals(auditId).toArray();
        const opened = await Promise.all(stored.map((row) => this.open(sealedWith, row)));
        return opened.filter((e): e is DraftEntry => e !== undefined);
      },
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
    // Comparing with the stored text needs the key; removing what unwritten text decided does not.
    const sealedWith = decided ? null : await this.keyReady();
    return this.run(
      async (db) => {
        const row = await db.drafts.get(key);
        if (!row) return decided;
        if (!decided && (await this.open(sealedWith, row))?.text !== text) return false;
        // Opened outside the transaction (it would commit while decryption ran): delete only that same row.
        return db.transaction('rw', db.drafts, async () => {
          const now = await db.drafts.get(key);
          if (!now || !sameRow(now, row)) return decided && !now;
          await db.drafts.delete(key);
          return true;
        });
      },
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

  /** Resolves once the key is there (at once when IndexedDB failed: memory needs none). */
  private keyReady(): Promise<JournalKey | null> {
    if (this.key || this.failed) return Promise.resolve(this.key);
    return new Promise((resolve) => this.keyWaiters.push(() => resolve(this.key)));
  }

  private async seal(key: JournalKey, entry: DraftEntry): Promise<StoredDraft> {
    const { text, baseText, ...plain } = entry;
    return { ...plain, sealed: await sealTexts(key, entry, { text, baseText }) };
  }

  /** A stored row as an entry: sealed text opened, plain text (earlier versions) as it is; undefined if neither. */
  private async open(key: JournalKey | null, row: StoredDraft | undefined): Promise<DraftEntry | undefined> {
    if (!row) return undefined;
    const { sealed, text, baseText, ...plain } = row;
    if (!sealed) return typeof text === 'string' ? { ...plain, text, baseText: baseText ?? '' } : undefined;
    const texts = key ? await openTexts(key, row, sealed) : null;
    return texts ? { ...plain, ...texts } : undefined;
  }

  /** Seals in place the rows earlier versions stored as plain text (read once, rewritten sealed). */
  private async sealPlainRows(db: DraftsDb): Promise<void> {
    const key = this.key;
    if (!key) return;
    const plain = await db.drafts.filter((row) => row.sealed === undefined).toArray();
    if (plain.length === 0) return;
    const sealed: { row: StoredDraft; next: StoredDraft }[] = [];
    for (const row of plain) {
      const entry = await this.open(null, row);
      if (entry) sealed.push({ row, next: await this.seal(key, entry) });
    }
    await db.transaction('rw', db.drafts, async () => {
      for (const { row, next } of sealed) {
        const now = await db.drafts.get(row.key);
        // Another window may have written it meanwhile: keep its newer row.
        if (now && sameRow(now, row)) await db.drafts.put(next);
      }
    });
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
    // Memory needs no key: what waited for it reads memory now.
    for (const wake of this.keyWaiters.splice(0)) wake();
    if (this.waiting.size > 0) void this.flush();
  }
}

/** The same stored row: same time and same sealed bytes (a fresh IV each write), or same plain text. */
function sameRow(a: StoredDraft, b: StoredDraft): boolean {
  if (a.updatedAt !== b.updatedAt || a.auditId !== b.auditId) return false;
  if (a.sealed && b.sealed) return bytesEqual(a.sealed.iv, b.sealed.iv);
  return !a.sealed && !b.sealed && a.text === b.text && a.baseText === b.baseText;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
