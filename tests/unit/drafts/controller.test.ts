import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, Result } from '#shared/api/result';
import { DraftedText } from '../../../renderer/src/lib/drafts/controller';
import { DraftJournal, type DraftRef } from '../../../renderer/src/lib/drafts/journal';
import { testDraftKey } from './key';

/** The journal's key, as the renderer holds it once the backend gave it. */
const KEY = await testDraftKey();

const REF: DraftRef = { recordType: 'interview', recordId: 'int-1', field: 'summary' };

/** A backend whose answers the test gives, one save at a time. */
function backend() {
  const calls: { text: string; answer: (r: Result<unknown>) => void }[] = [];
  const save = vi.fn(
    (text: string) => new Promise<Result<unknown>>((answer) => calls.push({ text, answer: (r) => answer(r) })),
  );
  const answer = async (r: Result<unknown>) => {
    const call = calls.shift();
    if (!call) throw new Error('no save in flight');
    call.answer(r);
    // Let the controller settle and the journal finish its work.
    await vi.advanceTimersByTimeAsync(0);
  };
  return { save, calls, answer };
}

const ok: Result<unknown> = { ok: true, value: {} };
const failure = (code: ApiError['code'], message: string): Result<unknown> => ({ ok: false, error: { code, message } });

let dbCount = 0;
let journal: DraftJournal;

beforeEach(() => {
  // IndexedDB (fake-indexeddb) runs on setImmediate, which stays real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  journal = new DraftJournal({ name: `drafted-test-${++dbCount}`, schedule: (fn) => fn(), key: KEY });
});
afterEach(() => {
  journal.close();
  vi.useRealTimers();
});

function field(serverValue: string, save: (text: string) => Promise<Result<unknown>>, onRefused = vi.fn()) {
  const draft = new DraftedText(journal, { ...REF, auditId: 'audit-1', serverValue, save, debounceMs: 800 }, onRefused);
  draft.attach();
  return draft;
}

const journaled = async () => (await journal.get(REF))?.text;

