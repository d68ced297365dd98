import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { migrate } from '#core/db/migrations';

/** The checked-in schema of a fresh database at the newest migration (rewritten by `npm run schema:snapshot`). */
export const SCHEMA_SNAPSHOT = fileURLToPath(new URL('../fixtures/schema/schema.sql', import.meta.url));

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/**
 * Every sqlite_master entry (type, name, table, SQL as SQLite stores it), sorted
 * by type and name, as text to diff. SQLite keeps the statement as written (an
 * ALTER TABLE edits it), so a changed space in a released migration shows here.
 */
export function schemaText(db: Database.Database): string {
  const version = db.pragma('user_version', { simple: true }) as number;
  const rows = db
    .prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name, tbl_name')
    .all() as MasterRow[];
  const head =
    `-- The schema of a fresh Fieldwork database at migration ${version}: every sqlite_master entry, sorted.\n` +
    '-- Written by `npm run schema:snapshot` (run it after adding a migration); tests compare it with fresh and upgraded databases.';
  const entries = rows.map(
    (r) => `-- ${r.type} ${r.name} on ${r.tbl_name}\n${r.sql === null ? '-- (made by SQLite; no SQL)' : `${r.sql};`}`,
  );
  return `${[head, ...entries].join('\n\n')}\n`;
}

/** The schema text of a new in-memory database after every migration. */
export function freshSchemaText(): string {
  const db = new Database(':memory:');
  try {
    migrate(db);
    return schemaText(db);
  } finally {
    db.close();
  }
}
