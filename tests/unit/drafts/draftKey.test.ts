import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '#shared/api/result';
import type { DraftKey } from '#shared/domain/draft-key';
import { keepDraftKey } from '../../../renderer/src/lib/drafts/draftKey';
import { DraftJournal, draftKey, type DraftRef } from '../../../renderer/src/lib/drafts/journal';

const NOTES: DraftRef = { recordType: 'interview', recordId: 'i-1', field: 'notes' };

describe('the journal’s key from the backend', () => {
  it('asks again while unreachable or locked; the keystrokes typed meanwhile are written sealed once it comes', async () => {
    const journal = new DraftJournal({ name: `draft-key-${randomBytes(4).toString('hex')}`, schedule: (fn) => fn() });
    const answers: Result<DraftKey>[] = [
      { ok: false, error: { code: 'unavailable', message: 'Fieldwork is not reachable.' } },
      { ok: false, error: { code: 'locked', message: 'Fieldwork is locked.' } },
      { ok: true, value: { key: randomBytes(32).toString('base64') } },
    ];
    const fetchKey = vi.fn(() => Promise.resolve(answers.shift()!));
    journal.write({ ...NOTES, auditId: 'a-1', text: 'typed before the key', baseText: '' });
    const stop = keepDraftKey(journal, fetchKey, () => 0);
    await vi.waitFor(() => expect(journal.keyed).toBe(true));
    stop();
    expect(fetchKey).toHaveBeenCalledTimes(3);
    await journal.flush();
    expect((await journal.get(NOTES))?.text).toBe('typed before the key');
    expect(draftKey(NOTES)).toBe('interview/i-1/notes');
    journal.close();
  });

  it('stops asking once stopped (the page goes away)', async () => {
    vi.useFakeTimers();
    try {
      const journal = new DraftJournal({ name: `draft-key-${randomBytes(4).toString('hex')}` });
      const fetchKey = vi.fn(() =>
        Promise.resolve<Result<DraftKey>>({ ok: false, error: { code: 'locked', message: 'locked' } }),
      );
      const stop = keepDraftKey(journal, fetchKey, () => 1000);
      await vi.advanceTimersByTimeAsync(1000);
      expect(fetchKey).toHaveBeenCalledTimes(2);
      stop();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(fetchKey).toHaveBeenCalledTimes(2);
      expect(journal.keyed).toBe(false);
      journal.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
