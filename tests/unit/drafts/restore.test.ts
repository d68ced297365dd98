import { describe, expect, it } from 'vitest';
import type { DraftEntry } from '../../../renderer/src/lib/drafts/journal';
import { decideRestore } from '../../../renderer/src/lib/drafts/restore';

const draft = (text: string, baseText: string): DraftEntry => ({
  key: 'interview/i-1/summary',
  recordType: 'interview',
  recordId: 'i-1',
  field: 'summary',
  auditId: 'a-1',
  text,
  baseText,
  updatedAt: '2026-03-03T09:30:00.000Z',
});

describe('restoring a draft on opening a field', () => {
  it('does nothing without a journal entry', () => {
    expect(decideRestore(undefined, 'saved')).toEqual({ action: 'none' });
  });

  it('drops an entry whose text the server already has', () => {
    expect(decideRestore(draft('saved', 'older'), 'saved')).toEqual({ action: 'drop', text: 'saved' });
  });

  it('restores text that differs from the server, with when it was typed', () => {
    expect(decideRestore(draft('saved and more', 'saved'), 'saved')).toEqual({
      action: 'restore',
      text: 'saved and more',
      restored: { savedAt: '2026-03-03T09:30:00.000Z', serverChanged: false },
    });
  });

  it('says when the saved value changed since the edit started', () => {
    const d = decideRestore(draft('mine', 'original'), 'changed elsewhere');
    expect(d).toMatchObject({ action: 'restore', restored: { serverChanged: true } });
  });

  it('restores an emptied field too', () => {
    expect(decideRestore(draft('', 'saved'), 'saved')).toMatchObject({ action: 'restore', text: '' });
  });
});
