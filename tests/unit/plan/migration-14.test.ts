import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '#core/db/migrations';
import { seedAt } from '../core/migrations-seed';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-m14-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 14: the audits table rebuilt for the gap-analysis type', () => {
  it("keeps every audit's children (no cascade), its change log and triggers, and turns foreign keys back on", () => {
    // A folder at migration 13 with the representative rows of every table (the upgrade test's seed).
    const file = join(dir, 'fieldwork.sqlite');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS.slice(0, 13));
    seedAt(old, 13);
    const counts = (db: Database.Database) =>
      Object.fromEntries(
        (
          db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .all() as { name: string }[]
        ).map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
      );
    const auditTriggers = (db: Database.Database) =>
      db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audits' ORDER BY name")
        .all();
    const before = counts(old);
    const triggers = auditTriggers(old);
    const audits = old.prepare('SELECT * FROM audits ORDER BY id').all();
    expect(before.checklist_items).toBeGreaterThan(0);
    expect(before.change_log).toBeGreaterThan(0);
    expect(triggers).toHaveLength(3);
    old.close();

    // Up to 14 only: later migrations add rows and triggers of their own (migration 16 indexes findings and samples).
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 14));
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(14);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      const after = counts(db);
      for (const [table, n] of Object.entries(before)) expect(after[table], table).toBe(n);
      expect(db.prepare('SELECT * FROM audits ORDER BY id').all()).toEqual(audits);
      expect(auditTriggers(db)).toEqual(triggers);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // The new type is accepted; a made-up one still is not.
      const id = (audits[0] as { id: string }).id;
      db.prepare("UPDATE audits SET type = 'gap_analysis' WHERE id = ?").run(id);
      expect(() => db.prepare("UPDATE audits SET type = 'made_up' WHERE id = ?").run(id)).toThrow(/CHECK/);
      // Keys are enforced again on the rebuilt table.
      expect(() => db.prepare("UPDATE audits SET client_id = 'nobody' WHERE id = ?").run(id)).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('a migration that leaves a dangling key is refused whole, and foreign keys are on afterwards', () => {
    const db = new Database(join(dir, 'x.sqlite'));
    try {
      db.pragma('foreign_keys = ON');
      const bad = [
        { version: 1, name: 'parent', sql: 'CREATE TABLE p (id TEXT PRIMARY KEY) STRICT;' },
        {
          version: 2,
          name: 'orphan',
          rebuildsTables: true,
          sql: "CREATE TABLE c (id TEXT PRIMARY KEY, p TEXT REFERENCES p(id)) STRICT; INSERT INTO c VALUES ('c', 'nobody');",
        },
      ];
      migrate(db, bad.slice(0, 1));
      expect(() => migrate(db, bad)).toThrow(/pointing at a missing record/);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined();
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });
});
