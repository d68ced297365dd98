import { canonical, invalid, maxClock, rowKey } from './keys';
import { deriveRow } from './view';
import type { MergeChange, MergeTombstone, ReplicaState, RowHistory } from './types';

/**
 * A map keyed by clock. Without a prototype, V8 keeps it as a dictionary from
 * the start: a literal `{}` given a key no other object has (every clock is
 * one) builds a hidden class of its own, about twice the cost, tens of
 * thousands of times in a large merge.
 */
export const byClockMap = <T>(from?: Record<string, T>): Record<string, T> =>
  from ? Object.assign(Object.create(null) as Record<string, T>, from) : (Object.create(null) as Record<string, T>);

/**
 * Adds entries to a replica's history (a set union: an entry already held is
 * skipped) and re-derives the rows they touch. Returns the keys of the touched
 * rows. Copy-on-write: the state passed in is never modified.
 */
export const absorb = (
  state: ReplicaState,
  changes: readonly MergeChange[],
  tombstones: readonly MergeTombstone[],
): { state: ReplicaState; touched: string[] } => {
  const history = { ...state.history };
  const vv = { ...state.vv };
  // Each touched row's key, with its table and id (kept rather than parsed back from the key).
  const copied = new Map<string, [string, string]>();
  // Rows first seen here: nothing else holds their field maps, so those are filled in place.
  const fresh = new Set<string>();
  const rowFor = (key: string, table: string, rowId: string): RowHistory => {
    if (!copied.has(key)) {
      const old = history[key];
      if (!old) fresh.add(key);
      history[key] = old
        ? { fields: { ...old.fields }, tombstones: byClockMap(old.tombstones) }
        : { fields: {}, tombstones: byClockMap() };
      copied.set(key, [table, rowId]);
    }
    return history[key]!;
  };
  const held = (old: { clock: string } | undefined, entry: { clock: string }): boolean => {
    if (!old) return false;
    // The same clock on the same field means the same write; anything else is a forged or broken package.
    if (canonical(old) !== canonical(entry))
      throw invalid(`Two different entries carry the clock ${entry.clock}: the package is damaged.`);
    return true;
  };
  // A package lists a row's entries together: its key is built once per run of them, not once per entry.
  let lastTable = '';
  let lastRowId = '';
  let lastKey = '';
  const keyOf = (table: string, rowId: string): string => {
    if (table !== lastTable || rowId !== lastRowId || lastKey === '') {
      lastTable = table;
      lastRowId = rowId;
      lastKey = rowKey(table, rowId);
    }
    return lastKey;
  };
  for (const c of changes) {
    const key = keyOf(c.table, c.rowId);
    if (held(history[key]?.fields[c.field]?.[c.clock], c)) continue;
    const row = rowFor(key, c.table, c.rowId);
    if (fresh.has(key)) (row.fields[c.field] ??= byClockMap())[c.clock] = c;
    else (row.fields[c.field] = byClockMap(row.fields[c.field]))[c.clock] = c;
    vv[c.device] = maxClock(vv[c.device], c.clock);
  }
  for (const t of tombstones) {
    const key = keyOf(t.table, t.rowId);
    if (held(history[key]?.tombstones[t.clock], t)) continue;
    rowFor(key, t.table, t.rowId).tombstones[t.clock] = t;
    vv[t.device] = maxClock(vv[t.device], t.clock);
  }
  if (copied.size === 0) return { state, touched: [] };
  const view = { ...state.view };
  const growOnly = new Set(state.growOnly);
  for (const [key, [table, rowId]] of copied) view[key] = deriveRow(table, rowId, history[key]!, growOnly.has(table));
  return { state: { ...state, history, view, vv }, touched: [...copied.keys()] };
};
