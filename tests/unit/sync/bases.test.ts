import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveRow } from '#shared/rules/merge/index';
import { migrate } from '#core/db/migrations';
import { logStore } from '#core/sync/log';

/**
 * The bases migration 10's triggers write, in the cases one transaction
 * (one clock) makes awkward: the history they leave must read, by the merge
 * rules, as exactly what the table shows — no conflict with itself.
 */
let dir: string;
let db: Database.Database;
const m = "'c','u','d'";
const c = (n: number) => `1733350000000-00000${n}-dev`;
const at = (n: number) =>
  db.prepare(`UPDATE write_context SET clock = '${c(n)}', device_id = 'dev', author = 'Lena'`).run();
const view = (table: string, rowId: string) =>
  deriveRow(table, rowId, logStore(db).load([{ table, rowId }])[JSON.stringify([table, rowId])]!, false);
const entries = (table: string, rowId: string, field: string) =>
  db
    .prepare(
      'SELECT value, clock, replaces, live FROM change_log WHERE table_name = ? AND row_id = ? AND field = ? ORDER BY clock',
    )
    .all(table, rowId, field);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-bases-'));
  db = new Database(join(dir, 'db.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db);
  at(1);
  db.exec(`INSERT INTO clients VALUES ('cl','Acme','','',${m});
    INSERT INTO client_sites VALUES ('s1','cl',0,'HQ','',5,'',${m});
    INSERT INTO audits (id,client_id,standard,type,scope,start_date,end_date,mode,objectives,criteria,status,created_at,updated_at,device_id)
      VALUES ('a','cl','x','stage2','s','2026-01-01','2026-01-02','on_site','','','planned',${m});
    INSERT INTO audit_sites VALUES ('a','s1',${m});
    INSERT INTO team_audits VALUES ('a','lead','dev','now');`);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bases written by the log triggers (migration 10)', () => {
  it('a field written twice in one transaction is one entry, with the last value and the base before it', () => {
    at(2);
    db.exec("UPDATE audits SET scope = 'one' WHERE id = 'a'; UPDATE audits SET scope = 'two' WHERE id = 'a';");
    expect(entries('audits', 'a', 'scope')).toEqual([
      { value: '"s"', clock: c(1), replaces: '[]', live: 0 },
      { value: '"two"', clock: c(2), replaces: JSON.stringify([c(1)]), live: 1 },
    ]);
    expect(view('audits', 'a')).toMatchObject({ deleted: false, conflicts: [] });
  });

  it('a row deleted and inserted again in one transaction keeps no tombstone; its history shows it, no conflict', () => {
    at(2);
    db.exec(`DELETE FROM audit_sites WHERE audit_id = 'a'; INSERT INTO audit_sites VALUES ('a','s1',${m});`);
    expect(db.prepare("SELECT count(*) FROM tombstones WHERE row_id = 'a/s1'").pluck().get()).toBe(0);
    expect(entries('audit_sites', 'a/s1', 'site_id')).toEqual([
      { value: '"s1"', clock: c(1), replaces: '[]', live: 0 },
      { value: '"s1"', clock: c(2), replaces: JSON.stringify([c(1)]), live: 1 },
    ]);
    expect(view('audit_sites', 'a/s1')).toMatchObject({ deleted: false, conflicts: [] });
  });

  it('a row inserted and deleted in one transaction leaves only its tombstone, over what came before', () => {
    at(2);
    db.exec(`DELETE FROM audit_sites WHERE audit_id = 'a';`);
    at(3);
    db.exec(`INSERT INTO audit_sites VALUES ('a','s1',${m}); DELETE FROM audit_sites WHERE audit_id = 'a';`);
    expect(db.prepare("SELECT count(*) FROM change_log WHERE row_id = 'a/s1' AND clock = ?").pluck().get(c(3))).toBe(0);
    const tombs = db.prepare("SELECT clock, replaces, live FROM tombstones WHERE row_id = 'a/s1' ORDER BY clock").all();
    expect(tombs).toEqual([
      { clock: c(2), replaces: JSON.stringify([c(1)]), live: 0 },
      { clock: c(3), replaces: JSON.stringify([c(2)]), live: 1 },
    ]);
    expect(view('audit_sites', 'a/s1')).toMatchObject({ deleted: true, conflicts: [] });
  });

  it('an edit replaces a live tombstone of its row (a deletion against an edit, decided by editing)', () => {
    // As a merge leaves it: the row shows (the edit won) and the deletion is live next to it.
    at(2);
    db.prepare(
      "INSERT INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces) VALUES ('audits', 'a', ?, 'dev', 'Bea', 'a', '[]')",
    ).run(c(2));
    expect(view('audits', 'a').conflicts.map((x) => x.field)).toEqual([null]);
    at(3);
    db.prepare("UPDATE audits SET objectives = 'Decided' WHERE id = 'a'").run();
    const last = entries('audits', 'a', 'objectives').at(-1) as { replaces: string; live: number };
    expect(JSON.parse(last.replaces)).toEqual([c(1), c(2)]);
    expect(db.prepare("SELECT live FROM tombstones WHERE row_id = 'a'").pluck().get()).toBe(0);
    expect(view('audits', 'a')).toMatchObject({ deleted: false, conflicts: [] });
  });
});
