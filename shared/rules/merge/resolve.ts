import { canonical, invalid, rowKey } from './keys';
import { absorb } from './absorb';
import { checkLocalClock } from './replica';
import { latestInHistory, survivingChanges, survivingTombstones } from './view';
import type { ConflictKey, JsonValue, MergeChange, ReplicaState } from './types';

/**
 * The lead's decision on a conflict, written as ordinary entries that
 * overwrite every concurrent candidate — so later merges carry the decision
 * like any other change. A field conflict takes `chosen` (one candidate's
 * value or a combined text); a deletion conflict takes 'delete' or 'keep'.
 */
export const resolveConflict = (
  state: ReplicaState,
  key: ConflictKey,
  /** For a deletion conflict: 'delete' or 'keep'. */
  chosen: JsonValue,
  clock: string,
  author: string,
): ReplicaState => {
  const rk = rowKey(key.table, key.rowId);
  const conflict = state.view[rk]?.conflicts.find((c) => c.field === key.field);
  if (!conflict) throw invalid('There is no such open conflict: it may have been resolved already.');
  checkLocalClock(state, clock);
  const row = state.history[rk]!;
  const stamp = { table: key.table, rowId: key.rowId, clock, device: state.device, author };
  if (key.field !== null) {
    const replaces = survivingChanges(row, key.field).map((c) => c.clock);
    return absorb(state, [{ ...stamp, field: key.field, value: chosen, replaces }], []).state;
  }
  if (chosen !== 'delete' && chosen !== 'keep') throw invalid('A deleted record can only be kept or deleted.');
  const tombs = survivingTombstones(row, false).map((t) => t.clock);
  const fields = Object.keys(row.fields).sort();
  if (chosen === 'delete') {
    const replaces = [...fields.flatMap((f) => survivingChanges(row, f).map((c) => c.clock)), ...tombs];
    return absorb(state, [], [{ ...stamp, replaces }]).state;
  }
  // Kept: every field shows again, with its surviving value or the last one it had before the
  // deletion. A field still in conflict is left for its own decision, unless no other field can
  // carry the "keep" (then it gets one more candidate, with the value it shows).
  const changes: MergeChange[] = [];
  for (const field of fields) {
    const alive = survivingChanges(row, field);
    if (new Set(alive.map((c) => canonical(c.value))).size > 1) continue;
    const value = (alive.at(-1) ?? latestInHistory(row, field)!).value;
    changes.push({ ...stamp, field, value, replaces: [...alive.map((c) => c.clock), ...tombs] });
  }
  if (changes.length === 0) {
    const field = fields[0]!;
    changes.push({ ...stamp, field, value: survivingChanges(row, field).at(-1)!.value, replaces: tombs });
  }
  return absorb(state, changes, []).state;
};
