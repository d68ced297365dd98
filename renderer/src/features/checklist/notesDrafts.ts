import { createContext } from 'react';
import type { RestoredDraft } from '../../lib/drafts';

/**
 * The checklist's notes go through the one save queue with the rest of an
 * item's edits; the draft journal keeps each item's latest notes in this
 * browser until the backend confirms them (lib/drafts/journaledSaves.ts), so
 * notes typed while it is unreachable survive a reload and are offered again
 * on opening the item.
 */
export interface NotesDrafts {
  /** Unsaved notes from an earlier session for this item, if any. */
  check(id: string): Promise<{ text: string; restored: RestoredDraft } | null>;
  /** The user threw the restored notes away. */
  discard(id: string): Promise<void>;
}

export const NotesDraftsContext = createContext<NotesDrafts | null>(null);
