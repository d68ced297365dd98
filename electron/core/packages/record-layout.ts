import { HLC_PATTERN } from '#shared/domain/sync';
import type { MergeChange } from '#shared/rules/merge/index';

/**
 * The record layout of `changes.jsonl` from package format 2 on: one line per
 * record written at one clock, not one JSON object per field. Format 1 wrote
 * every field change as a whole object (table, row id, clock, device and
 * author again on each of a row's 7–12 lines): a large return was 19 MB of
 * JSON to inflate, parse and check. Here, per line, JSON:
 *
 * - `{"table":"interviews","fields":["id","audit_id",…]}` declares the next
 *   table number (0, 1, …) and its field names, before the first record that
 *   uses it;
 * - `{"device":"…","author":"…"}` declares the next writer number likewise;
 * - a record: `[table, writer, rowId, clock, f, value, f, value, …]`, each
 *   `f` a field number of that table; when any of those fields replaced
 *   something, one last element `{"f": [clocks…]}` gives their bases (a field
 *   absent there replaced nothing).
 *
 * Lossless: decoding gives the changes written, in the same order, equal
 * field for field (tests/unit/packages/record-layout.test.ts). Tombstones
 * (few) keep format 1's one object a line.
 */

/** The lines of `changes.jsonl` for these changes, in their order. */
export function encodeChanges(changes: readonly MergeChange[]): string {
  const out: string[] = [];
  const tables = new Map<string, { n: number; fields: Map<string, number> }>();
  const writers = new Map<string, number>();
  // Each table's fields, all declared with the table (one pass first).
  const fieldsOf = new Map<string, Set<string>>();
  for (const c of changes) {
    let set = fieldsOf.get(c.table);
    if (!set) fieldsOf.set(c.table, (set = new Set()));
    set.add(c.field);
  }
  for (let i = 0; i < changes.length;) {
    const first = changes[i]!;
    let table = tables.get(first.table);
    if (!table) {
      const names = [...fieldsOf.get(first.table)!];
      table = { n: tables.size, fields: new Map(names.map((f, k) => [f, k])) };
      tables.set(first.table, table);
      out.push(JSON.stringify({ table: first.table, fields: names }));
    }
    const who = JSON.stringify([first.device, first.author]);
    let writer = writers.get(who);
    if (writer === undefined) {
      writer = writers.size;
      writers.set(who, writer);
      out.push(JSON.stringify({ device: first.device, author: first.author }));
    }
    const line: unknown[] = [table.n, writer, first.rowId, first.clock];
    let bases: Record<string, string[]> | undefined;
    // The record: the following changes of the same row, clock and writer.
    let j = i;
    for (; j < changes.length; j++) {
      const c = changes[j]!;
      if (
        c.table !== first.table ||
        c.rowId !== first.rowId ||
        c.clock !== first.clock ||
        c.device !== first.device ||
        c.author !== first.author
      )
        break;
      const f = table.fields.get(c.field)!;
      line.push(f, c.value);
      if (c.replaces.length > 0) (bases ??= {})[f] = [...c.replaces];
    }
    if (bases) line.push(bases);
    out.push(JSON.stringify(line));
    i = j;
  }
  return out.map((l) => `${l}\n`).join('');
}

/** Why a line is not a record of this layout, in words for the refusal. */
export class LayoutError extends Error {}

const text = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;

