import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, Result } from '#shared/api/result';
import type { ChecklistItem, ChecklistItemPatch } from '#shared/domain/checklist';
import { SaveQueue, type SaveStatus } from '../../../renderer/src/lib/drafts/saveQueue';

/** What the backend answers with; only the fields the queue passes on matter here. */
const item = (id: string, patch: ChecklistItemPatch): ChecklistItem =>
  ({ id, notes: patch.notes ?? '', result: patch.result ?? 'not_audited' }) as ChecklistItem;

/** A backend whose answers the test gives, in the order the saves arrived. */
function backend() {
  const calls: { id: string; patch: ChecklistItemPatch; answer: (r: Result<ChecklistItem>) => void }[] = [];
  const save = vi.fn(
    (id: string, patch: ChecklistItemPatch) =>
      new Promise<Result<ChecklistItem>>((answer) => calls.push({ id, patch, answer })),
  );
  const answer = async (r: 'ok' | { code: ApiError['code']; message: string }) => {
    const call = calls.shift();
    if (!call) throw new Error('no save in flight');
    call.answer(r === 'ok' ? { ok: true, value: item(call.id, call.patch) } : { ok: false, error: r });
    await vi.advanceTimersByTimeAsync(0);
  };
  return { save, calls, answer };
}

function queue() {
  const api = backend();
  const saved = vi.fn<(item: ChecklistItem, sent: ChecklistItemPatch) => void>();
  const q = new SaveQueue(api.save, saved);
  const states: SaveStatus['state'][] = [];
  q.subscribe(() => states.push(q.getStatus().state));
  return { q, api, saved, states };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the save queue: autosave of checklist items', () => {
  it("merges an item's edits into one patch, sent after the delay", async () => {
    const { q, api, saved } = queue();
    q.schedule('a', { notes: 'Asked' }, 600);
    q.schedule('a', { notes: 'Asked the CISO' }, 600);
    q.schedule('a', { sampleSize: 5 }, 600);
    await vi.advanceTimersByTimeAsync(599);
    expect(api.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(api.save).toHaveBeenCalledTimes(1);
    expect(api.save).toHaveBeenCalledWith('a', { notes: 'Asked the CISO', sampleSize: 5 });
    await api.answer('ok');
    expect(saved).toHaveBeenCalledWith(expect.objectContaining({ id: 'a', notes: 'Asked the CISO' }), {
      notes: 'Asked the CISO',
      sampleSize: 5,
    });
  });

  it('sends a result at once, after the next paint rather than inside the key press', async () => {
    const { q, api } = queue();
    q.schedule('a', { result: 'conforming' }, 0);
    expect(api.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(50);
    expect(api.save).toHaveBeenCalledWith('a', { result: 'conforming' });
  });

  it('keeps items apart and sends one request per item at a time', async () => {
    const { q, api } = queue();
    q.schedule('a', { notes: 'one' }, 10);
    q.schedule('b', { notes: 'other item' }, 10);
    await vi.advanceTimersByTimeAsync(10);
    expect(api.calls.map((c) => [c.id, c.patch])).toEqual([
      ['a', { notes: 'one' }],
      ['b', { notes: 'other item' }],
    ]);
    // Typed while 'a' is in flight: waits for its answer.
    q.schedule('a', { notes: 'one two' }, 10);
    q.flush('a');
    expect(api.save).toHaveBeenCalledTimes(2);
    expect(q.unconfirmed('a')).toEqual({ notes: 'one two' });
    await api.answer('ok');
    expect(api.save).toHaveBeenCalledTimes(3);
    expect(api.save).toHaveBeenLastCalledWith('a', { notes: 'one two' });
  });

  it('flushes on demand without waiting for the delay', () => {
    const { q, api } = queue();
    q.schedule('a', { notes: 'x' }, 600);
    q.schedule('b', { notes: 'y' }, 600);
    q.flushAll();
    expect(api.save).toHaveBeenCalledTimes(2);
    expect(q.busy()).toBe(true);
  });

  it('retries with back-off while the backend is unreachable, newer edits winning', async () => {
    const { q, api, states } = queue();
    q.schedule('a', { notes: 'offline', result: 'ofi' }, 10);
    await vi.advanceTimersByTimeAsync(10);
    await api.answer({ code: 'unavailable', message: 'Fieldwork is not reachable.' });
    expect(q.getStatus()).toEqual({ state: 'failed', message: 'Fieldwork is not reachable.', retrying: true });
    // Kept for the retry, so it stays on screen.
    expect(q.unconfirmed('a')).toEqual({ notes: 'offline', result: 'ofi' });

    q.schedule('a', { notes: 'offline, more' }, 5000);
    // The newer edit's own timer replaces the back-off.
    await vi.advanceTimersByTimeAsync(5000);
    expect(api.save).toHaveBeenCalledTimes(2);
    expect(api.save).toHaveBeenLastCalledWith('a', { notes: 'offline, more', result: 'ofi' });
    await api.answer({ code: 'unavailable', message: 'Fieldwork is not reachable.' });

    // Second failure in a row: waits 2 s.
    await vi.advanceTimersByTimeAsync(1999);
    expect(api.save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.save).toHaveBeenCalledTimes(3);
    await api.answer('ok');
    expect(q.getStatus()).toEqual({ state: 'saved' });
    expect(q.busy()).toBe(false);
    expect(states).toEqual(['saving', 'failed', 'saved']);
  });

  it('treats a save that never reached the backend as unreachable', async () => {
    const save = vi.fn(() => Promise.reject(new Error('IPC channel closed')));
    const q = new SaveQueue(save, vi.fn());
    q.schedule('a', { notes: 'x' }, 0);
    await vi.advanceTimersByTimeAsync(50);
    expect(q.getStatus()).toMatchObject({ state: 'failed', retrying: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('retries after an unexpected backend error too: the backend may have crashed and restarted', async () => {
    const { q, api } = queue();
    q.schedule('a', { notes: 'x' }, 10);
    await vi.advanceTimersByTimeAsync(10);
    await api.answer({ code: 'internal', message: 'Something went wrong in Fieldwork.' });
    expect(q.getStatus()).toMatchObject({ state: 'failed', retrying: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.save).toHaveBeenCalledTimes(2);
  });

  it('does not resend an edit the backend refused', async () => {
    const { q, api, saved } = queue();
    q.schedule('a', { notes: 'on a closed audit' }, 10);
    await vi.advanceTimersByTimeAsync(10);
    await api.answer({ code: 'conflict', message: 'This audit is closed.' });
    expect(q.getStatus()).toEqual({ state: 'failed', message: 'This audit is closed.', retrying: false });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(api.save).toHaveBeenCalledTimes(1);
    expect(saved).not.toHaveBeenCalled();
    expect(q.busy()).toBe(false);
    expect(q.unconfirmed('a')).toBeUndefined();
  });

  it('does not resend invalid input either, but sends the next edit', async () => {
    const { q, api } = queue();
    q.schedule('a', { sampleSize: -1 }, 10);
    await vi.advanceTimersByTimeAsync(10);
    await api.answer({ code: 'invalid_input', message: 'Sample size can not be negative.' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(api.save).toHaveBeenCalledTimes(1);
    q.schedule('a', { sampleSize: 3 }, 10);
    await vi.advanceTimersByTimeAsync(10);
    expect(api.save).toHaveBeenLastCalledWith('a', { sampleSize: 3 });
    await api.answer('ok');
    expect(q.getStatus()).toEqual({ state: 'saved' });
  });

  it('goes idle → saving → saved, and tells listeners only on a change', async () => {
    const { q, api, states } = queue();
    expect(q.getStatus()).toEqual({ state: 'idle' });
    q.schedule('a', { notes: 'a' }, 10);
    q.schedule('a', { notes: 'ab' }, 10);
    await vi.advanceTimersByTimeAsync(10);
    await api.answer('ok');
    expect(states).toEqual(['saving', 'saved']);
  });

  it('stops its timers when disposed', async () => {
    const { q, api } = queue();
    q.schedule('a', { notes: 'x' }, 600);
    q.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.save).not.toHaveBeenCalled();
  });
});
