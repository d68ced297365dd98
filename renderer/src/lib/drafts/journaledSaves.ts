import type { Result } from '#shared/api/result';
import type { DraftJournal, DraftRecordType, DraftRef } from './journal';
import { decideRestore, type RestoredDraft } from './restore';
import { SaveQueue } from './saveQueue';

export interface JournaledField<T, P> {
  recordType: DraftRecordType;
  /** The long text of the record kept in the journal until the backend confirms it. */
  name: keyof T & keyof P & string;
}

/**
 * Autosaved edits of many records of one kind (the checklist's items) on the
 * one save queue, with their long text on the draft journal: each edit of
 * that text is journaled, and the entry is forgotten only once the backend
 * confirms that very text (a newer keystroke keeps it). Text typed while the
 * backend is unreachable survives a reload and is offered back on opening
 * its record (`check`).
 */
export class JournaledSaves<T extends { id: string }, P extends object> extends SaveQueue<T, P> {
  constructor(
    private readonly journal: DraftJournal,
    private readonly field: JournaledField<T, P>,
    /** The text the backend holds, as last loaded or saved; undefined for a record not loaded. */
    private readonly serverText: (id: string) => string | undefined,
    save: (id: string, patch: P) => Promise<Result<T>>,
    onSaved: (value: T, sent: P) => void,
  ) {
    super(save, (saved, sent) => {
      if (sent[field.name] !== undefined) void journal.removeIfText(this.ref(saved.id), String(saved[field.name]));
      onSaved(saved, sent);
    });
  }

  /** Schedules `patch` like `schedule`, journaling its text first (written to IndexedDB after the next paint). */
  edit(id: string, auditId: string, patch: P, delay: number): void {
    const text = patch[this.field.name];
    if (text !== undefined)
      this.journal.write({ ...this.ref(id), auditId, text: String(text), baseText: this.serverText(id) ?? '' });
    this.schedule(id, patch, delay);
  }

  /** Unsaved text from an earlier session for this record, if any; one this session still saves is not. */
  check = async (id: string): Promise<{ text: string; restored: RestoredDraft } | null> => {
    const entry = await this.journal.get(this.ref(id));
    const server = this.serverText(id);
    if (!entry || server === undefined || this.unconfirmed(id)?.[this.field.name] !== undefined) return null;
    const decision = decideRestore(entry, server);
    if (decision.action === 'drop') await this.journal.removeIfText(this.ref(id), decision.text);
    return decision.action === 'restore' ? { text: decision.text, restored: decision.restored } : null;
  };

  /** The user threw the restored text away. */
  discard = (id: string): Promise<void> => this.journal.remove(this.ref(id));

  private ref(id: string): DraftRef {
    return { recordType: this.field.recordType, recordId: id, field: this.field.name };
  }
}
