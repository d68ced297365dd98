import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPackage,
  emptyReplica,
  freshView,
  localEdit,
  rowKey,
  splitFresh,
  type MergeChange,
  type MergePackage,
  type ReplicaState,
} from '#shared/rules/merge/index';
import { clk } from './clocks';
import { historyArb, newWorld, step } from './history';

const RUNS = Number(process.env.MERGE_FUZZ_RUNS ?? 300);
const TIMEOUT = Math.max(120_000, RUNS * 60);

/**
 * The import's shortcut (splitFresh) against the rules it stands for: the
 * rows it takes show exactly what applyPackage derives for them, and the rest
 * of the package, applied alone, leaves every other row exactly as applying
 * the whole package does — with the same counts.
 */
function expectSplitAgrees(state: ReplicaState, pkg: MergePackage): number {
  const whole = applyPackage(state, pkg);
  const { fresh, rest } = splitFresh(state, pkg);
  const part = applyPackage(state, rest);
  const keys = new Set(fresh.map((f) => f.key));
  expect(keys.size).toBe(fresh.length);
  for (const f of fresh) {
    expect(f.key).toBe(rowKey(f.table, f.rowId));
    expect(state.history[f.key]).toBeUndefined();
    expect(freshView(f)).toEqual(whole.state.view[f.key]);
    const fields = Object.fromEntries(f.changes.map((c) => [c.field, { [c.clock]: c }]));
    expect(whole.state.history[f.key]).toEqual({ fields, tombstones: {} });
    expect(part.state.history[f.key]).toBeUndefined();
  }
  // Every entry of the package is in a fresh row or in the rest, once.
  const restIds = new Set(rest.changes);
  for (const c of pkg.changes) expect(Number(restIds.has(c)) + Number(keys.has(rowKey(c.table, c.rowId)))).toBe(1);
  expect(rest.tombstones).toBe(pkg.tombstones);
  const others = (s: ReplicaState) => ({
    history: Object.fromEntries(Object.entries(s.history).filter(([k]) => !keys.has(k))),
    view: Object.fromEntries(Object.entries(s.view).filter(([k]) => !keys.has(k))),
  });
  expect(others(part.state)).toEqual(others(whole.state));
  if (!whole.summary.alreadyImported)
    expect({ ...part.summary, added: part.summary.added + fresh.length }).toEqual(whole.summary);
  return fresh.length;
}

const change = (rowId: string, field: string, wall: number, replaces: string[] = []): MergeChange => ({
  table: 'results',
  rowId,
  field,
  value: `${field}@${wall}`,
  clock: clk(wall, 'dev-b'),
  device: 'dev-b',
  author: 'B',
  replaces,
});
const pkgOf = (changes: MergeChange[], tombstones: MergePackage['tombstones'] = []): MergePackage => ({
  packageId: 'p',
  sender: 'dev-b',
  vv: { 'dev-b': clk(1000, 'dev-b') },
  changes,
  tombstones,
});

describe('fresh rows of a package (the import shortcut, issue 13)', () => {
  it('takes a new row with one value a field, and nothing else', () => {
    const held = localEdit(emptyReplica('dev-a'), {
      table: 'results',
      rowId: 'held',
      field: 'title',
      value: 'x',
      clock: clk(1, 'dev-a'),
      author: 'A',
    });
    const pkg = pkgOf(
      [
        change('new', 'title', 10),
        change('twice', 'title', 11),
        change('new', 'notes', 12), // a row's entries need not come together
        change('twice', 'title', 13, [clk(11, 'dev-b')]),
        change('self', 'title', 14, [clk(14, 'dev-b')]), // replaces itself: shows nothing
        change('held', 'title', 15, [clk(1, 'dev-a')]),
        change('gone', 'title', 16),
      ],
      [
        {
          table: 'results',
          rowId: 'gone',
          clock: clk(17, 'dev-b'),
          device: 'dev-b',
          author: 'B',
          replaces: [clk(16, 'dev-b')],
        },
      ],
    );
    expect(splitFresh(held, pkg).fresh.map((f) => f.rowId)).toEqual(['new']);
    expect(expectSplitAgrees(held, pkg)).toBe(1);
  });

  it(
    'agrees with applyPackage on every package of random histories of three devices',
    () => {
      let taken = 0;
      fc.assert(
        fc.property(historyArb, (h) => {
          const w = newWorld(h.skew);
          const deliver = (s: ReplicaState, pkg: MergePackage) => {
            taken += expectSplitAgrees(s, pkg);
            return applyPackage(s, pkg).state;
          };
          for (const c of h.cmds) step(w, c, deliver);
        }),
        { numRuns: RUNS },
      );
      // The histories do reach the shortcut (else this test would prove nothing).
      expect(taken).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
