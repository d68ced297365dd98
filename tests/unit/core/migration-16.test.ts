import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '#core/db/migrations';
import { openDatabase } from '#core/db/open';
import { seedAt } from './migrations-seed';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-m16-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 16: findings and sampled records join the search index', () => {
  it('indexes the findings and samples written before it, under their audit', () => {
    const file = join(dir, 'fieldwork.sqlite');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS.slice(0, 15));
    // A finding NC-01 "Rules not reviewed" of a Stage 2 and a sample CHG-1 "Change ticket" (migrations-seed.ts).
    seedAt(old, 15);
    old.close();
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(16);
      const entries = db
        .prepare(
          `SELECT d.kind, d.record_id, d.audit_id, s.title, s.body FROM search_docs d JOIN search_index s ON s.rowid = d.rowid
           WHERE d.kind IN ('finding', 'sample') ORDER BY d.kind`,
        )
        .all();
      expect(entries).toEqual([
        {
          kind: 'finding',
          record_id: 'f1',
          audit_id: 'a',
          title: 'NC-01 ST2-NC-01 Minor nonconformity',
          body: 'Rules not reviewed ',
        },
        { kind: 'sample', record_id: 'sm1', audit_id: 'a', title: 'CHG-1', body: 'Change ticket' },
      ]);
      const match = (q: string) =>
        db
          .prepare(
            'SELECT d.record_id FROM search_index s JOIN search_docs d ON d.rowid = s.rowid WHERE search_index MATCH ?',
          )
          .pluck()
          .all(q);
      expect(match('"ST2" AND "NC" AND "01"')).toEqual(['f1']);
      expect(match('reviewed')).toEqual(expect.arrayContaining(['f1']));
      expect(match('"CHG" AND "1"')).toEqual(['sm1']);
    } finally {
      db.close();
    }
  });
});
