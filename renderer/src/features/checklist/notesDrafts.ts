import { createContext } from 'react';
import { decideRestore, type DraftJournal, type DraftRef, type RestoredDraft } from '../../lib/drafts';

/**
 * The checklist's notes go through the SaveQueue with the rest of an item's
 * edits; the draft journal only keeps each item's latest notes in this
 * browser until the backend confirms them, so notes typed while it is
 * unreachable survive a reload and are offered again on opening the item.
 */
export interface NotesDrafts {
  /** Unsaved notes from an earlier session for this item, if any. */
  check(id: string): Promise<{ text: string; restored: RestoredDraft } | null>;
  /** The user threw the restored notes away. */
  discard(id: string): Promise<void>;
}

export const notesRef = (id: string): DraftRef => ({ recordType: 'checklist_item', recordId: id, field: 'notes' });

export function createNotesDrafts(
  journal: DraftJournal,
  /** The notes the backend holds, as last loaded or saved; undefined for an unknown item. */
  serverNotes: (id: string) => string | undefined,
  /** True while this session still has the item's notes to save: the queue owns them. */
  savingNotes: (id: string) => boolean,
): NotesDrafts {
  return {
    async check(id) {
      const entry = await journal.get(notesRef(id));
      const server = serverNotes(id);
      if (!entry || server === undefined || savingNotes(id)) return null;
      const decision = decideRestore(entry, server);
      if (decision.action === 'drop') await journal.removeIfText(notesRef(id), decision.text);
      return decision.action === 'restore' ? { text: decision.text, restored: decision.restored } : null;
    },
    discard: (id) => journal.remove(notesRef(id)),
  };
}

export const NotesDraftsContext = createContext<NotesDrafts | null>(null);
