import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ApiError } from '#shared/api/result';
import type { Checklist, ChecklistItem, ChecklistItemPatch } from '#shared/domain/checklist';
import { needsFinding } from '#shared/rules/checklist';
import { getApi } from '../../api/client';
import { readsTouchedBy, type ReadOp } from '../../api/invalidation';
import { opKey, PREFETCHED_FRESH_MS, prefetchOp, useOp } from '../../api/ops';
import { getDraftJournal } from '../../lib/drafts';
import { JournaledSaves } from '../../lib/drafts/journaledSaves';
import type { SaveStatus } from '../../lib/drafts/saveQueue';
import type { NotesDrafts } from './notesDrafts';

export interface ChecklistState {
  checklist: Checklist | undefined;
  error: ApiError | undefined;
  reload: () => void;
  /** Applies the edit on screen at once and saves it after `delay` ms (0 = now). */
  update: (id: string, patch: ChecklistItemPatch, delay?: number) => void;
  flush: (id: string) => void;
  status: SaveStatus;
  /** Notes kept in this browser until saved: offered again on opening their item. */
  notesDrafts: NotesDrafts;
  /** Who is editing (the "I am" choice): each save names them, so a team merge shows whose value is whose. */
  setAuthor: (name: string) => void;
}

const PREFETCH_FRESH_MS = PREFETCHED_FRESH_MS;

/**
 * Starts loading an audit's checklist before the screen that shows it has
 * mounted (the audit page loads the audit itself first), so both requests
 * run side by side.
 */
export function prefetchChecklist(client: QueryClient, auditId: string): void {
  prefetchOp(client, 'checklist.get', { auditId }, PREFETCH_FRESH_MS);
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

/** What an item's save makes stale besides the checklist, which takes the saved item in place instead. */
const ALSO_TOUCHED: ReadonlySet<ReadOp> = new Set(
  [...readsTouchedBy('checklist.updateItem')].filter((read) => read !== 'checklist.get'),
);

/**
 * An audit's checklist from the query cache, with the edits not yet
 * confirmed laid over it. Edits are saved through one JournaledSaves (the
 * save queue, notes on the draft journal); each answer replaces its item in
 * the cached checklist, and the other reads an item's save touches are
 * marked stale (api/invalidation.ts).
 */
export function useChecklist(auditId: string): ChecklistState {
  const loaded = useOp('checklist.get', { auditId }, { freshForMs: PREFETCH_FRESH_MS });
  const server = loaded.data;
  const client = useQueryClient();
  // Bumped by each edit: the items on screen are worked out again with it.
  const [edits, setEdits] = useState(0);

  const [{ queue, serverNotes, setAuthor }] = useState(() => {
    /** Read when a save is sent, so a later "I am" applies to edits still waiting. */
    const author = { name: '' };
    const setAuthor = (name: string) => {
      author.name = name;
    };
    /** Each item's notes as the backend has them: what a journaled draft is compared with. */
    const serverNotes = new Map<string, string>();
    const queue = new JournaledSaves<ChecklistItem, ChecklistItemPatch>(
      getDraftJournal(),
      { recordType: 'checklist_item', name: 'notes' },
      (id) => serverNotes.get(id),
      // The queue sends one item's saves in turn and merges them; the cache is updated from each answer below.
      (id, patch) => getApi().invoke('checklist.updateItem', { id, patch, by: author.name }),
      (saved) => {
        serverNotes.set(saved.id, saved.notes);
        client.setQueryData<Checklist>(opKey('checklist.get', { auditId: saved.auditId }), (c) => {
          const current = c?.items.find((i) => i.id === saved.id);
          if (!c || !current || sameOnScreen(current, saved)) return c;
          return { ...c, items: c.items.map((i) => (i === current ? saved : i)) };
        });
        void client.invalidateQueries({ predicate: (q) => ALSO_TOUCHED.has(q.queryKey[0] as ReadOp) });
      },
    );
    return { queue, serverNotes, setAuthor };
  });

  useEffect(() => {
    for (const i of server?.items ?? []) serverNotes.set(i.id, i.notes);
  }, [server, serverNotes]);

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

  // Worked out again after each edit, and when the status changes (a refused save drops its edit).
  const checklist = useMemo(
    () => server && { ...server, items: server.items.map((i) => overlay(i, queue.unconfirmed(i.id))) },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `edits` and `status` say when the queue's edits changed
    [server, queue, edits, status],
  );

  const update = useCallback(
    (id: string, patch: ChecklistItemPatch, delay = 0) => {
      // The journal write itself happens after the next paint: cheap here.
      queue.edit(id, auditId, patch, delay);
      setEdits((n) => n + 1);
    },
    [queue, auditId],
  );
  const flush = useCallback((id: string) => queue.flush(id), [queue]);

  return useMemo(
    () => ({
      checklist,
      error: loaded.error,
      reload: loaded.reload,
      update,
      flush,
      status,
      notesDrafts: queue,
      setAuthor,
    }),
    [checklist, loaded.error, loaded.reload, update, flush, status, queue, setAuthor],
  );
}
