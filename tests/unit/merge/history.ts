import fc from 'fast-check';
import {
  applyPackage,
  emptyReplica,
  exportPackage,
  listConflicts,
  localDelete,
  localEdit,
  resolveConflict,
  rowKey,
  type JsonValue,
  type MergePackage,
  type ReplicaState,
} from '#shared/rules/merge/index';
import { clk } from './clocks';

/**
 * Random histories over three devices: local edits, deletes, conflict
 * decisions, exports (full or delta) delivered at once or later in any order.
 */
export const DEVICES = ['dev-a', 'dev-b', 'dev-c'] as const;
export const TABLES = ['results', 'interviews'] as const;
export const GROW_ONLY = ['interviews'];

const dev = fc.integer({ min: 0, max: 2 });
type Cmd =
  | { kind: 'edit'; dev: number; table: number; row: number; field: number; value: number }
  | { kind: 'delete'; dev: number; row: number }
  | { kind: 'export'; from: number; to: number; delta: boolean; now: boolean }
  | { kind: 'deliver'; pick: number }
  | { kind: 'resolve'; dev: number; pick: number; keep: boolean };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      dev,
      table: fc.integer({ min: 0, max: 1 }),
      row: fc.integer({ min: 0, max: 1 }),
      field: fc.integer({ min: 0, max: 1 }),
      value: fc.integer({ min: 0, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), dev, row: fc.integer({ min: 0, max: 1 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('export' as const),
      from: dev,
      to: dev,
      delta: fc.boolean(),
      now: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('resolve' as const), dev, pick: fc.nat(), keep: fc.boolean() }),
  },
);

/** Per-device clock skew (wall ms), so clock order and causal order often disagree. */
export const historyArb: fc.Arbitrary<History> = fc.record({
  skew: fc.tuple(fc.nat(9), fc.nat(9), fc.nat(9)),
  cmds: fc.array(cmd, { maxLength: 60, size: 'max' }),
});
export interface History {
  skew: [number, number, number];
  cmds: Cmd[];
}

export interface Saved {
  table: string;
  rowId: string;
  field: string;
  clock: string;
  value: JsonValue;
}
export interface Pending {
  to: number;
  pkg: MergePackage;
}

export interface World {
  replicas: ReplicaState[];
  pending: Pending[];
  /** Every value any device ever saved. */
  saved: Saved[];
  step: number;
  skew: readonly number[];
  packages: number;
}

export const newWorld = (skew: readonly number[]): World => ({
  replicas: DEVICES.map((d) => emptyReplica(d, { growOnly: GROW_ONLY })),
  pending: [],
  saved: [],
  step: 0,
  skew,
  packages: 0,
});

const nextClock = (w: World, d: number): string => clk(++w.step * 10 + w.skew[d]!, DEVICES[d]!);

export const exportFrom = (w: World, from: number, to: number, delta: boolean): MergePackage => {
  const since = delta ? (w.replicas[from]!.seenBy[DEVICES[to]!] ?? {}) : {};
  return exportPackage(w.replicas[from]!, `pkg-${++w.packages}`, since);
};

/** Every entry a device wrote at one clock (a decision may write several fields at once). */
const savedAt = (s: ReplicaState, clock: string): Saved[] =>
  Object.values(s.history).flatMap((row) =>
    Object.values(row.fields).flatMap((byClock) => (byClock[clock] ? [byClock[clock]] : [])),
  );

/** Runs one command; `deliver` is called for each package a device receives. */
export const step = (w: World, c: Cmd, deliver: (s: ReplicaState, pkg: MergePackage) => ReplicaState): void => {
  const r = w.replicas;
  if (c.kind === 'edit') {
    const clock = nextClock(w, c.dev);
    const change = { table: TABLES[c.table]!, rowId: `row${c.row}`, field: `f${c.field}`, value: c.value, clock };
    r[c.dev] = localEdit(r[c.dev]!, { ...change, author: `author-${c.dev}` });
    w.saved.push(change);
  } else if (c.kind === 'delete') {
    const view = r[c.dev]!.view[rowKey('results', `row${c.row}`)];
    if (!view || view.deleted) return;
    r[c.dev] = localDelete(r[c.dev]!, {
      table: 'results',
      rowId: `row${c.row}`,
      clock: nextClock(w, c.dev),
      author: 'x',
    });
  } else if (c.kind === 'export') {
    if (c.from === c.to) return;
    const pkg = exportFrom(w, c.from, c.to, c.delta);
    if (c.now) r[c.to] = deliver(r[c.to]!, pkg);
    else w.pending.push({ to: c.to, pkg });
  } else if (c.kind === 'deliver') {
    if (w.pending.length === 0) return;
    const [p] = w.pending.splice(c.pick % w.pending.length, 1);
    r[p!.to] = deliver(r[p!.to]!, p!.pkg);
  } else {
    const open = listConflicts(r[c.dev]!);
    if (open.length === 0) return;
    const conflict = open[c.pick % open.length]!;
    const candidate = conflict.candidates[c.pick % conflict.candidates.length]!;
    const chosen = conflict.field === null ? (c.keep ? 'keep' : 'delete') : 'value' in candidate ? candidate.value : 0;
    const clock = nextClock(w, c.dev);
    r[c.dev] = resolveConflict(r[c.dev]!, conflict, chosen, clock, 'lead');
    w.saved.push(...savedAt(r[c.dev]!, clock));
  }
};

export const plainDeliver = (s: ReplicaState, pkg: MergePackage): ReplicaState => applyPackage(s, pkg).state;

/** Everyone sends everyone a delta, twice over: after that, every device holds every entry. */
export const exchangeAll = (w: World, deliver = plainDeliver): void => {
  for (const p of w.pending.splice(0)) w.replicas[p.to] = deliver(w.replicas[p.to]!, p.pkg);
  for (let round = 0; round < 2; round++)
    for (let from = 0; from < 3; from++)
      for (let to = 0; to < 3; to++)
        if (from !== to) w.replicas[to] = deliver(w.replicas[to]!, exportFrom(w, from, to, true));
};
