import { z } from 'zod';
import { FieldChange, Hlc, Tombstone, VersionVector } from '../../domain/sync';

/**
 * The merge engine's records (issue 13, "Three-way, per field").
 *
 * Each change carries its base: `replaces`, the clocks of the values of the
 * same row it overwrote on its device (for a field: that field's shown values
 * and any tombstone; for a deletion: every value shown in the row). A version
 * vector alone cannot say whether the sender overwrote an old value or saw it
 * only after its own edit; the base can, so concurrency is judged per field.
 */
const Replaces = z.array(Hlc).max(1000);
export const MergeChange = FieldChange.extend({ replaces: Replaces });
export type MergeChange = z.infer<typeof MergeChange>;
export const MergeTombstone = Tombstone.extend({ replaces: Replaces });
export type MergeTombstone = z.infer<typeof MergeTombstone>;

/** What one replica sends another: the sender's changes above what the receiver had. */
export const MergePackage = z.strictObject({
  packageId: z.string().min(1).max(64),
  sender: z.string().min(1).max(64),
  /** The sender's version vector at export: it covers every entry of the package. */
  vv: VersionVector,
  changes: z.array(MergeChange),
  tombstones: z.array(MergeTombstone),
});
export type MergePackage = z.infer<typeof MergePackage>;

export type JsonValue = FieldChange['value'];

/** Every entry ever held for one row: nothing here is ever removed. */
export interface RowHistory {
  /** field → clock → change */
  fields: Record<string, Record<string, MergeChange>>;
  /** clock → tombstone */
  tombstones: Record<string, MergeTombstone>;
}

export interface ShownValue {
  value: JsonValue;
  clock: Hlc;
  device: string;
  author: string;
}

/** One of the concurrent entries of a conflict: a value, or a deletion. */
export type Candidate = ShownValue | { deleted: true; clock: Hlc; device: string; author: string };

/** field null: a deletion against concurrent edits of the row. */
export interface Conflict {
  table: string;
  rowId: string;
  field: string | null;
  /** Sorted by clock; the last one is what shows until someone decides. */
  candidates: Candidate[];
}

export interface RowView {
  deleted: boolean;
  fields: Record<string, ShownValue>;
  conflicts: Conflict[];
}

export interface ReplicaState {
  device: string;
  /** Tables whose records only grow: united by id, deletions never hide them. Sorted. */
  growOnly: string[];
  /** rowKey → every value ever set and every tombstone. */
  history: Record<string, RowHistory>;
  /** rowKey → what shows, derived from history alone. */
  view: Record<string, RowView>;
  /** For each device: the highest clock held of its entries. */
  vv: VersionVector;
  /** For each peer: the highest version vector it declared in a package (for the next delta). */
  seenBy: Record<string, VersionVector>;
  /** packageId → true */
  imported: Record<string, true>;
}

/** Counted in records: rows new here, rows held before whose shown state changed, conflicts newly opened. */
export interface ImportSummary {
  added: number;
  changed: number;
  conflicts: number;
  alreadyImported: boolean;
}

export interface ConflictKey {
  table: string;
  rowId: string;
  field: string | null;
}
