import { DomainError } from '#shared/api/result';
import type { RecordKind, KindCounts } from '#shared/domain/team';
import {
  canonical,
  deriveRow,
  rowKey,
  type FreshRow,
  type MergeChange,
  type MergeTombstone,
  type ReplicaState,
  type RowHistory,
  type RowView,
  type ShownValue,
} from '#shared/rules/merge/index';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { survivingChanges, survivingTombstones } from '#shared/rules/merge/view';
import { logStore, type RowRef } from './log';
import { materialise } from './materialise';
import { idsByTable, LOGGED, rowsById, rowsByIdParams, UNDECIDED_FIELDS } from './tables';

/**
 * The database side of a merge: the partial replica state of the rows some
 * entries touch (their whole histories, from the log), and, once the pure
 * rules have run, the new entries written to the log with their scope, `live`
 * recomputed and the rows made to show the derived view. Used by import and
 * by conflict decisions alike.
 */
export function loadState(db: Db, device: string, refs: Iterable<RowRef>): ReplicaState {
  const history = logStore(db).load(refs);
  const view: Record<string, RowView> = {};
  for (const [key, row] of Object.entries(history)) {
    const [table, rowId] = JSON.parse(key) as [string, string];
    view[key] = deriveRow(table, rowId, row, false);
  }
  return { device, growOnly: [], history, view, vv: {}, seenBy: {}, imported: {} };
}

export const refsOf = (changes: readonly MergeChange[], tombstones: readonly MergeTombstone[]): RowRef[] => {
  const seen = new Map<string, RowRef>();
  let last: { table: string; rowId: string } | undefined;
  for (const list of [changes, tombstones])
    for (const e of list) {
      // A row's entries come together: one key per run of them.
      if (last?.table === e.table && last.rowId === e.rowId) continue;
      last = e;
      const key = rowKey(e.table, e.rowId);
      if (!seen.has(key)) seen.set(key, { table: e.table, rowId: e.rowId, key });
    }
  return [...seen.values()];
};

/** The scopes of rows that exist here, by table and row id (rows that do not exist are left out). */
export function rowScopes(db: Db, refs: readonly RowRef[]): Map<string, Map<string, string | null>> {
  const out = new Map<string, Map<string, string | null>>();
  for (const [table, ids] of idsByTable(refs)) {
    const t = LOGGED.get(table)!;
    const found = stmt(db, rowsById(t, `${t.scopeSql} AS scope`)).all(...rowsByIdParams(t, ids)) as {
      scope: string | null;
      row_id: string;
    }[];
    out.set(table, new Map(found.map((r) => [r.row_id, r.scope])));
  }
  return out;
}

/**
 * A fresh row's view for materialise, which reads only the shown values,
 * clocks and devices: the entries themselves stand for them (no object a field).
 */
const shownOf = (f: FreshRow): RowView => {
  const fields: Record<string, ShownValue> = {};
  for (const c of f.changes) fields[c.field] = c;
  return { deleted: false, fields, conflicts: [] };
};

const OUTSIDE = () =>
  new DomainError(
    'invalid_input',
    'This package changes records outside its audit; it was refused and nothing was imported.',
  );

export interface PersistResult {
  counts: Map<RecordKind, KindCounts>;
  added: number;
  changed: number;
  conflicts: number;
}

/**
 * Writes what `after` holds beyond `before` for the rows `refs`: new log
 * entries, live flags and the rows themselves. Every row must belong to one
 * of `allowed` scopes (the audit and its client), before and after.
 */
export function persistMerge(
  db: Db,
  before: ReplicaState,
  after: ReplicaState,
  refs: readonly RowRef[],
  allowed: () => ReadonlySet<string>,
  fallbackScope: string,
  /** Rows of `refs` merged without `after` (splitFresh): each shows its entries, all live. */
  fresh: readonly FreshRow[] = [],
  /** rowScopes(db, refs) before any write, when the caller has it already. */
  held?: Map<string, Map<string, string | null>>,
): PersistResult {
  const log = logStore(db);
  const keys = refs.map((r) => r.key ?? rowKey(r.table, r.rowId));
  const freshByKey = new Map(fresh.map((f) => [f.key, f]));
  const earlier = held ?? rowScopes(db, refs);
  materialise(db, [
    ...refs.flatMap((r, i) => (freshByKey.has(keys[i]!) ? [] : [{ ...r, view: after.view[keys[i]!]! }])),
    ...fresh.map((f) => ({ table: f.table, rowId: f.rowId, view: shownOf(f) })),
  ]);
  const set = allowed();
  const later = rowScopes(db, refs);
  // Each row's scope, before or after (the same when both: else one of them is refused below).
  const scopes: (string | undefined)[] = refs.map((r) => {
    let scope: string | undefined;
    for (const found of [earlier.get(r.table)?.get(r.rowId), later.get(r.table)?.get(r.rowId)]) {
      if (found === undefined) continue;
      if (found === null || !set.has(found)) throw OUTSIDE();
      scope = found;
    }
    return scope;
  });
  const heldScope = stmt(
    db,
    'SELECT scope FROM change_log WHERE table_name = ? AND row_id = ? AND scope IS NOT NULL LIMIT 1',
  );
  const counts = new Map<RecordKind, KindCounts>();
  let added = 0;
  let changed = 0;
  let conflicts = 0;
  for (const [i, r] of refs.entries()) {
    const key = keys[i]!;
    const scope = scopes[i] ?? (heldScope.pluck().get(r.table, r.rowId) as string | undefined) ?? fallbackScope;
    const kind = LOGGED.get(r.table)!.kind;
    const k = counts.get(kind) ?? { kind, added: 0, changed: 0, conflicts: 0 };
    counts.set(kind, k);
    const f = freshByKey.get(key);
    if (f) {
      // New here, one value a field: every entry is live, and the row is added.
      for (const c of f.changes) log.insertChange(c, scope, true);
      k.added++;
      added++;
      continue;
    }
    const old: RowHistory = before.history[key] ?? { fields: {}, tombstones: {} };
    const row = after.history[key]!;
    // New entries are written with their live flag; entries held before are set again only if the row had any.
    const held = before.history[key] !== undefined;
    for (const field in row.fields) {
      const alive = survivingChanges(row, field); // a few entries at most: searched, not hashed
      const byClock = row.fields[field]!;
      for (const clock in byClock)
        if (!old.fields[field]?.[clock]) log.insertChange(byClock[clock]!, scope, alive.includes(byClock[clock]!));
    }
    const aliveTombs = survivingTombstones(row, false);
    for (const clock in row.tombstones)
      if (!old.tombstones[clock])
        log.insertTombstone(row.tombstones[clock]!, scope, aliveTombs.includes(row.tombstones[clock]!));
    if (held) log.relive(r, row);

    const was = before.view[key];
    const now = after.view[key]!;
    if (!was) {
      if (!now.deleted) {
        k.added++;
        added++;
      }
    } else if (canonical([was.deleted, was.fields]) !== canonical([now.deleted, now.fields])) {
      k.changed++;
      changed++;
    }
    if (now.conflicts.length === 0) continue;
    const open = new Set((was?.conflicts ?? []).map((c) => c.field));
    const fresh = now.conflicts.filter((c) => !open.has(c.field) && !UNDECIDED_FIELDS.has(c.field ?? '')).length;
    k.conflicts += fresh;
    conflicts += fresh;
  }
  return { counts, added, changed, conflicts };
}