describe('a drafted text field', () => {
  it('journals every change and saves once after a pause in typing', async () => {
    const api = backend();
    const draft = field('', api.save);
    draft.change('M');
    draft.change('Ma');
    draft.change('Mar');
    expect(draft.getSnapshot()).toMatchObject({ value: 'Mar', status: 'saving' });
    expect(await journaled()).toBe('Mar');

    await vi.advanceTimersByTimeAsync(799);
    expect(api.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(api.save).toHaveBeenCalledTimes(1);
    expect(api.save).toHaveBeenLastCalledWith('Mar');

    await api.answer(ok);
    expect(draft.getSnapshot().status).toBe('saved');
    expect(await journaled()).toBeUndefined();
  });

  it('keeps the journal entry for keystrokes typed while a save was in flight, then saves them', async () => {
    const api = backend();
    const draft = field('', api.save);
    draft.change('abc');
    await vi.advanceTimersByTimeAsync(800);
    draft.change('abcd');
    await api.answer(ok);
    expect(await journaled()).toBe('abcd');
    expect(draft.getSnapshot().status).toBe('saving');

    await vi.advanceTimersByTimeAsync(800);
    expect(api.save).toHaveBeenLastCalledWith('abcd');
    await api.answer(ok);
    expect(await journaled()).toBeUndefined();
    expect(draft.getSnapshot().status).toBe('saved');
  });

  it('saves on flush (blur) without waiting, and not twice', async () => {
    const api = backend();
    const draft = field('x', api.save);
    draft.change('xy');
    draft.flush();
    expect(api.save).toHaveBeenCalledWith('xy');
    draft.flush();
    await vi.advanceTimersByTimeAsync(2000);
    expect(api.save).toHaveBeenCalledTimes(1);
  });

  it('retries with back-off while the backend is unreachable and keeps the journal entry', async () => {
    const api = backend();
    const draft = field('', api.save);
    draft.change('typed offline');
    await vi.advanceTimersByTimeAsync(800);
    await api.answer(failure('unavailable', 'Fieldwork is not reachable.'));
    expect(draft.getSnapshot()).toMatchObject({
      status: 'failed',
      retrying: true,
      error: 'Fieldwork is not reachable.',
    });
    expect(await journaled()).toBe('typed offline');

    await vi.advanceTimersByTimeAsync(999);
    expect(api.save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.save).toHaveBeenCalledTimes(2);
    await api.answer(failure('unavailable', 'Fieldwork is not reachable.'));
    // Second failure: twice the wait.
    await vi.advanceTimersByTimeAsync(1999);
    expect(api.save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.save).toHaveBeenCalledTimes(3);
    await api.answer(ok);
    expect(draft.getSnapshot()).toMatchObject({ status: 'saved', error: null, retrying: false });
    expect(await journaled()).toBeUndefined();
  });

  it('does not resend a refused text, says why, and keeps it in the journal', async () => {
    const api = backend();
    const refused = vi.fn();
    const draft = field('', api.save, refused);
    draft.change('too long');
    await vi.advanceTimersByTimeAsync(800);
    await api.answer(failure('conflict', 'This audit is closed.'));
    expect(refused).toHaveBeenCalledWith({ code: 'conflict', message: 'This audit is closed.' });
    expect(draft.getSnapshot()).toMatchObject({ status: 'failed', retrying: false, error: 'This audit is closed.' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.save).toHaveBeenCalledTimes(1);
    expect(await journaled()).toBe('too long');

    // A change is worth trying again.
    draft.change('shorter');
    await vi.advanceTimersByTimeAsync(800);
    expect(api.save).toHaveBeenLastCalledWith('shorter');
  });

  it('restores unsaved text from the journal and saves it only when asked', async () => {
    journal.write({ ...REF, auditId: 'audit-1', text: 'saved text and more', baseText: 'saved text' });
    await journal.flush();
    const api = backend();
    const draft = field('saved text', api.save);
    await draft.load();
    expect(draft.getSnapshot()).toMatchObject({
      value: 'saved text and more',
      status: 'idle',
      restored: { serverChanged: false },
    });
    // Leaving the field does not decide for the user.
    draft.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(api.save).not.toHaveBeenCalled();

    draft.saveRestored();
    expect(api.save).toHaveBeenCalledWith('saved text and more');
    await api.answer(ok);
    expect(draft.getSnapshot()).toMatchObject({ restored: null, status: 'saved' });
    expect(await journaled()).toBeUndefined();
  });

  it('discards restored text back to the saved value', async () => {
    journal.write({ ...REF, auditId: 'audit-1', text: 'never saved', baseText: 'saved' });
    await journal.flush();
    const api = backend();
    const draft = field('saved', api.save);
    await draft.load();
    expect(draft.getSnapshot().restored).not.toBeNull();
    await draft.discardRestored();
    expect(draft.getSnapshot()).toMatchObject({ value: 'saved', restored: null });
    expect(await journaled()).toBeUndefined();
    expect(api.save).not.toHaveBeenCalled();
  });

  it('forgets a journal entry the server already has, silently', async () => {
    journal.write({ ...REF, auditId: 'audit-1', text: 'same', baseText: '' });
    await journal.flush();
    const draft = field('same', backend().save);
    await draft.load();
    expect(draft.getSnapshot()).toMatchObject({ value: 'same', restored: null });
    expect(await journaled()).toBeUndefined();
  });

  it('does not let a late journal read overwrite what the user is typing', async () => {
    journal.write({ ...REF, auditId: 'audit-1', text: 'old draft', baseText: '' });
    await journal.flush();
    const draft = field('', backend().save);
    const loading = draft.load();
    draft.change('new');
    await loading;
    expect(draft.getSnapshot()).toMatchObject({ value: 'new', restored: null });
  });

  it('follows a fresh server value unless the user has unsaved text', async () => {
    const api = backend();
    const draft = field('v1', api.save);
    draft.setServerValue('v2');
    expect(draft.getSnapshot().value).toBe('v2');
    draft.change('mine');
    draft.setServerValue('v3');
    expect(draft.getSnapshot().value).toBe('mine');
    await vi.advanceTimersByTimeAsync(800);
    expect(api.save).toHaveBeenCalledWith('mine');
  });

  it('sends pending text once when the field goes away, without retrying after', async () => {
    const api = backend();
    const draft = field('', api.save);
    draft.change('half a sentence');
    draft.detach();
    expect(api.save).toHaveBeenCalledWith('half a sentence');
    await api.answer(failure('unavailable', 'down'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.save).toHaveBeenCalledTimes(1);
    expect(await journaled()).toBe('half a sentence');
  });
});
