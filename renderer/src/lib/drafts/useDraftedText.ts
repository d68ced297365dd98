import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ApiError } from '#shared/api/result';
import { notifyError } from '../notify';
import { DraftedText, type DraftedTextOptions, type DraftStatus } from './controller';
import { getDraftJournal } from './instance';
import { draftKey } from './journal';
import type { RestoredDraft } from './restore';

export interface DraftedTextState {
  value: string;
  onChange: (text: string) => void;
  /** Saves pending text now; call it on blur. */
  flush: () => void;
  status: DraftStatus;
  /** Why the last save failed (null once a save succeeds). */
  error: string | null;
  /** Set while unsaved text from an earlier session is shown: render <RestoredDraftAlert>. */
  restored: RestoredDraft | null;
  saveRestored: () => void;
  /** Drops the restored text and shows the saved value again (RestoredDraftAlert asks first). */
  discardRestored: () => void;
}

const refuse = (error: ApiError) => notifyError(error, 'Your text was not saved');

/**
 * A long text field whose every change is journaled in this browser and saved
 * to the backend after a pause in typing. Mount it once the record has
 * loaded: `serverValue` is what the journal is compared with on opening.
 */
export function useDraftedText(options: DraftedTextOptions): DraftedTextState {
  const key = `${draftKey(options)}|${options.auditId}`;
  const [holder, setHolder] = useState(() => ({
    key,
    draft: new DraftedText(getDraftJournal(), options, refuse),
  }));
  // Another record in the same component: start over for it.
  if (holder.key !== key) setHolder({ key, draft: new DraftedText(getDraftJournal(), options, refuse) });
  const draft = holder.draft;

  const { save, serverValue } = options;
  useEffect(() => draft.setSave(save), [draft, save]);
  useEffect(() => draft.setServerValue(serverValue), [draft, serverValue]);
  useEffect(() => {
    draft.attach();
    void draft.load();
    return draft.detach;
  }, [draft]);

  const snap = useSyncExternalStore(draft.subscribe, draft.getSnapshot);
  return useMemo(
    () => ({
      value: snap.value,
      onChange: draft.change,
      flush: draft.flush,
      status: snap.status,
      error: snap.error,
      restored: snap.restored,
      saveRestored: draft.saveRestored,
      discardRestored: () => void draft.discardRestored(),
    }),
    [snap, draft],
  );
}
