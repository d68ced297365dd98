import { clockDevice, invalid, rowKey } from './keys';
import { absorb } from './absorb';
import { survivingChanges, survivingTombstones } from './view';
import type { JsonValue, MergePackage, ReplicaState } from './types';
import type { VersionVector } from '../../domain/sync';

export const emptyReplica = (device: string, options: { growOnly?: Iterable<string> } = {}): ReplicaState => ({
  device,
  growOnly: [...new Set(options.growOnly ?? [])].sort(),
  history: {},
  view: {},
  vv: {},
  seenBy: {},
  imported: {},
});

/** A local write's clock must be this device's and later than its previous one. */
export const checkLocalClock = (state: ReplicaState, clock: string): void => {
  if (clockDevice(clock) !== state.device) throw invalid(`The clock ${clock} is not this device's.`);
  const last = state.vv[state.device];
  if (last !== undefined && clock <= last)
    throw invalid(`The clock ${clock} is not later than this device's last write.`);
};

export interface LocalEdit {
  table: string;
  rowId: string;
  field: string;
  value: JsonValue;
  clock: string;
  author: string;
}

/** A field set on this device: it overwrites what this device shows (both values of a conflict, a deletion). */
export const localEdit = (state: ReplicaState, edit: LocalEdit): ReplicaState => {
  checkLocalClock(state, edit.clock);
  const row = state.history[rowKey(edit.table, edit.rowId)] ?? { fields: {}, tombstones: {} };
  const replaces = [
    ...survivingChanges(row, edit.field).map((c) => c.clock),
    ...survivingTombstones(row, false).map((t) => t.clock),
  ];
  return absorb(state, [{ ...edit, device: state.device, replaces }], []).state;
};

/** A record deleted on this device: it overwrites every value the row shows here. */
export const localDelete = (
  state: ReplicaState,
  del: { table: string; rowId: string; clock: string; author: string },
): ReplicaState => {
  if (state.growOnly.includes(del.table)) throw invalid(`Records of ${del.table} are never deleted.`);
  checkLocalClock(state, del.clock);
  const row = state.history[rowKey(del.table, del.rowId)];
  if (!row || state.view[rowKey(del.table, del.rowId)]?.deleted) throw invalid('There is no such record to delete.');
  const replaces = [
    ...Object.keys(row.fields).flatMap((f) => survivingChanges(row, f).map((c) => c.clock)),
    ...survivingTombstones(row, false).map((t) => t.clock),
  ];
  return absorb(state, [], [{ ...del, device: state.device, replaces }]).state;
};

const above = (since: VersionVector, e: { device: string; clock: string }): boolean => {
  const known = since[e.device];
  return known === undefined || e.clock > known;
};

/**
 * What this replica sends: every entry above `since` (what the receiver is
 * known to hold, e.g. state.seenBy[receiver]; {} for everything). Sorted so the
 * same state always gives the same package.
 */
export const exportPackage = (state: ReplicaState, packageId: string, since: VersionVector = {}): MergePackage => {
  const changes = [];
  const tombstones = [];
  for (const key of Object.keys(state.history).sort()) {
    const row = state.history[key]!;
    for (const field of Object.keys(row.fields).sort())
      for (const c of Object.values(row.fields[field]!)) if (above(since, c)) changes.push(c);
    for (const t of Object.values(row.tombstones)) if (above(since, t)) tombstones.push(t);
  }
  const order = (a: { clock: string }, b: { clock: string }) => (a.clock < b.clock ? -1 : a.clock > b.clock ? 1 : 0);
  return {
    packageId,
    sender: state.device,
    vv: { ...state.vv },
    changes: changes.sort(order),
    tombstones: tombstones.sort(order),
  };
};
