import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '#shared/api/result';
import type { ChecklistItem, ChecklistItemPatch } from '#shared/domain/checklist';
import { DraftJournal, type DraftRef } from '../../../renderer/src/lib/drafts/journal';
import { testDraftKey } from './key';
import { JournaledSaves } from '../../../renderer/src/lib/drafts/journaledSaves';

/** The journal's key, as the renderer holds it once the backend gave it. */
const KEY = await testDraftKey();

const notesOf = (id: string): DraftRef => ({ recordType: 'checklist_item', recordId: id, field: 'notes' });

/** A backend whose answers the test gives, in the order the saves arrived; an answer echoes the patch. */
function backend() {
  const calls: { id: string; patch: ChecklistItemPatch; answer: (r: Result<ChecklistItem>) => void }[] = [];
  const save = vi.fn(
    (id: string, patch: ChecklistItemPatch) =>
      new Promise<Result<ChecklistItem>>((answer) => calls.push({ id, patch, answer })),
  );
  const answerOk = async () => {
    const call = calls.shift();
    if (!call) throw new Error('no save in flight');
    call.answer({ ok: true, value: { id: call.id, notes: call.patch.notes ?? '' } as ChecklistItem });
    // Let the queue settle and the journal finish its work (fake-indexeddb runs on setImmediate).
    await vi.advanceTimersByTimeAsync(0);
    await new Promise((done) => setImmediate(done));
  };
  return { save, calls, answerOk };
}

let dbCount = 0;
let journal: DraftJournal;
const server = new Map<string, string>();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  journal = new DraftJournal({ name: `journaled-saves-test-${++dbCount}`, schedule: (fn) => fn(), key: KEY });
  server.clear();
});
afterEach(() => {
  journal.close();
  vi.useRealTimers();
});

function saves() {
  const api = backend();
  const saved = vi.fn();
  const q = new JournaledSaves<ChecklistItem, ChecklistItemPatch>(
    journal,
    { recordType: 'checklist_item', name: 'notes' },
    (id) => server.get(id),
    api.save,
    saved,
  );
  return { q, api, saved };
}

const journaled = async (id: string) => {
  await journal.flush();
  return journal.get(notesOf(id));
};

describe('checklist edits on the save queue, notes on the draft journal', () => {
  it('journals the notes against the saved text, and forgets them once the backend confirms that text', async () => {
    server.set('a', 'Asked');
    const { q, api, saved } = saves();
    q.edit('a', 'audit-1', { notes: 'Asked the CISO' }, 600);
    expect(await journaled('a')).toMatchObject({ text: 'Asked the CISO', baseText: 'Asked', auditId: 'audit-1' });

    await vi.advanceTimersByTimeAsync(600);
    expect(api.save).toHaveBeenCalledWith('a', { notes: 'Asked the CISO' });
    await api.answerOk();
    expect(saved).toHaveBeenCalledTimes(1);
    expect(await journaled('a')).toBeUndefined();
  });

  it('keeps newer keystrokes journaled when an older text is confirmed', async () => {
    server.set('a', '');
    const { q, api } = saves();
    q.edit('a', 'audit-1', { notes: 'Badge' }, 600);
    q.flush('a');
    q.edit('a', 'audit-1', { notes: 'Badge readers' }, 600);
    await api.answerOk();
    expect((await journaled('a'))?.text).toBe('Badge readers');
  });

  it('journals nothing for edits without notes', async () => {
    server.set('a', '');
    const { q, api } = saves();
    q.edit('a', 'audit-1', { result: 'conforming' }, 600);
    await vi.advanceTimersByTimeAsync(600);
    expect(api.save).toHaveBeenCalledWith('a', { result: 'conforming' });
    expect(await journaled('a')).toBeUndefined();
  });

  it('offers notes from an earlier session back, unless they are what the backend has or are being saved', async () => {
    server.set('a', 'Saved text');
    server.set('b', 'Same');
    journal.write({ ...notesOf('a'), auditId: 'audit-1', text: 'Typed offline', baseText: 'Saved text' });
    journal.write({ ...notesOf('b'), auditId: 'audit-1', text: 'Same', baseText: 'Old' });
    await journal.flush();
    const { q } = saves();

    expect(await q.check('a')).toMatchObject({ text: 'Typed offline', restored: { serverChanged: false } });
    // The backend already holds it: nothing to offer, and the entry goes.
    expect(await q.check('b')).toBeNull();
    expect(await journaled('b')).toBeUndefined();

    // This session is saving the item's notes: the queue owns them.
    q.edit('a', 'audit-1', { notes: 'Typed offline, then more' }, 600);
    expect(await q.check('a')).toBeNull();
  });

  it("discards restored notes on the user's word", async () => {
    server.set('a', '');
    journal.write({ ...notesOf('a'), auditId: 'audit-1', text: 'Unsaved', baseText: '' });
    const { q } = saves();
    await q.discard('a');
    expect(await journaled('a')).toBeUndefined();
  });
});
