import { describe, expect, it } from 'vitest';
import type { ParsedSoa, SoaRow } from '#core/soa/parse';
import { buildSoaPreview } from '#core/soa/preview';
import { annexAControls, titleOf } from './soa-helpers';

const row = (line: number, number: string, applicable: boolean | null, justification = '', status = ''): SoaRow => ({
  line,
  number,
  applicable,
  justification,
  status,
});
const parsed = (rows: SoaRow[], problems: ParsedSoa['problems'] = []): ParsedSoa => ({ version: '4', rows, problems });

describe('buildSoaPreview', () => {
  it('counts rows that match what the control already has as unchanged, and shows the rest with before and after', () => {
    const controls = annexAControls().map((c) =>
      c.number === '5.1' || c.number === '5.2'
        ? { ...c, soa: { applicable: true, justification: 'Needed', status: 'Implemented' } }
        : c,
    );
    const preview = buildSoaPreview(
      parsed([
        row(2, '5.1', true, 'Needed', 'Implemented'),
        row(3, '5.2', false, 'Outsourced', ''),
        row(4, '5.3', true),
      ]),
      controls,
    );
    expect(preview.version).toBe('4');
    expect(preview.rows).toBe(3);
    expect(preview.unchanged).toBe(1);
    expect(preview.changes).toEqual([
      {
        ref: 'A.5.2',
        number: '5.2',
        title: titleOf('5.2'),
        before: { applicable: true, justification: 'Needed', status: 'Implemented' },
        after: { applicable: false, justification: 'Outsourced', status: '' },
      },
      {
        ref: 'A.5.3',
        number: '5.3',
        title: titleOf('5.3'),
        before: null,
        after: { applicable: true, justification: '', status: '' },
      },
    ]);
    expect(preview.excluded).toEqual([{ number: '5.2', title: titleOf('5.2'), justification: 'Outsourced' }]);
    expect(preview.missing).toHaveLength(90);
  });

  it('flags an exclusion without a justification and keeps problems in line order', () => {
    const preview = buildSoaPreview(
      parsed(
        [row(7, '6.1', false), row(9, '6.2', null)],
        [{ line: 9, message: 'Applicability is empty; expected yes or no' }],
      ),
      annexAControls(),
    );
    expect(preview.problems).toEqual([
      { line: 7, message: 'Excluded without a justification' },
      { line: 9, message: 'Applicability is empty; expected yes or no' },
    ]);
    expect(preview.excluded).toEqual([{ number: '6.1', title: titleOf('6.1'), justification: '' }]);
    expect(preview.changes.map((c) => c.number)).toEqual(['6.1']);
    expect(preview.missing.map((m) => m.number)).not.toContain('6.2');
  });

  it('lists every later duplicate, and unknown numbers as written', () => {
    const preview = buildSoaPreview(
      parsed([
        row(2, '8.1', true),
        row(3, '8.1', false, 'x'),
        { ...row(4, '9.1', true), written: 'A.9.1' },
        row(5, '8.1', true),
      ]),
      annexAControls(),
    );
    expect(preview.duplicates).toEqual([
      { line: 3, number: '8.1' },
      { line: 5, number: '8.1' },
    ]);
    expect(preview.unknown).toEqual([{ line: 4, number: 'A.9.1' }]);
    expect(preview.excluded).toEqual([]);
  });
});
