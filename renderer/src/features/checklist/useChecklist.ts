import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ApiError, Result } from '#shared/api/result';
import type { Checklist, ChecklistItem, ChecklistItemPatch } from '#shared/domain/checklist';
import { needsFinding } from '#shared/rules/checklist';
import { getApi } from '../../api/client';
import { getDraftJournal } from '../../lib/drafts';
import { createNotesDrafts, notesRef, type NotesDrafts } from './notesDrafts';
import { SaveQueue, type SaveStatus } from './saveQueue';

export interface ChecklistState {
  checklist: Checklist | undefined;
  error: ApiError | undefined;
  reload: () => void;
  /** Applies the edit on screen at once and saves it after `delay` ms (0 = now). */
  update: (id: string, patch: ChecklistItemPatch, delay?: number) => void;
  flush: (id: string) => void;
  /** Replaces the list with a fresh one from the server (after an SoA import), keeping unsaved edits. */
  replace: (checklist: Checklist) => void;
  status: SaveStatus;
  /** Notes kept in this browser until saved: offered again on opening their item. */
  notesDrafts: NotesDrafts;
  /** Who is editing (the "I am" choice): each save names them, so a team merge shows whose value is whose. */
  setAuthor: (name: string) => void;
}

/** True when the server's answer shows nothing new: keep the object on screen, so nothing re-renders. */
function sameOnScreen(a: ChecklistItem, b: ChecklistItem): boolean {
  return (Object.keys(a) as (keyof ChecklistItem)[]).every(
    (k) => k === 'updatedAt' || a[k] === b[k] || JSON.stringify(a[k]) === JSON.stringify(b[k]),
  );
}

/** The server's item with the edits it has not confirmed yet laid on top (samples excepted: they carry ids). */
function overlay(item: ChecklistItem, patch: ChecklistItemPatch | undefined): ChecklistItem {
  if (!patch) return item;
  const { samples: _samples, ...fields } = patch;
  const next = { ...item, ...fields };
  next.needsFinding = needsFinding(next.result);
  return next;
}

const prefetched = new Map<string, { at: number; answer: Promise<Result<Checklist>> }>();

/**
 * Starts loading an audit's checklist before the screen that shows it has
 * mounted (the audit page loads the audit itself first), so both requests
 * run side by side. Taken once; an old one is not used.
 */
export function prefetchChecklist(auditId: string): void {
  if (!prefetched.has(auditId))
    prefetched.set(auditId, { at: Date.now(), answer: getApi().invoke('checklist.get', { auditId }) });
}

function loadChecklist(auditId: string): Promise<Result<Checklist>> {
  const early = prefetched.get(auditId);
  prefetched.delete(auditId);
  return early && Date.now() - early.at < 10_000 ? early.answer : getApi().invoke('checklist.get', { auditId });
}

export function useChecklist(auditId: string): ChecklistState {
  const [checklist, setChecklist] = useState<Checklist>();
  const [error, setError] = useState<ApiError>();
  const [generation, setGeneration] = useState(0);

  const [{ queue, journal, serverNotes, notesDrafts, setAuthor }] = useState(() => {
    const journal = getDraftJournal();
    /** Read when a save is sent, so a later "I am" applies to edits still waiting. */
    const author = { name: '' };
    const setAuthor = (name: string) => {
      author.name = name;
    };
    /** Each item's notes as the backend has them: what a journaled draft is compared with. */
    const serverNotes = new Map<string, string>();
    const queue: SaveQueue = new SaveQueue(
      (id, patch) => getApi().invoke('checklist.updateItem', { id, patch, by: author.name }),
      (saved, sent) => {
        serverNotes.set(saved.id, saved.notes);
        // Only the very text saved clears the journal: a newer keystroke keeps it.
        if (sent.notes !== undefined) void journal.removeIfText(notesRef(saved.id), saved.notes);
        setChecklist((c) => {
          const current = c?.items.find((i) => i.id === saved.id);
          if (!c || !current) return c;
          const next = overlay(saved, queue.unconfirmed(saved.id));
          return sameOnScreen(current, next) ? c : { ...c, items: c.items.map((i) => (i === current ? next : i)) };
        });
      },
    );
    const notesDrafts = createNotesDrafts(
      journal,
      (id) => serverNotes.get(id),
      (id) => queue.unconfirmed(id)?.notes !== undefined,
    );
    return { queue, journal, serverNotes, notesDrafts, setAuthor };
  });
  const remember = useCallback(
    (items: readonly ChecklistItem[]) => {
      for (const i of items) serverNotes.set(i.id, i.notes);
    },
    [serverNotes],
  );

  useEffect(() => {
    let current = true;
    void loadChecklist(auditId).then((r) => {
      if (!current) return;
      if (r.ok) {
        remember(r.value.items);
        setError(undefined);
        setChecklist({ ...r.value, items: r.value.items.map((i) => overlay(i, queue.unconfirmed(i.id))) });
      } else setError(r.error);
    });
    return () => {
      current = false;
    };
  }, [auditId, generation, queue, remember]);

  // Leaving the screen sends what is still waiting; closing the window while saving asks first.
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!queue.busy()) return;
      queue.flushAll();
      // A browser asks the user; Electron would silently refuse to close the window, so not there.
      if (!window.fieldwork) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      queue.flushAll();
    };
  }, [queue]);

  const status = useSyncExternalStore(queue.subscribe, queue.getStatus);

  const update = useCallback(
    (id: string, patch: ChecklistItemPatch, delay = 0) => {
      setChecklist((c) => (c ? { ...c, items: c.items.map((i) => (i.id === id ? overlay(i, patch) : i)) } : c));
      queue.schedule(id, patch, delay);
      // An answer fetched before this edit must not be shown when the screen opens again.
      prefetched.delete(auditId);
      // Cheap here: the IndexedDB write itself happens after the next paint.
      if (patch.notes !== undefined)
        journal.write({ ...notesRef(id), auditId, text: patch.notes, baseText: serverNotes.get(id) ?? '' });
    },
    [queue, journal, serverNotes, auditId],
  );
  const flush = useCallback((id: string) => queue.flush(id), [queue]);
  const replace = useCallback(
    (fresh: Checklist) => {
      prefetched.delete(auditId);
      remember(fresh.items);
      setChecklist({ ...fresh, items: fresh.items.map((i) => overlay(i, queue.unconfirmed(i.id))) });
    },
    [queue, remember, auditId],
  );
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return useMemo(
    () => ({ checklist, error, reload, update, flush, replace, status, notesDrafts, setAuthor }),
    [checklist, error, reload, update, flush, replace, status, notesDrafts, setAuthor],
  );
}
