import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, NewerDatabaseError, SCHEMA_VERSION, migrate } from '#core/db/migrations';
import { openDatabase } from '#core/db/open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-mig-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tableNames = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('migration 1: clients and audit engagements', () => {
  it('creates the strict tables with row metadata and sets user_version', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tableNames(db)).toEqual([
      'audit_sites',
      'audit_team',
      'audits',
      'client_contacts',
      'client_sites',
      'clients',
    ]);
    for (const t of tableNames(db)) {
      const sql = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql, t).toMatch(/\)\s*STRICT$/);
      const cols = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name);
      expect(cols, t).toEqual(expect.arrayContaining(['created_at', 'updated_at', 'device_id']));
    }
    // STRICT rejects a wrongly typed value instead of storing it.
    db.prepare("INSERT INTO clients VALUES ('x', 'n', '', '', 'c', 'u', 'd')").run();
    expect(() => db.prepare("INSERT INTO client_sites VALUES ('s','x',0,'n','','many','','c','u','d')").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.close();
  });

  it('enforces one lead auditor per audit in the schema itself', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db);
    const m = "'c','u','d'";
    db.exec(`INSERT INTO clients VALUES ('cl','Acme','','',${m});
      INSERT INTO audits VALUES ('a','cl','ISO/IEC 27001:2022','stage2','s','2026-01-01','2026-01-02','on_site','','','planned',${m});
      INSERT INTO audit_team VALUES ('t1','a',0,'L','','lead_auditor',${m});`);
    expect(() => db.exec(`INSERT INTO audit_team VALUES ('t2','a',1,'M','','lead_auditor',${m})`)).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(
        `INSERT INTO audits VALUES ('b','cl','ISO/IEC 27001:2022','stage2','s','2026-02-01','2026-01-02','on_site','','','planned',${m})`,
      ),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('migrate()', () => {
  it('is idempotent and opens the file in WAL mode with foreign keys on', () => {
    const file = join(dir, 'db.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = join(dir, 'db.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer version of Fieldwork/);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(tableNames(after)).toEqual([]);
    after.close();
  });

  it('applies all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE oops (' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tableNames(db)).toEqual([]);
    db.close();
  });
});
