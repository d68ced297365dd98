import Database from 'better-sqlite3';
import { ensurePrivateFileSync } from '../files/private-fs';
import { migrate } from './migrations';

export type Db = Database.Database;

/**
 * Opens the one database file with the settings every caller relies on:
 * WAL so readers never block the writer, synchronous=FULL so a committed
 * transaction survives a crash or power loss, foreign keys enforced, and
 * secure_delete so what was deleted does not linger in free pages.
 */
export function openDatabase(file: string): Db {
  // Owner-only before SQLite opens it: the -wal and -shm files it creates copy these permissions.
  ensurePrivateFileSync(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten with zeros, so a deleted client's name is not left readable in the file.
    db.pragma('secure_delete = ON');
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
