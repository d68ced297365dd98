import { rowKey } from './keys';
import type { MergeChange, MergePackage, ReplicaState, RowView, ShownValue } from './types';

/**
 * The bulk of a large merge, taken without building histories: a row the
 * replica holds no entry of, for which the package holds no deletion and
 * exactly one value per field, none replacing its own clock (a record a team
 * member created). What applyPackage would derive for such a row is plain —
 * every field shows its one value, no conflict, not deleted — so the caller
 * reads it straight off the entries. Rows are merged independently (a view
 * depends on its row's history alone), so the other rows go through
 * applyPackage as a package of their own entries. tests/unit/merge/fresh.test.ts
 * holds the split equal to applyPackage over the whole package.
 */
export interface FreshRow {
  table: string;
  rowId: string;
  /** rowKey(table, rowId). */
  key: string;
  /** One change per field. */
  changes: MergeChange[];
}

interface Group extends FreshRow {
  fresh: boolean;
}

/**
 * Splits a package (already checked: checkPackage) into its fresh rows and a
 * package of the rest, the rest's entries in their order.
 */
export const splitFresh = (state: ReplicaState, pkg: MergePackage): { fresh: FreshRow[]; rest: MergePackage } => {
  const groups = new Map<string, Group>();
  // A package lists a row's entries together: the row's group is found once per run of them.
  let last: Group | undefined;
  const groupOf = (table: string, rowId: string): Group => {
    if (last?.table === table && last.rowId === rowId) return last;
    const key = rowKey(table, rowId);
    let g = groups.get(key);
    if (!g) {
      g = { table, rowId, key, changes: [], fresh: state.history[key] === undefined };
      groups.set(key, g);
    }
    last = g;
    return g;
  };
  const sameField = (g: Group, field: string): boolean => {
    for (const o of g.changes) if (o.field === field) return true;
    return false;
  };
  for (const c of pkg.changes) {
    const g = groupOf(c.table, c.rowId);
    if (g.fresh && (c.replaces.includes(c.clock) || sameField(g, c.field))) g.fresh = false;
    g.changes.push(c);
  }
  for (const t of pkg.tombstones) groupOf(t.table, t.rowId).fresh = false;
  const fresh: FreshRow[] = [];
  let all = true;
  for (const g of groups.values()) {
    if (g.fresh) fresh.push({ table: g.table, rowId: g.rowId, key: g.key, changes: g.changes });
    else all = false;
  }
  if (fresh.length === 0) return { fresh, rest: pkg };
  last = undefined;
  const changes = all ? [] : pkg.changes.filter((c) => !groupOf(c.table, c.rowId).fresh);
  return { fresh, rest: { ...pkg, changes } };
};

/** What a fresh row shows (the view applyPackage derives for it). */
export const freshView = (row: FreshRow): RowView => {
  const fields: Record<string, ShownValue> = {};
  for (const c of row.changes) fields[c.field] = { value: c.value, clock: c.clock, device: c.device, author: c.author };
  return { deleted: false, fields, conflicts: [] };
};
