import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '#shared/api/result';
import { DraftedText } from '../../../renderer/src/lib/drafts/controller';
import { DraftJournal, type DraftRef } from '../../../renderer/src/lib/drafts/journal';
import { testDraftKey } from './key';
import { RecordSaves } from '../../../renderer/src/lib/drafts/recordSaves';
import { SaveQueue } from '../../../renderer/src/lib/drafts/saveQueue';

/** The journal's key, as the renderer holds it once the backend gave it. */
const KEY = await testDraftKey();

/** A record as a backend holds it: two fields saved by two different saves of the drawer. */
interface Rec {
  id: string;
  updatedAt: string;
  title: string;
  notes: string;
}
type Patch = Partial<Pick<Rec, 'title' | 'notes'>>;

/** A backend that answers when the test says, in the order the requests arrived. */
function backend<A extends unknown[]>() {
  const calls: { args: A; answer: (r: Result<Rec>) => void; fail: (e: Error) => void }[] = [];
  const save = vi.fn((...args: A) => new Promise<Result<Rec>>((answer, fail) => calls.push({ args, answer, fail })));
  const answer = async (r: Result<Rec>) => {
    const call = calls.shift();
    if (!call) throw new Error('no save in flight');
    call.answer(r);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { save, calls, answer };
}

const rec = (updatedAt: string, title: string, notes: string): Rec => ({ id: 'r1', updatedAt, title, notes });
const ok = (value: Rec): Result<Rec> => ({ ok: true, value });

beforeEach(() => {
  // IndexedDB (fake-indexeddb) runs on setImmediate, which stays real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the save queue: sends of one record', () => {
  it('never overlap: the next starts when the one before has answered, each answer to its caller', async () => {
    const api = backend<[string, Patch]>();
    const saved = vi.fn();
    const q = new SaveQueue<Rec, Patch>(api.save, saved);
    const first = q.send('r1', { title: 'A' });
    const second = q.send('r1', { notes: 'typed' });
    // Started at once, not after a tick: a page closing still sends it.
    expect(api.save).toHaveBeenCalledTimes(1);
    expect(api.save).toHaveBeenLastCalledWith('r1', { title: 'A' });

    await api.answer(ok(rec('t2', 'A', '')));
    expect(await first).toEqual(ok(rec('t2', 'A', '')));
    expect(api.save).toHaveBeenCalledTimes(2);
    expect(api.save).toHaveBeenLastCalledWith('r1', { notes: 'typed' });
    await api.answer(ok(rec('t3', 'A', 'typed')));
    expect(await second).toEqual(ok(rec('t3', 'A', 'typed')));
    expect(saved.mock.calls.map((c) => c[1] as Patch)).toEqual([{ title: 'A' }, { notes: 'typed' }]);
  });

  it('keeps records apart', () => {
    const api = backend<[string, Patch]>();
    const q = new SaveQueue<Rec, Patch>(api.save, vi.fn());
    void q.send('r1', { title: 'A' });
    void q.send('r2', { title: 'B' });
    expect(api.calls.map((c) => c.args[0])).toEqual(['r1', 'r2']);
  });

  it('are not merged with each other or retried: a failure is the caller’s to show', async () => {
    const api = backend<[string, Patch]>();
    const q = new SaveQueue<Rec, Patch>(api.save, vi.fn());
    const first = q.send('r1', { title: 'A' });
    void q.send('r1', { title: 'B' });
    await api.answer({ ok: false, error: { code: 'unavailable', message: 'Fieldwork is not reachable.' } });
    expect(await first).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // The second goes as it was sent, after the first's answer.
    expect(api.save).toHaveBeenLastCalledWith('r1', { title: 'B' });
    await api.answer(ok(rec('t2', 'B', '')));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.save).toHaveBeenCalledTimes(2);
  });

  it('a save that never reached the backend rejects, and the next one still goes', async () => {
    const api = backend<[string, Patch]>();
    const q = new SaveQueue<Rec, Patch>(api.save, vi.fn());
    const first = q.send('r1', { title: 'A' });
    const second = q.send('r1', { title: 'B' });
    api.calls.shift()?.fail(new Error('IPC channel closed'));
    await expect(first).rejects.toThrow('IPC channel closed');
    expect(api.save).toHaveBeenLastCalledWith('r1', { title: 'B' });
    await api.answer(ok(rec('t2', 'B', '')));
    expect(await second).toMatchObject({ ok: true });
  });

  it('and scheduled edits of the same record wait for each other', async () => {
    const api = backend<[string, Patch]>();
    const q = new SaveQueue<Rec, Patch>(api.save, vi.fn());
    void q.send('r1', { title: 'A' });
    q.schedule('r1', { notes: 'n' }, 10);
    await vi.advanceTimersByTimeAsync(10);
    // The delay is over, but the send is in flight: its answer sends the edit.
    expect(api.save).toHaveBeenCalledTimes(1);
    await api.answer(ok(rec('t2', 'A', '')));
    expect(api.save).toHaveBeenLastCalledWith('r1', { notes: 'n' });
  });
});

