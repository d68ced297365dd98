import { DomainError } from '#shared/api/result';
import type { RowView } from '#shared/rules/merge/index';
import type { Db } from '../db/open';
import { reindexSearch } from './search-reindex';
import { stmt } from '../db/statements';
import { idsByTable, keyParams, keyWhere, LOGGED, rowsById, rowsByIdParams, type LoggedTable } from './tables';

/**
 * Makes the tables show what the merge rules derived: each touched row is
 * written (inserted or its changed columns updated) or deleted, with the log
 * triggers silent (write_context.applying) because the merge writes its own
 * entries. Foreign keys are checked at commit (defer_foreign_keys); a row left
 * pointing at a parent the merge deleted goes as a local deletion's cascade
 * would (or its reference is cleared, as ON DELETE SET NULL says).
 *
 * Row stamps come from the entries, not from this computer's time, so two
 * folders merging the same entries in any order write the same rows.
 */
export interface Touched {
  table: string;
  rowId: string;
  view: RowView;
}

const wallIso = (clock: string): string => new Date(Number(clock.slice(0, 13))).toISOString();

/** The JSON of a column as the log writes it (json_quote), for comparing. */
const sameValue = (current: unknown, value: unknown): boolean =>
  current === value || (typeof current === 'number' && typeof value === 'number' && current === value);

export function materialise(db: Db, rows: readonly Touched[]): void {
  if (rows.length === 0) return;
  const ordered = [...rows].sort((a, b) => LOGGED.get(a.table)!.order - LOGGED.get(b.table)!.order);
  db.pragma('defer_foreign_keys = ON');
  stmt(db, 'UPDATE write_context SET applying = 1').run();
  // Silent insert triggers taken off for a large batch (insertBatch), put back before anything else is written.
  const dropped: Trigger[] = [];
  try {
    const written = new Map<string, string[]>();
    const current = currentRows(db, ordered);
    // New rows are inserted a batch at a time (in order: a batch is flushed before any other write).
    let batch: Batch | undefined;
    const flush = () => {
      if (batch) insertBatch(db, batch, dropped);
      batch = undefined;
    };
    for (const r of ordered) {
      if (r.view.deleted) continue;
      const t = LOGGED.get(r.table)!;
      const now = current.get(r.table)?.get(r.rowId);
      if (now) {
        flush();
        if (!update(db, t, r, now)) continue;
      } else {
        const row = insertion(t, r);
        if (!row) continue;
        if (batch?.table !== t || batch.signature !== row.signature) {
          flush();
          batch = { table: t, columns: row.columns, signature: row.signature, rows: [] };
        }
        batch.rows.push(row.values);
      }
      const ids = written.get(r.table) ?? [];
      written.set(r.table, ids);
      ids.push(r.rowId);
    }
    flush();
    restoreTriggers(db, dropped);
    for (const r of ordered.reverse()) if (r.view.deleted) remove(db, LOGGED.get(r.table)!, r.rowId);
    repairReferences(db, new Set(rows.map((r) => r.table)));
    // After the repairs: a row they removed is gone from the index already (delete triggers always fire).
    reindexSearch(db, written);
  } catch (e) {
    // Put back before the rollback reaches the caller, in case it only undoes a savepoint; never hiding `e`.
    try {
      restoreTriggers(db, dropped);
    } catch {
      dropped.length = 0;
    }
    throw e;
  } finally {
    stmt(db, 'UPDATE write_context SET applying = 0').run();
  }
}

/**
 * The touched rows as they are now, by table and row id (fetched a table at a
 * time). Fetched once before the writes: no insert or update trigger writes
 * another logged table (they write the audit trail and the indexes), and the
 * deletions come after.
 */
function currentRows(db: Db, rows: readonly Touched[]): Map<string, Map<string, Row>> {
  const out = new Map<string, Map<string, Row>>();
  for (const [table, list] of idsByTable(rows.filter((r) => !r.view.deleted))) {
    const t = LOGGED.get(table)!;
    const found = stmt(db, rowsById(t, 't.*')).all(...rowsByIdParams(t, list)) as (Row & { row_id: string })[];
    out.set(table, new Map(found.map(({ row_id, ...row }) => [row_id, row])));
  }
  return out;
}

