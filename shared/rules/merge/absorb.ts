import { canonical, invalid, maxClock, rowKey } from './keys';
import { deriveRow } from './view';
import type { MergeChange, MergeTombstone, ReplicaState, RowHistory } from './types';

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
        ? { fields: { ...old.fields }, tombstones: { ...old.tombstones } }
        : { fields: {}, tombstones: {} };
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
    if (fresh.has(key)) (row.fields[c.field] ??= {})[c.clock] = c;
    else row.fields[c.field] = { ...row.fields[c.field], [c.clock]: c };
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
