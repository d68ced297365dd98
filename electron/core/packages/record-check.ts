import { HLC_PATTERN } from '#shared/domain/sync';
import type { MergeChange, MergeTombstone } from '#shared/rules/merge/index';

/**
 * A quick yes to the records of a package's JSONL: the shapes of MergeChange
 * and MergeTombstone (shared/rules/merge/types.ts) checked by hand, because
 * zod costs more than parsing a large package's 70,000 lines. It only ever
 * says yes to what those schemas accept as it is (a strict object, strings
 * within their lengths, clocks, a primitive JSON value); anything else —
 * also anything unusual those schemas might accept, such as an object value —
 * goes to zod, which decides and words the refusal. So the refusals and their
 * messages are zod's; tests/unit/packages/record-check.test.ts holds the two
 * to that. A change to either schema must change this too.
 */
const MAX_REPLACES = 1000;

const text = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'string' && v.length >= min && v.length <= max;

const clock = (v: unknown): boolean => typeof v === 'string' && HLC_PATTERN.test(v);

function clocks(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > MAX_REPLACES) return false;
  for (const c of v) if (!clock(c)) return false;
  return true;
}

/** A JSON value zod's z.json() takes as it is: a string, a finite number, a boolean or null. */
const primitive = (v: unknown): boolean =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Own keys only, each one of `allowed` (the values' checks then find any key missing). */
function onlyKeys(o: object, allowed: (k: string) => boolean): boolean {
  for (const k in o) if (!Object.hasOwn(o, k) || !allowed(k)) return false;
  return true;
}

const isChangeKey = (k: string): boolean =>
  k === 'table' ||
  k === 'rowId' ||
  k === 'field' ||
  k === 'value' ||
  k === 'clock' ||
  k === 'device' ||
  k === 'author' ||
  k === 'replaces';
const isTombstoneKey = (k: string): boolean => k !== 'field' && k !== 'value' && isChangeKey(k);

const plain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** The fields a change and a tombstone share, with FieldChange's and Tombstone's limits. */
const common = (o: Record<string, unknown>): boolean =>
  text(o.table, 1, 64) &&
  text(o.rowId, 1, 200) &&
  clock(o.clock) &&
  text(o.device, 1, 64) &&
  text(o.author, 0, 200) &&
  clocks(o.replaces);

export function quickChange(v: unknown): v is MergeChange {
  return plain(v) && onlyKeys(v, isChangeKey) && common(v) && text(v.field, 1, 64) && primitive(v.value);
}

export function quickTombstone(v: unknown): v is MergeTombstone {
  return plain(v) && onlyKeys(v, isTombstoneKey) && common(v);
}
