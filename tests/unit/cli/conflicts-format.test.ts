import { describe, expect, it } from 'vitest';
import { describeConflicts, shorten } from '#cli/conflicts';
import type { ConflictView } from '#shared/domain/team';

const candidate = (value: unknown, author: string, at: string, deleted = false) => ({
  deleted,
  value,
  clock: `${Date.parse(at)}-000000-device`,
  at,
  device: 'device',
  author,
});

describe('fieldwork conflicts, its text', () => {
  it('shows a value on one line: quoted text, line breaks as ⏎, long texts shortened in the middle', () => {
    expect(shorten('Policy seen')).toBe('"Policy seen"');
    expect(shorten('first line\nsecond line')).toBe('"first line⏎second line"');
    expect(shorten(3)).toBe('3');
    expect(shorten(null)).toBe('null');
    const long = `Start ${'x'.repeat(200)} the end.`;
    const s = shorten(long);
    expect([...s]).toHaveLength(60);
    expect(s.startsWith('"Start xxx')).toBe(true);
    expect(s.endsWith(' the end."')).toBe(true);
    expect(s).toContain('…');
    // Counted in characters, not UTF-16 units: an emoji is never cut in half.
    expect(shorten('😀'.repeat(100)).includes('\uFFFD')).toBe(false);
    expect([...shorten('😀'.repeat(100))]).toHaveLength(60);
  });

  it('lists each conflict with its record, field and candidates; the last one is marked as shown', () => {
    const list: ConflictView[] = [
      {
        table: 'checklist_items',
        rowId: 'a',
        field: 'notes',
        kind: 'checklist',
        label: 'A.5.1 Policies for information security',
        candidates: [
          candidate('Lead saw v1', 'Lena Lead', '2026-03-02T09:00:00.000Z'),
          candidate('Arno saw v2', 'Arno Auditor', '2026-03-02T10:00:00.000Z'),
        ],
      },
      {
        table: 'interviews',
        rowId: 'b',
        field: null,
        kind: 'interviews',
        label: 'Interview with Ines Ops',
        candidates: [
          candidate(null, 'Lena Lead', '2026-03-02T09:00:00.000Z', true),
          candidate('Backups', '', '2026-03-02T11:00:00.000Z'),
        ],
      },
    ];
    const text = describeConflicts(list);
    const lines = text.split('\n');
    expect(lines[0]).toBe("2 open conflicts; decide them in the app's Team tab.");
    expect(lines[2]).toBe('A.5.1 Policies for information security — notes');
    expect(lines[3]).toMatch(/^ {6}"Lead saw v1" — Lena Lead, .+$/);
    expect(lines[4]).toMatch(/^ {4}▸ "Arno saw v2" — Arno Auditor, .+ \(shown\)$/);
    expect(lines[6]).toBe('Interview with Ines Ops — deleted on one side, edited on another');
    expect(lines[7]).toMatch(/^ {6}\(deleted\) — Lena Lead, /);
    expect(lines[8]).toMatch(/^ {4}▸ "Backups" — unknown author, .+ \(shown\)$/);
    expect(describeConflicts([])).toBe('No open conflicts in this audit.\n');
  });
});
