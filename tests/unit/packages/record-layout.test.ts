import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MergeChange } from '#shared/rules/merge/index';
import { ChangeDecoder, encodeChanges, LayoutError } from '#core/packages/record-layout';

const DEVICES = ['01890000-0000-7000-8000-00000000000a', '01890000-0000-7000-8000-00000000000b'];
const clockArb = fc
  .tuple(
    fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
    fc.integer({ min: 0, max: 999_999 }),
    fc.constantFrom(...DEVICES),
  )
  .map(([ms, n, d]) => `${ms}-${String(n).padStart(6, '0')}-${d}`);
/** Values as the log holds them, and now and then an object (z.json() takes it; zod judges it). */
const valueArb = fc.oneof(
  fc.string(),
  fc.integer(),
  // -0 is written 0 by JSON, in either layout (the log's values come from json_quote, which has no -0).
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
/** Changes in runs of one row, clock and writer (as the log exports them), and in any order. */
const changeArb: fc.Arbitrary<MergeChange> = fc.record({
  table: fc.constantFrom('interviews', 'observations', 'checklist_items'),
  rowId: fc.constantFrom('r1', 'r2', 'a/b/c', 'é✓🔒'),
  field: fc.constantFrom('id', 'notes', 'result', 'audit_id', '__proto__', '0'),
  value: valueArb,
  clock: clockArb,
  device: fc.constantFrom(...DEVICES),
  author: fc.constantFrom('', 'Ava Auditor', 'Ünal “quoted”'),
  replaces: fc.array(clockArb, { maxLength: 3 }),
});

const decode = (text: string): MergeChange[] => {
  const out: MergeChange[] = [];
  const decoder = new ChangeDecoder((c) => MergeChange.parse(c));
  for (const line of text.split('\n')) if (line !== '') decoder.take(JSON.parse(line), out);
  return out;
};

describe("format 2's changes.jsonl: a record a line, fields declared per table", () => {
  it('decodes to exactly the changes encoded, in their order (300 random lists)', () => {
    const runs = fc.array(
      fc.tuple(
        changeArb,
        fc.uniqueArray(fc.tuple(fc.constantFrom('id', 'notes', 'result', 'x'), valueArb), {
          selector: (f) => f[0],
          maxLength: 4,
        }),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(runs, (groups) => {
        // A row's fields written at one clock come together, as the log exports them; other changes anywhere.
        const changes = groups.flatMap(([c, more]) => [
          c,
          ...more.filter(([f]) => f !== c.field).map(([field, value]) => ({ ...c, field, value, replaces: [] })),
        ]);
        expect(decode(encodeChanges(changes))).toEqual(changes);
      }),
      { numRuns: 300 },
    );
  }, 60_000); // seconds on a busy machine

  it('is a fraction of the one-object-a-line layout for a row of fields', () => {
    const row = (i: number): MergeChange[] =>
      ['id', 'audit_id', 'interviewee_name', 'interviewee_role', 'department', 'held_at', 'notes'].map((field) => ({
        table: 'interviews',
        rowId: `01890000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        field,
        value: `${field} ${i}`,
        clock: `1733350000000-${String(i).padStart(6, '0')}-${DEVICES[0]}`,
        device: DEVICES[0]!,
        author: 'Ava Auditor',
        replaces: [],
      }));
    const changes = Array.from({ length: 100 }, (_, i) => row(i)).flat();
    const v1 = changes.map((c) => `${JSON.stringify(c)}\n`).join('');
    expect(encodeChanges(changes).length).toBeLessThan(v1.length / 3);
  });

  it('refuses, in words, a record before its declarations, a field not declared and a base of a field not held', () => {
    const c = `1733350000000-000000-${DEVICES[0]}`;
    const head = [
      JSON.stringify({ table: 'interviews', fields: ['notes'] }),
      JSON.stringify({ device: DEVICES[0], author: '' }),
    ];
    const wrong =
      (...lines: unknown[]) =>
      () =>
        decode([...lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)))].join('\n'));
    expect(wrong([0, 0, 'r', c, 0, 'x'])).toThrow(new LayoutError('table: not a declared table'));
    expect(wrong(head[0], [0, 0, 'r', c, 0, 'x'])).toThrow(new LayoutError('writer: not a declared writer'));
    expect(wrong(...head, [0, 0, 'r', c, 1, 'x'])).toThrow(new LayoutError('field: not a declared field'));
    expect(wrong(...head, [0, 0, 'r', c, 0, 'x', { 3: [c] }])).toThrow(
      new LayoutError('replaces: a base of a field the record does not hold'),
    );
    expect(wrong(...head, [0, 0, '', c, 0, 'x'])).toThrow(new LayoutError('rowId: not a row id'));
    expect(wrong(...head, [0, 0, 'r', c])).toThrow(new LayoutError('a record without fields'));
    // A value other than a primitive goes to the schema, which judges it.
    expect(decode([...head, JSON.stringify([0, 0, 'r', c, 0, { a: [1] }])].join('\n'))[0]!.value).toEqual({ a: [1] });
  });
});