describe('the saves of one open record', () => {
  it('build each request when it is sent, from the record as the server last returned it', async () => {
    const api = backend<[Rec, Patch]>();
    const saves = new RecordSaves<Rec, Patch>(rec('t1', 'Old title', 'Old notes'), api.save);
    // The form's Save and the notes' autosave, at once.
    const form = saves.send({ title: 'New title' });
    const text = saves.send({ notes: 'New notes' });
    expect(api.calls.map((c) => c.args)).toEqual([[rec('t1', 'Old title', 'Old notes'), { title: 'New title' }]]);
    await api.answer(ok(rec('t2', 'New title', 'Old notes')));
    // Built from the form's answer: the notes' save keeps the new title.
    expect(api.calls[0]?.args).toEqual([rec('t2', 'New title', 'Old notes'), { notes: 'New notes' }]);
    await api.answer(ok(rec('t3', 'New title', 'New notes')));
    expect((await form).ok && (await text).ok).toBe(true);
  });

  it('ignore a reloaded copy older than a save’s answer', async () => {
    const api = backend<[Rec, Patch]>();
    const saves = new RecordSaves<Rec, Patch>(rec('t1', 'One', ''), api.save);
    void saves.send({ title: 'Two' });
    await api.answer(ok(rec('t2', 'Two', '')));
    // A list reload that was fetched before the save answered.
    saves.seen(rec('t1', 'One', ''));
    void saves.send({ notes: 'n' });
    expect(api.calls[0]?.args[0]).toEqual(rec('t2', 'Two', ''));
    await api.answer(ok(rec('t3', 'Two', 'n')));
    // A newer copy (saved elsewhere) is taken.
    saves.seen(rec('t4', 'Three', 'n'));
    void saves.send({ notes: 'm' });
    expect(api.calls[0]?.args[0]).toEqual(rec('t4', 'Three', 'n'));
  });

  it('refuse to save a record not created yet', async () => {
    const saves = new RecordSaves<Rec, Patch>(null, vi.fn());
    await expect(saves.send({ title: 'x' })).rejects.toThrow('not saved yet');
  });
});

describe('a drafted text saved with its record', () => {
  const REF: DraftRef = { recordType: 'interview', recordId: 'r1', field: 'notes' };
  let journal: DraftJournal;
  let dbCount = 0;
  beforeEach(() => {
    journal = new DraftJournal({ name: `record-saves-${++dbCount}`, schedule: (fn) => fn(), key: KEY });
  });
  afterEach(() => journal.close());

  it('waits for the form’s save; the last typed text is saved, and its journal entry goes only then', async () => {
    const api = backend<[Rec, Patch]>();
    const saves = new RecordSaves<Rec, Patch>(rec('t1', 'Title', ''), api.save);
    const draft = new DraftedText(journal, {
      ...REF,
      auditId: 'a1',
      serverValue: '',
      save: (text) => saves.send({ notes: text }),
      debounceMs: 800,
    });
    draft.attach();

    void saves.send({ title: 'Renamed' });
    draft.change('First');
    await vi.advanceTimersByTimeAsync(800);
    // Queued behind the form's save, not sent beside it.
    expect(api.calls).toHaveLength(1);
    draft.change('First words');
    await api.answer(ok(rec('t2', 'Renamed', '')));
    expect(api.calls[0]?.args).toEqual([rec('t2', 'Renamed', ''), { notes: 'First' }]);

    await api.answer(ok(rec('t3', 'Renamed', 'First')));
    // 'First' is saved, but 'First words' is newer: the journal keeps it.
    expect((await journal.get(REF))?.text).toBe('First words');
    await vi.advanceTimersByTimeAsync(800);
    expect(api.calls[0]?.args).toEqual([rec('t3', 'Renamed', 'First'), { notes: 'First words' }]);
    await api.answer(ok(rec('t4', 'Renamed', 'First words')));
    await journal.flush();
    expect(await journal.get(REF)).toBeUndefined();
    expect(draft.getSnapshot()).toMatchObject({ value: 'First words', status: 'saved' });
  });
});
