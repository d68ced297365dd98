import Database from 'better-sqlite3';
import { migrate } from './migrations';

export type Db = Database.Database;

/**
 * Opens the one database file with the settings every caller relies on:
 * WAL so readers never block the writer, synchronous=FULL so a committed
 * transaction survives a crash or power loss, and foreign keys enforced.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
