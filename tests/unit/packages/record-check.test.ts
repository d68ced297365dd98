import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickChange, quickTombstone } from '#core/packages/record-check';
import { MergeChange, MergeTombstone } from '#shared/rules/merge/index';

/**
 * The quick check of a package's records may only say yes where zod says yes
 * and would give back the same record: else a record zod refuses (or rewrites)
 * would slip through the import. Lines are built as JSON text, so duplicate
 * keys and "__proto__" are tried as a hostile package could write them.
 */
const CLOCK = '1796449611387-000000-01a244bd-ac61-7194-9afb-d453f2b42d44';

const text = (n: number, c = 'a') => JSON.stringify(c.repeat(n));
/** Values near every limit of the schemas, right and wrong. */
const strings = [0, 1, 2, 63, 64, 65, 199, 200, 201].map((n) => text(n));
const clocks = [
  JSON.stringify(CLOCK),
  JSON.stringify(`1796449611387-000000-${'a'.repeat(64)}`),
  JSON.stringify(`1796449611387-000000-${'a'.repeat(65)}`),
  JSON.stringify('1796449611387-00000-abc'),
  JSON.stringify('179644961138-000000-abc'),
  JSON.stringify('1796449611387-000000-ABC'),
  JSON.stringify(`${CLOCK}\n`),
  JSON.stringify('١٧٩٦٤٤٩٦١١٣٨٧-000000-abc'),
  JSON.stringify(''),
  '1796449611387',
  'null',
];
const values = [
  '"ok"',
  '""',
  '0',
  '-0',
  '1.5e300',
  '1e999',
  '-1e999',
  'true',
  'false',
  'null',
  '[]',
  '[1,"a",null]',
  '{}',
  '{"a":[1,{"b":null}]}',
  '{"__proto__":1}',
  '[1e999]',
  text(5000),
];
const anyValue = fc.constantFrom(...strings, ...clocks, ...values, '[]', `[${JSON.stringify(CLOCK)}]`);
const replaces = fc.oneof(
  fc.constantFrom('[]', `[${JSON.stringify(CLOCK)}]`, '[1]', '["x"]', '{}', 'null', '"[]"'),
  fc.integer({ min: 998, max: 1002 }).map((n) => `[${Array(n).fill(JSON.stringify(CLOCK)).join(',')}]`),
);

const field = (name: string, arb: fc.Arbitrary<string>) =>
  fc.tuple(fc.constant(name), fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: anyValue }));

const lineOf = (pairs: [string, string][]): string =>
  `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;

/** Mostly the record's own keys with values near their limits; sometimes a key dropped, doubled or added. */
const record = (keys: [string, fc.Arbitrary<string>][]) =>
  fc
    .tuple(
      fc.tuple(...keys.map(([k, arb]) => field(k, arb))),
      fc.subarray(keys.map(([k]) => k)),
      fc.array(fc.tuple(fc.constantFrom('extra', '__proto__', 'table', 'value', 'field', 'constructor'), anyValue), {
        maxLength: 2,
      }),
      fc.boolean(),
    )
    .map(([pairs, dropped, extra, drop]) => {
      const kept = drop ? pairs.filter(([k]) => !dropped.slice(0, 1).includes(k)) : pairs;
      return lineOf([...kept, ...extra]);
    });

const common: [string, fc.Arbitrary<string>][] = [
  ['table', fc.constantFrom(...strings, '"checklist_items"')],
  ['rowId', fc.constantFrom(...strings, '"0193-a/b/c"')],
  ['clock', fc.constantFrom(...clocks)],
  ['device', fc.constantFrom(...strings)],
  ['author', fc.constantFrom(...strings, '"Ada Auditor"')],
  ['replaces', replaces],
];
const changeLine = record([
  ...common.slice(0, 2),
  ['field', fc.constantFrom(...strings, '"notes"')],
  ['value', fc.constantFrom(...values, ...strings)],
  ...common.slice(2),
]);
const tombstoneLine = record(common);

/** The line given to the quick check and to zod, each on its own parse (zod may not see what the quick check saw). */
function agree(line: string, quick: (v: unknown) => boolean, schema: typeof MergeChange | typeof MergeTombstone) {
  const json = JSON.parse(line) as unknown;
  if (!quick(json)) return true;
  const zod = schema.safeParse(JSON.parse(line));
  expect(zod.success, line.slice(0, 300)).toBe(true);
  expect(zod.data).toStrictEqual(JSON.parse(line));
  return true;
}

// Thousands of generated records through zod and the quick check: seconds on a busy machine.
describe('the quick check of package records says yes only where zod does', { timeout: 120_000 }, () => {
  it('for changes', () => {
    fc.assert(
      fc.property(changeLine, (line) => agree(line, quickChange, MergeChange)),
      { numRuns: 20_000 },
    );
  });

  it('for tombstones', () => {
    fc.assert(
      fc.property(tombstoneLine, (line) => agree(line, quickTombstone, MergeTombstone)),
      { numRuns: 20_000 },
    );
  });

  it('says yes to the records an export writes (so the import takes the quick path)', () => {
    const change = {
      table: 'interviews',
      rowId: '01a244bd-aa6f-715e-b39d-44608a0b0240',
      field: 'notes',
      value: 'Walked through the backup schedule',
      clock: CLOCK,
      device: '01a244bd-ac61-7194-9afb-d453f2b42d44',
      author: 'Auditor 1',
      replaces: [CLOCK],
    };
    const { field: _f, value: _v, ...tombstone } = change;
    for (const value of ['', 0, -3.25, true, false, null]) {
      expect(quickChange(JSON.parse(JSON.stringify({ ...change, value })))).toBe(true);
    }
    expect(quickTombstone(JSON.parse(JSON.stringify({ ...tombstone, replaces: [] })))).toBe(true);
    // Not a change: a tombstone, and the other way round.
    expect(quickChange(tombstone)).toBe(false);
    expect(quickTombstone(change)).toBe(false);
  });
});
