import { canonical } from './keys';
import type { Candidate, Conflict, MergeChange, MergeTombstone, RowHistory, RowView, ShownValue } from './types';

const byClock = <T extends { clock: string }>(a: T, b: T): number =>
  a.clock < b.clock ? -1 : a.clock > b.clock ? 1 : 0;
const shown = (c: MergeChange): ShownValue => ({ value: c.value, clock: c.clock, device: c.device, author: c.author });
const deletion = (t: MergeTombstone): Candidate => ({
  deleted: true,
  clock: t.clock,
  device: t.device,
  author: t.author,
});

const isEmpty = (o: object): boolean => {
  for (const _ in o) return false;
  return true;
};

/** The only entry of a field's history, or undefined when it holds several. */
const soleValue = (byClock: Record<string, MergeChange>): MergeChange | undefined => {
  let only: MergeChange | undefined;
  for (const clock in byClock) {
    if (only) return undefined;
    only = byClock[clock];
  }
  return only;
};

/** The changes of one field no other entry of the row overwrote: the concurrent values, by clock. */
export const survivingChanges = (row: RowHistory, field: string): MergeChange[] => {
  const own = row.fields[field];
  if (!own) return [];
  // The common case, one value and no deletion: nothing else of the row can overwrite it (a large merge is mostly this).
  if (isEmpty(row.tombstones)) {
    const only = soleValue(own);
    if (only) return only.replaces.includes(only.clock) ? [] : [only];
  }
  const replaced = new Set<string>();
  for (const c of Object.values(row.fields[field] ?? {})) for (const r of c.replaces) replaced.add(r);
  for (const t of Object.values(row.tombstones)) for (const r of t.replaces) replaced.add(r);
  return Object.values(row.fields[field] ?? {})
    .filter((c) => !replaced.has(c.clock))
    .sort(byClock);
};

/** Tombstones no later entry of the row overwrote (an edit after seeing a deletion brings the row back). */
export const survivingTombstones = (row: RowHistory, growOnly: boolean): MergeTombstone[] => {
  if (growOnly || isEmpty(row.tombstones)) return [];
  const replaced = new Set<string>();
  for (const changes of Object.values(row.fields))
    for (const c of Object.values(changes)) for (const r of c.replaces) replaced.add(r);
  for (const t of Object.values(row.tombstones)) for (const r of t.replaces) replaced.add(r);
  return Object.values(row.tombstones)
    .filter((t) => !replaced.has(t.clock))
    .sort(byClock);
};

/** The value a field had last, whoever overwrote it: what a kept record shows again. */
export const latestInHistory = (row: RowHistory, field: string): MergeChange | undefined =>
  Object.values(row.fields[field] ?? {})
    .sort(byClock)
    .at(-1);

/**
 * What a row shows, from its history alone — so the same history gives the
 * same view whatever order its entries arrived in. Ties cannot happen: a clock
 * names its device, and one device never reuses a clock for one field.
 */
export const deriveRow = (table: string, rowId: string, row: RowHistory, growOnly: boolean): RowView => {
  const conflicts: Conflict[] = [];
  const fields: Record<string, ShownValue> = {};
  const tombs = survivingTombstones(row, growOnly);
  // The surviving edits matter only next to a surviving deletion.
  const edits: MergeChange[] = [];
  for (const field of Object.keys(row.fields).sort()) {
    const alive = survivingChanges(row, field);
    if (alive.length === 0) continue;
    if (tombs.length > 0) edits.push(...alive);
    fields[field] = shown(alive.at(-1)!);
    if (alive.length > 1 && new Set(alive.map((c) => canonical(c.value))).size > 1)
      conflicts.push({ table, rowId, field, candidates: alive.map(shown) });
  }
  if (tombs.length === 0) {
    // A deletion overwritten by an edit (made where the record showed, kept against that deletion) brings the
    // record back whole: the fields the deletion overwrote show their last values again, as they showed there.
    if (!isEmpty(row.tombstones)) showHidden(row, fields);
    return { deleted: false, fields, conflicts };
  }
  if (edits.length === 0) return { deleted: true, fields: {}, conflicts };
  // A deletion and edits it never saw: both kept, the later clock shows.
  const candidates = [...tombs.map(deletion), ...edits.map(shown)].sort(byClock);
  conflicts.unshift({ table, rowId, field: null, candidates });
  if ('deleted' in candidates.at(-1)!) return { deleted: true, fields: {}, conflicts };
  showHidden(row, fields);
  return { deleted: false, fields, conflicts };
};

/** Fields with no surviving value (a deletion overwrote them) show the last value they had. */
const showHidden = (row: RowHistory, fields: Record<string, ShownValue>): void => {
  for (const field of Object.keys(row.fields).sort()) {
    const last = latestInHistory(row, field);
    if (!fields[field] && last) fields[field] = shown(last);
  }
};
