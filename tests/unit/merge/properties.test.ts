import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPackage, type MergePackage, type ReplicaState } from '#shared/rules/merge/index';
import { expectedRows } from './oracle';
import {
  exchangeAll,
  writeId,
  exportFrom,
  historyArb,
  newWorld,
  plainDeliver,
  step,
  type History,
  type World,
} from './history';

/** MERGE_FUZZ_RUNS (npm run test:fuzz-merge) runs many more histories than the normal suite. */
const RUNS = Number(process.env.MERGE_FUZZ_RUNS ?? 1000);
const TIMEOUT = Math.max(120_000, RUNS * 60);
const check = <T extends [unknown, ...unknown[]]>(prop: fc.IProperty<T>) => fc.assert(prop, { numRuns: RUNS });

const run = (h: History, deliver = plainDeliver): World => {
  const w = newWorld(h.skew);
  for (const c of h.cmds) step(w, c, deliver);
  return w;
};

/** What a replica holds, without who it is or which packages brought it. */
const records = (s: ReplicaState) => ({ history: s.history, view: s.view, vv: s.vv });

const entryIds = (s: ReplicaState): string[] =>
  Object.entries(s.history).flatMap(([key, row]) => [
    ...Object.entries(row.fields).flatMap(([field, byClock]) =>
      Object.keys(byClock).map((c) => `${key}|${field}|${c}`),
    ),
    ...Object.keys(row.tombstones).map((c) => `${key}|†|${c}`),
  ]);

describe('merge invariants over random histories of three devices (issue 13)', () => {
  it(
    'idempotence: the same package again changes nothing and says it was already imported',
    () => {
      const twice = (s: ReplicaState, pkg: MergePackage) => {
        const once = applyPackage(s, pkg).state;
        const again = applyPackage(once, pkg);
        expect(again.summary).toEqual({ added: 0, changed: 0, conflicts: 0, alreadyImported: true });
        expect(again.state).toEqual(once);
        // The same entries under another package id change no record either.
        const copy = applyPackage(once, { ...pkg, packageId: `${pkg.packageId}-copy` });
        expect(copy.summary).toMatchObject({ added: 0, changed: 0, conflicts: 0 });
        expect(records(copy.state)).toEqual(records(once));
        return once;
      };
      check(fc.property(historyArb, (h) => void exchangeAll(run(h, twice), twice)));
    },
    TIMEOUT,
  );

  it(
    'commutativity: packages applied in either order give exactly the same state',
    () => {
      check(
        fc.property(historyArb, fc.nat(2), fc.boolean(), (h, target, delta) => {
          const w = run(h);
          const others = [0, 1, 2].filter((d) => d !== target);
          const pkgs = [
            ...w.pending.filter((p) => p.to === target).map((p) => p.pkg),
            ...others.map((from) => exportFrom(w, from, target, delta)),
          ];
          const start = w.replicas[target]!;
          const forward = pkgs.reduce(plainDeliver, start);
          const backward = [...pkgs].reverse().reduce(plainDeliver, start);
          expect(backward).toEqual(forward);
          // Every pair, both ways, from the same start.
          const [a, b] = [pkgs.at(-2)!, pkgs.at(-1)!];
          expect(plainDeliver(plainDeliver(start, b), a)).toEqual(plainDeliver(plainDeliver(start, a), b));
        }),
      );
    },
    TIMEOUT,
  );

  it(
    'no loss: a merge never drops an entry, and every value any side saved can be read back from the history',
    () => {
      const keeps = (s: ReplicaState, pkg: MergePackage) => {
        const after = applyPackage(s, pkg).state;
        const held = new Set(entryIds(after));
        for (const id of entryIds(s)) expect(held.has(id)).toBe(true);
        return after;
      };
      check(
        fc.property(historyArb, (h) => {
          const w = run(h, keeps);
          exchangeAll(w, keeps);
          for (const s of w.replicas)
            for (const v of w.saved) {
              const row = s.history[JSON.stringify([v.table, v.rowId])];
              expect(row?.fields[v.field]?.[v.clock]?.value).toEqual(v.value);
            }
        }),
      );
    },
    TIMEOUT,
  );

  it(
    'whole records: a record that shows, shows every field it ever had (a database row needs them all)',
    () => {
      check(
        fc.property(historyArb, (h) => {
          const w = run(h);
          exchangeAll(w);
          for (const s of w.replicas)
            for (const [key, row] of Object.entries(s.view)) {
              if (row.deleted) continue;
              expect([key, Object.keys(row.fields).sort()]).toEqual([key, Object.keys(s.history[key]!.fields).sort()]);
            }
        }),
      );
    },
    TIMEOUT,
  );

  it(
    'convergence: once everyone has exchanged everything, all replicas hold and show the same records and conflicts',
    () => {
      check(
        fc.property(historyArb, (h) => {
          const w = run(h);
          exchangeAll(w);
          const [first, ...rest] = w.replicas.map(records);
          for (const r of rest) expect(r).toEqual(first);
        }),
      );
    },
    TIMEOUT,
  );

  it(
    'conflicts are exactly the concurrent different values and the deletions next to concurrent edits (checked against causality)',
    () => {
      check(
        fc.property(historyArb, (h) => {
          const w = run(h);
          exchangeAll(w);
          const values = new Map(w.saved.map((v) => [writeId(v.table, v.rowId, v.field, v.clock), v.value as unknown]));
          const expected = expectedRows(w, values);
          const s = w.replicas[0]!;
          const actual = new Map(
            Object.entries(s.view).map(([key, row]) => [
              key,
              {
                deleted: row.deleted,
                conflicts: row.conflicts
                  .map((c) => `${c.field ?? '†'}|${c.candidates.map((x) => x.clock).join(',')}`)
                  .sort(),
              },
            ]),
          );
          expect(actual).toEqual(expected);
        }),
      );
    },
    TIMEOUT,
  );
});
