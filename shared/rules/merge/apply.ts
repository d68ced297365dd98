import { canonical, clockDevice, invalid, mergeVectors } from './keys';
import { absorb } from './absorb';
import type { ImportSummary, MergePackage, ReplicaState, RowView } from './types';

const conflictId = (c: { table: string; rowId: string; field: string | null }) =>
  canonical([c.table, c.rowId, c.field]);

/** Entries must name their own clock's device and be covered by the vector the sender declared. */
export const checkPackage = (pkg: MergePackage): void => {
  const one = (e: { clock: string; device: string }) => {
    if (clockDevice(e.clock) !== e.device)
      throw invalid(`An entry of package ${pkg.packageId} names another device than its clock does.`);
    const declared = pkg.vv[e.device];
    if (declared === undefined || e.clock > declared)
      throw invalid(`Package ${pkg.packageId} holds changes its version vector does not declare.`);
  };
  for (const c of pkg.changes) one(c);
  for (const t of pkg.tombstones) one(t);
};

/**
 * Merges a package into a replica. The result depends only on the union of
 * the entries held (plus the set of package ids and the pointwise maximum of
 * the vectors declared), so packages can arrive in any order, and the same
 * package twice changes nothing.
 */
export const applyPackage = (
  state: ReplicaState,
  pkg: MergePackage,
): { state: ReplicaState; summary: ImportSummary } => {
  if (state.imported[pkg.packageId])
    return { state, summary: { added: 0, changed: 0, conflicts: 0, alreadyImported: true } };
  checkPackage(pkg);
  const { state: merged, touched } = absorb(state, pkg.changes, pkg.tombstones);
  let added = 0;
  let changed = 0;
  let conflicts = 0;
  for (const key of touched) {
    const before: RowView | undefined = state.view[key];
    const after = merged.view[key]!;
    if (!before) added++;
    else if (canonical([before.deleted, before.fields]) !== canonical([after.deleted, after.fields])) changed++;
    if (after.conflicts.length === 0) continue;
    const open = new Set((before?.conflicts ?? []).map(conflictId));
    conflicts += after.conflicts.filter((c) => !open.has(conflictId(c))).length;
  }
  return {
    state: {
      ...merged,
      imported: { ...merged.imported, [pkg.packageId]: true },
      seenBy: { ...merged.seenBy, [pkg.sender]: mergeVectors(merged.seenBy[pkg.sender] ?? {}, pkg.vv) },
    },
    summary: { added, changed, conflicts, alreadyImported: false },
  };
};

/** Every open conflict of the replica, in row order. */
export const listConflicts = (state: ReplicaState) =>
  Object.keys(state.view)
    .sort()
    .flatMap((key) => state.view[key]!.conflicts);