type Row = Record<string, unknown>;

/** The values the view shows for the table's columns, the newest clock and its device; undefined if none. */
function shownValues(t: LoggedTable, r: Touched) {
  const shown = r.view.fields;
  let newest: string | undefined;
  let oldest: string | undefined;
  let device = '';
  for (const f in shown) {
    const v = shown[f]!;
    if (newest === undefined || v.clock > newest) {
      newest = v.clock;
      device = v.device;
    }
    if (oldest === undefined || v.clock < oldest) oldest = v.clock;
  }
  if (newest === undefined || oldest === undefined) return undefined;
  const values: Record<string, unknown> = {};
  for (const c of t.columns) if (shown[c]) values[c] = shown[c].value;
  return { values, newest, oldest, device };
}

/** Updates the columns whose shown value differs from the row's; false when none does. */
function update(db: Db, t: LoggedTable, r: Touched, current: Row): boolean {
  const s = shownValues(t, r);
  if (!s) return false;
  const { values } = s;
  const changed = t.fields.filter((c) => c in values && !sameValue(current[c], values[c]));
  if (changed.length === 0) return false;
  stmt(
    db,
    `UPDATE ${t.name} AS t SET ${changed.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, device_id = ? WHERE ${keyWhere(t)}`,
  ).run(...changed.map((c) => bind(values[c])), wallIso(s.newest), s.device, ...keyParams(t, r.rowId));
  return true;
}

/** A new row's columns and values (stamps last), or undefined when the view shows no field. */
function insertion(
  t: LoggedTable,
  r: Touched,
): { columns: string[]; signature: string; values: unknown[] } | undefined {
  const s = shownValues(t, r);
  if (!s) return undefined;
  const { values } = s;
  // The key's parts are logged like fields; a composite key is also the row id's parts.
  if (t.key.length > 1 && t.key.some((k) => !(k in values))) {
    const parts = r.rowId.split('/');
    if (parts.length === t.key.length) t.key.forEach((k, i) => (values[k] ??= parts[i]));
  } else if (t.key.length === 1) values[t.key[0]!] ??= r.rowId;
  const columns = Object.keys(values);
  const row: unknown[] = [];
  for (const c of columns) row.push(bind(values[c]));
  const created = wallIso(s.oldest);
  // A new record's fields mostly share one clock: its two stamps are then one string.
  row.push(created, s.newest === s.oldest ? created : wallIso(s.newest), s.device);
  return { columns, signature: columns.join(','), values: row };
}

interface Batch {
  table: LoggedTable;
  columns: string[];
  signature: string;
  rows: unknown[][];
}

/** A trigger as sqlite_master holds it (and, once dropped, its table). */
interface Trigger {
  name: string;
  sql: string;
  table?: string;
}

/** From this many new rows of a table on, its silent insert triggers are taken off while they are written. */
const BULK_ROWS = 200;

/**
 * A table's insert triggers that do nothing while a merge applies rows
 * (`WHEN (SELECT applying FROM write_context) = 0`: the change log's and the
 * search index's, migrations 9, 11, 15 and 16), in creation order.
 */
const SILENT_INSERT =
  /^CREATE\s+TRIGGER\s+"?\w+"?\s+AFTER\s+INSERT\s+ON\s+"?(\w+)"?\s+WHEN\s+\(SELECT applying FROM write_context\)\s*=\s*0\s+BEGIN\b/i;

function silentInsertTriggers(db: Db, table: string): Trigger[] {
  const all = stmt(
    db,
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY rowid",
  ).all(table) as Trigger[];
  return all.filter((t) => SILENT_INSERT.exec(t.sql)?.[1] === table);
}

