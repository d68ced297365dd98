import type { DraftEntry } from './journal';

export interface RestoredDraft {
  /** When the restored text was last typed (ISO timestamp). */
  savedAt: string;
  /** The saved value changed since the edit started (elsewhere, or by an earlier save). */
  serverChanged: boolean;
}

export type RestoreDecision =
  | { action: 'none' }
  /** The journal holds what the server already has: forget it quietly. */
  | { action: 'drop'; text: string }
  /** Unsaved text: show it in the field and ask whether to save or discard it. */
  | { action: 'restore'; text: string; restored: RestoredDraft };

/** What to do, on opening a field, with the journal's entry for it. */
export function decideRestore(entry: DraftEntry | undefined, serverValue: string): RestoreDecision {
  if (!entry) return { action: 'none' };
  if (entry.text === serverValue) return { action: 'drop', text: entry.text };
  return {
    action: 'restore',
    text: entry.text,
    restored: { savedAt: entry.updatedAt, serverChanged: entry.baseText !== serverValue },
  };
}
