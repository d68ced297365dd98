import { rowKey, type MergeChange, type MergeTombstone, type RowHistory } from '#shared/rules/merge/index';
import { survivingChanges, survivingTombstones } from '#shared/rules/merge/view';
import type { Db } from '../db/open';
import { idsByTable } from './tables';

/**
 * The change log as the merge engine's records: load the whole history of
 * some rows, add entries, and keep `live` equal to what the merge rules say
 * survives (so the triggers' bases and the conflict list stay right).
 */
interface ChangeRow {
  table_name: string;
  row_id: string;
  field: string;
  value: string;
  clock: string;
  device_id: string;
  author: string;
  replaces: string;
}
interface TombRow {
  table_name: string;
  row_id: string;
  clock: string;
  device_id: string;
  author: string;
  replaces: string;
}

export const toChange = (r: ChangeRow): MergeChange => ({
  table: r.table_name,
  rowId: r.row_id,
  field: r.field,
  value: JSON.parse(r.value) as MergeChange['value'],
  clock: r.clock,
  device: r.device_id,
  author: r.author,
  replaces: JSON.parse(r.replaces) as string[],
});

export const toTombstone = (r: TombRow): MergeTombstone => ({
  table: r.table_name,
  rowId: r.row_id,
  clock: r.clock,
  device: r.device_id,
  author: r.author,
  replaces: JSON.parse(r.replaces) as string[],
});

/** A base as the log stores it: the clocks sorted, as JSON (most entries replace nothing). */
const bases = (replaces: readonly string[]): string =>
  replaces.length === 0 ? '[]' : JSON.stringify([...replaces].sort());

export interface RowRef {
  table: string;
  rowId: string;
  /** rowKey(table, rowId), when the caller has it already. */
  key?: string;
}

export interface LogStore {
  /** Every entry ever held for these rows, keyed by rowKey (rows with none are left out). */
  load(rows: Iterable<RowRef>): Record<string, RowHistory>;
  insertChange(c: MergeChange, scope: string | null, live: boolean): void;
  insertTombstone(t: MergeTombstone, scope: string | null, live: boolean): void;
  /** Sets live = 1 exactly on the row's surviving entries. */
  relive(ref: RowRef, row: RowHistory): void;
}

export function logStore(db: Db): LogStore {
  const changes = db.prepare(
    'SELECT table_name, row_id, field, value, clock, device_id, author, replaces FROM change_log WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))',
  );
  const tombs = db.prepare(
    'SELECT table_name, row_id, clock, device_id, author, replaces FROM tombstones WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))',
  );
  const addChange = db.prepare(
    `INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces, live)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addTomb = db.prepare(
    `INSERT INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deadChanges = db.prepare('UPDATE change_log SET live = 0 WHERE table_name = ? AND row_id = ? AND live = 1');
  const deadTombs = db.prepare('UPDATE tombstones SET live = 0 WHERE table_name = ? AND row_id = ? AND live = 1');
  const liveChange = db.prepare(
    'UPDATE change_log SET live = 1 WHERE table_name = ? AND row_id = ? AND field = ? AND clock = ?',
  );
  const liveTomb = db.prepare('UPDATE tombstones SET live = 1 WHERE table_name = ? AND row_id = ? AND clock = ?');
  return {
    load(rows) {
      // One query per table and kind of entry, the row ids bound as one JSON array: a merge of
      // tens of thousands of rows would otherwise spend its time on two lookups a row.
      const out: Record<string, RowHistory> = {};
      const rowOf = (table: string, rowId: string): RowHistory =>
        (out[rowKey(table, rowId)] ??= { fields: {}, tombstones: {} });
      for (const [table, ids] of idsByTable(rows)) {
        const list = JSON.stringify(ids);
        for (const r of changes.all(table, list) as ChangeRow[]) {
          const c = toChange(r);
          (rowOf(table, r.row_id).fields[c.field] ??= {})[c.clock] = c;
        }
        for (const r of tombs.all(table, list) as TombRow[])
          rowOf(table, r.row_id).tombstones[r.clock] = toTombstone(r);
      }
      return out;
    },
    insertChange(c, scope, live) {
      addChange.run(
        c.table,
        c.rowId,
        c.field,
        JSON.stringify(c.value),
        c.clock,
        c.device,
        c.author,
        scope,
        bases(c.replaces),
        live ? 1 : 0,
      );
    },
    insertTombstone(t, scope, live) {
      addTomb.run(t.table, t.rowId, t.clock, t.device, t.author, scope, bases(t.replaces), live ? 1 : 0);
    },
    relive({ table, rowId }, row) {
      deadChanges.run(table, rowId);
      deadTombs.run(table, rowId);
      for (const field of Object.keys(row.fields))
        for (const c of survivingChanges(row, field)) liveChange.run(table, rowId, field, c.clock);
      for (const t of survivingTombstones(row, false)) liveTomb.run(table, rowId, t.clock);
    },
  };
}
