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
  /** The oracle of causality, kept apart from the engine: the writes each device has seen... */
  known: Set<string>[];
  /** ...what each write's device had seen when it wrote it... */
  knew: Map<string, Set<string>>;
  /** ...and what each package brings (everything its sender had seen). */
  brings: Map<string, Set<string>>;
  /** Decisions of a field conflict: they settle that field only, not a deletion of the row. */
  fieldDecisions: Set<string>;
}

/** A write's id: a field change (field set) or a tombstone (field null). */
export const writeId = (table: string, rowId: string, field: string | null, clock: string): string =>
  JSON.stringify([table, rowId, field, clock]);

const wrote = (w: World, d: number, ids: string[]): void => {
  for (const id of ids) w.knew.set(id, new Set(w.known[d]));
  for (const id of ids) w.known[d]!.add(id);
};

export const newWorld = (skew: readonly number[]): World => ({
  replicas: DEVICES.map((d) => emptyReplica(d, { growOnly: GROW_ONLY })),
  pending: [],
  saved: [],
  step: 0,
  skew,
  packages: 0,
  known: DEVICES.map(() => new Set()),
  knew: new Map(),
  brings: new Map(),
  fieldDecisions: new Set(),
});

const nextClock = (w: World, d: number): string => clk(++w.step * 10 + w.skew[d]!, DEVICES[d]!);

export const exportFrom = (w: World, from: number, to: number, delta: boolean): MergePackage => {
  const since = delta ? (w.replicas[from]!.seenBy[DEVICES[to]!] ?? {}) : {};
  const pkg = exportPackage(w.replicas[from]!, `pkg-${++w.packages}`, since);
  w.brings.set(pkg.packageId, new Set(w.known[from]));
  return pkg;
};

type Deliver = (s: ReplicaState, pkg: MergePackage) => ReplicaState;
const receive = (w: World, to: number, pkg: MergePackage, deliver: Deliver): void => {
  w.replicas[to] = deliver(w.replicas[to]!, pkg);
  for (const id of w.brings.get(pkg.packageId)!) w.known[to]!.add(id);
};

/** Every entry a device wrote at one clock (a decision may write several fields at once). */
const savedAt = (s: ReplicaState, clock: string): Saved[] =>
  Object.values(s.history).flatMap((row) =>
    Object.values(row.fields).flatMap((byClock) => (byClock[clock] ? [byClock[clock]] : [])),
  );

/** Runs one command; `deliver` is called for each package a device receives. */
export const step = (w: World, c: Cmd, deliver: Deliver): void => {
  const r = w.replicas;
  if (c.kind === 'edit') {
    const clock = nextClock(w, c.dev);
    const change = { table: TABLES[c.table]!, rowId: `row${c.row}`, field: `f${c.field}`, value: c.value, clock };
    r[c.dev] = localEdit(r[c.dev]!, { ...change, author: `author-${c.dev}` });
    w.saved.push(change);
    wrote(w, c.dev, [writeId(change.table, change.rowId, change.field, clock)]);
  } else if (c.kind === 'delete') {
    const view = r[c.dev]!.view[rowKey('results', `row${c.row}`)];
    if (!view || view.deleted) return;
    const clock = nextClock(w, c.dev);
    r[c.dev] = localDelete(r[c.dev]!, { table: 'results', rowId: `row${c.row}`, clock, author: 'x' });
    wrote(w, c.dev, [writeId('results', `row${c.row}`, null, clock)]);
  } else if (c.kind === 'export') {
    if (c.from === c.to) return;
    const pkg = exportFrom(w, c.from, c.to, c.delta);
    if (c.now) receive(w, c.to, pkg, deliver);
    else w.pending.push({ to: c.to, pkg });
  } else if (c.kind === 'deliver') {
    if (w.pending.length === 0) return;
    const [p] = w.pending.splice(c.pick % w.pending.length, 1);
    receive(w, p!.to, p!.pkg, deliver);
  } else {
    const open = listConflicts(r[c.dev]!);
    if (open.length === 0) return;
    const conflict = open[c.pick % open.length]!;
    const candidate = conflict.candidates[c.pick % conflict.candidates.length]!;
    // 'keep' when every field is itself in conflict adds a candidate instead of overwriting: the oracle does not model that case.
    const view = r[c.dev]!.view[rowKey(conflict.table, conflict.rowId)]!;
    const keep =
      c.keep &&
      view.conflicts.length <= Object.keys(r[c.dev]!.history[rowKey(conflict.table, conflict.rowId)]!.fields).length;
    const chosen = conflict.field === null ? (keep ? 'keep' : 'delete') : 'value' in candidate ? candidate.value : 0;
    const clock = nextClock(w, c.dev);
    r[c.dev] = resolveConflict(r[c.dev]!, conflict, chosen, clock, 'lead');
    const written = savedAt(r[c.dev]!, clock);
    w.saved.push(...written);
    const ids = written.map((e) => writeId(e.table, e.rowId, e.field, clock));
    if (chosen === 'delete') ids.push(writeId(conflict.table, conflict.rowId, null, clock));
    if (conflict.field !== null) for (const id of ids) w.fieldDecisions.add(id);
    wrote(w, c.dev, ids);
  }
};

export const plainDeliver = (s: ReplicaState, pkg: MergePackage): ReplicaState => applyPackage(s, pkg).state;

/** Everyone sends everyone a delta, twice over: after that, every device holds every entry. */
export const exchangeAll = (w: World, deliver = plainDeliver): void => {
  for (const p of w.pending.splice(0)) receive(w, p.to, p.pkg, deliver);
  for (let round = 0; round < 2; round++)
    for (let from = 0; from < 3; from++)
      for (let to = 0; to < 3; to++) if (from !== to) receive(w, to, exportFrom(w, from, to, true), deliver);
};