/** Puts back the triggers insertBatch took off, in their order, inside the same transaction. */
function restoreTriggers(db: Db, dropped: Trigger[]): void {
  while (dropped.length > 0) db.exec(dropped.shift()!.sql);
}

/**
 * Inserts new rows of one table and one set of columns, one prepared
 * statement bound positionally a row. Every trigger on a table runs for each
 * row even when its WHEN is false, and on these tables that costs far more
 * than the row: a statement a row took about 33 µs a row with the change
 * log's and the search index's insert triggers in place (silent, as
 * write_context.applying = 1 makes them), 5 µs without them. So for a large
 * batch those two triggers — which would do nothing here, by their own WHEN —
 * are dropped and, once the batch is written, created again from their exact
 * SQL in the same transaction (a failure rolls both back with everything
 * else); a small batch (a decision, a short return) keeps them. The other
 * triggers (audit trail, evidence clean-up) run as on any write.
 */
function insertBatch(db: Db, b: Batch, dropped: Trigger[]): void {
  const all = [...b.columns, 'created_at', 'updated_at', 'device_id'];
  if (b.rows.length >= BULK_ROWS && !dropped.some((t) => t.table === b.table.name)) {
    for (const t of silentInsertTriggers(db, b.table.name)) {
      db.exec(`DROP TRIGGER "${t.name}"`);
      dropped.push({ ...t, table: b.table.name });
    }
  }
  try {
    if (b.rows.length < BULK_ROWS) {
      // Triggers in place: ONE statement reading the rows from a JSON array (about 15 µs a row, not 33). JSON
      // keeps the values' types: text, integers, reals, null (booleans made 0/1 by bind).
      stmt(
        db,
        `INSERT INTO ${b.table.name} (${all.join(', ')}) SELECT ${all.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?)`,
      ).run(JSON.stringify(b.rows));
    } else {
      const insert = stmt(
        db,
        `INSERT INTO ${b.table.name} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`,
      );
      for (const row of b.rows) insert.run(row);
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_NOTNULL') {
      throw new DomainError(
        'invalid_input',
        'The package lacks part of a record (a required value was never sent); nothing was imported.',
      );
    }
    throw e;
  }
}

/** JSON values as SQLite stores them: booleans as integers. */
const bind = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

function remove(db: Db, t: LoggedTable, rowId: string): void {
  try {
    db.transaction(() => stmt(db, `DELETE FROM ${t.name} AS t WHERE ${keyWhere(t)}`).run(...keyParams(t, rowId)))();
  } catch (e) {
    // A record this folder's rules keep (an issued finding) stays; the deletion stays an open conflict in the log.
    if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_TRIGGER') throw e;
  }
}

interface Violation {
  table: string;
  rowid: number;
  parent: string;
  fkid: number;
}

/** Rows pointing at a parent that is gone: removed, or their reference cleared, as the schema's ON DELETE says. */
function repairReferences(db: Db, tables: ReadonlySet<string>): void {
  for (let round = 0; round < 50; round++) {
    const violations = [...tables].flatMap(
      (table) => stmt(db, `PRAGMA foreign_key_check(${table})`).all() as Violation[],
    );
    if (violations.length === 0) return;
    for (const v of violations) {
      const fk = (
        stmt(db, 'SELECT id, "from", on_delete FROM pragma_foreign_key_list(?)').all(v.table) as {
          id: number;
          from: string;
          on_delete: string;
        }[]
      ).filter((f) => f.id === v.fkid);
      const action = fk[0]?.on_delete;
      if (action === 'CASCADE') stmt(db, `DELETE FROM ${v.table} WHERE rowid = ?`).run(v.rowid);
      else if (action === 'SET NULL')
        stmt(db, `UPDATE ${v.table} SET ${fk.map((f) => `${f.from} = NULL`).join(', ')} WHERE rowid = ?`).run(v.rowid);
      else
        throw new DomainError(
          'conflict',
          'The package refers to a record that is not here (for example a site or client removed meanwhile); nothing was imported.',
        );
      tables = new Set([...tables, v.table]);
    }
  }
}