const plain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** A JSON value as FieldChange takes it without asking zod: a string, a finite number, a boolean or null. */
const primitive = (v: unknown): boolean =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * The bases of a field that replaced nothing (most of a return's): one empty
 * list for all, not one each — a large return holds hundreds of thousands of
 * changes until its merge ends, and every object they hold is copied by the
 * garbage collector. Frozen, as it is shared.
 */
const NO_BASES = Object.freeze([]) as unknown as string[];

const MAX_FIELDS = 1000;
const MAX_REPLACES = 1000;

/**
 * Decodes the lines of a format 2 `changes.jsonl`, one at a time, into
 * changes with FieldChange's limits (the table, field, row id, device and
 * author lengths, clocks, values). A value other than a primitive is handed
 * to `judge` (zod, which words a refusal); anything else wrong throws a
 * LayoutError saying what. A table, row id, clock, device and author are one
 * string shared by the record's changes.
 */
export class ChangeDecoder {
  private readonly tables: { name: string; fields: string[] }[] = [];
  private readonly writers: { device: string; author: string }[] = [];

  constructor(private readonly judge: (change: MergeChange) => MergeChange) {}

  take(json: unknown, into: MergeChange[]): void {
    if (Array.isArray(json)) return this.record(json, into);
    if (!plain(json)) throw new LayoutError('not a record or a declaration');
    if ('table' in json) {
      const { table, fields } = json;
      if (Object.keys(json).length !== 2) throw new LayoutError('a table declaration holds table and fields only');
      if (!text(table, 1, 64)) throw new LayoutError('table: not a table name');
      if (!Array.isArray(fields) || fields.length > MAX_FIELDS || !fields.every((f) => text(f, 1, 64))) {
        throw new LayoutError('fields: not a list of field names');
      }
      this.tables.push({ name: table, fields });
      return;
    }
    if ('device' in json) {
      const { device, author } = json;
      if (Object.keys(json).length !== 2) throw new LayoutError('a writer declaration holds device and author only');
      if (!text(device, 1, 64)) throw new LayoutError('device: not a device id');
      if (!text(author, 0, 200)) throw new LayoutError('author: not a name');
      this.writers.push({ device, author });
      return;
    }
    throw new LayoutError('not a record or a declaration');
  }

  private record(line: unknown[], into: MergeChange[]): void {
    const [t, w, rowId, clock] = line;
    const table = typeof t === 'number' ? this.tables[t] : undefined;
    if (!table) throw new LayoutError('table: not a declared table');
    const writer = typeof w === 'number' ? this.writers[w] : undefined;
    if (!writer) throw new LayoutError('writer: not a declared writer');
    if (!text(rowId, 1, 200)) throw new LayoutError('rowId: not a row id');
    if (typeof clock !== 'string' || !HLC_PATTERN.test(clock)) throw new LayoutError('clock: Not a clock value');
    let end = line.length;
    let bases: Record<string, unknown> | undefined;
    if ((end - 4) % 2 === 1) {
      const last = line[end - 1];
      if (!plain(last)) throw new LayoutError('replaces: not a map of bases');
      bases = last;
      end--;
    }
    if (end === 4) throw new LayoutError('a record without fields');
    const start = into.length;
    for (let k = 4; k < end; k += 2) {
      const f = line[k];
      const field = typeof f === 'number' ? table.fields[f] : undefined;
      if (field === undefined) throw new LayoutError('field: not a declared field');
      const value = line[k + 1] as MergeChange['value'];
      let replaces: string[] = NO_BASES;
      const b = bases?.[f as number];
      if (b !== undefined) {
        if (!Array.isArray(b) || b.length > MAX_REPLACES) throw new LayoutError('replaces: not a list of clocks');
        for (const c of b)
          if (typeof c !== 'string' || !HLC_PATTERN.test(c)) throw new LayoutError('replaces: Not a clock value');
        replaces = b as string[];
      }
      const change: MergeChange = {
        table: table.name,
        rowId,
        field,
        value,
        clock,
        device: writer.device,
        author: writer.author,
        replaces,
      };
      into.push(primitive(value) ? change : this.judge(change));
    }
    // Each base names a field of the record.
    if (bases) {
      for (const key in bases) {
        const n = Number(key);
        let found = false;
        for (let k = 4; k < end && !found; k += 2) found = line[k] === n;
        if (!found) {
          into.length = start;
          throw new LayoutError('replaces: a base of a field the record does not hold');
        }
      }
    }
  }
}
