import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '#core/db/migrations';

interface ForeignKey {
  table: string;
  from: string;
  to: string;
}

/**
 * Foreign keys whose column does not lead any index of its table. Deleting a
 * parent row (or SET NULL / RESTRICT checks) then scans the whole child table,
 * and a join on that column does too: every such delete grows with the data.
 */
function unindexedForeignKeys(db: Database.Database): ForeignKey[] {
  return db
    .prepare(
      `SELECT m.name AS "table", fk."from" AS "from", fk."table" || '(' || coalesce(fk."to", 'rowid') || ')' AS "to"
       FROM sqlite_master m, pragma_foreign_key_list(m.name) fk
       WHERE m.type = 'table' AND NOT EXISTS (
         SELECT 1 FROM pragma_index_list(m.name) il, pragma_index_info(il.name) ii
         WHERE ii.seqno = 0 AND ii.name = fk."from")
       ORDER BY m.name, fk."from"`,
    )
    .all() as ForeignKey[];
}

describe('foreign keys', () => {
  it('each leads an index of its table (a parent delete never scans the child table)', () => {
    const db = new Database(':memory:');
    try {
      migrate(db);
      // Sanity: the query sees foreign keys at all (it would pass vacuously otherwise).
      const fks = db
        .prepare(`SELECT count(*) AS n FROM sqlite_master m, pragma_foreign_key_list(m.name) WHERE m.type = 'table'`)
        .get() as { n: number };
      expect(fks.n).toBeGreaterThan(30);
      expect(unindexedForeignKeys(db)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
