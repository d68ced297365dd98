import { z } from 'zod';

/**
 * Team audits: the vocabulary shared by the change log (backend), the merge
 * rules (shared/rules/merge) and team packages (.fwpkg). See issue 13.
 *
 * A hybrid logical clock value is written as one string that sorts in clock
 * order: 13-digit wall time in ms, '-', 6-digit counter, '-', device id.
 * e.g. '1733350000000-000002-0f3c…'. Comparing two clocks is comparing strings.
 */
export const HLC_PATTERN = /^\d{13}-\d{6}-[0-9a-z-]{1,64}$/;
export const Hlc = z.string().regex(HLC_PATTERN, 'Not a clock value');
export type Hlc = z.infer<typeof Hlc>;

/** One field of one record set to a value at a clock, by an author on a device. Values are JSON. */
export const FieldChange = z.strictObject({
  table: z.string().min(1).max(64),
  // A composite key's parts joined by '/' (e.g. evidence link: evidence id / target type / target id).
  rowId: z.string().min(1).max(200),
  field: z.string().min(1).max(64),
  value: z.json(),
  clock: Hlc,
  device: z.string().min(1).max(64),
  author: z.string().max(200),
});
export type FieldChange = z.infer<typeof FieldChange>;

/** A record deleted at a clock: kept so a merge can tell "deleted" from "never seen". */
export const Tombstone = z.strictObject({
  table: z.string().min(1).max(64),
  // A composite key's parts joined by '/' (e.g. evidence link: evidence id / target type / target id).
  rowId: z.string().min(1).max(200),
  clock: Hlc,
  device: z.string().min(1).max(64),
  author: z.string().max(200),
});
export type Tombstone = z.infer<typeof Tombstone>;

/** For each device: the highest clock of that device's changes the holder has seen. */
export const VersionVector = z.record(z.string().min(1).max(64), Hlc);
export type VersionVector = z.infer<typeof VersionVector>;
