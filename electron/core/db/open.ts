import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { corruptDatabase, isCorruption, quickCheck } from '../backup/integrity';
import { stageBeforeMigration } from '../backup/pre-migration';
import { keyConnection } from '../crypto/db-key';
import { ensurePrivateFileSync } from '../files/private-fs';
import { migrate, MIGRATIONS } from './migrations';

export type Db = Database.Database;

/**
 * Opens the one database file with the settings every caller relies on:
 * WAL so readers never block the writer, synchronous=FULL so a committed
 * transaction survives a crash or power loss, foreign keys enforced, and
 * secure_delete so what was deleted does not linger in free pages.
 *
 * Every open runs `PRAGMA quick_check`: a damaged file is refused with
 * CorruptDatabaseError (code database_corrupt), which names the newest
 * backup, before anything is written (a large file: in the background once
 * open, backup/integrity.ts). An existing database with migrations
 * pending is copied into backups/ first (backup/pre-migration.ts).
 *
 * With the folder's data key (an encrypted folder, crypto/key-file.ts) the
 * connection is keyed before its first statement: every page of the file
 * and of its -wal is encrypted (crypto/db-key.ts).
 */
export function openDatabase(file: string, opts: { syncCheckMaxBytes?: number; dataKey?: Buffer | null } = {}): Db {
  // Owner-only before SQLite opens it: the -wal and -shm files it creates copy these permissions.
  ensurePrivateFileSync(file);
  const db = new Database(file);
  try {
    if (opts.dataKey) keyConnection(db, opts.dataKey);
    // Checked before anything is set: switching a damaged file to WAL would already write to it.
    quickCheck(db, file, opts.syncCheckMaxBytes, opts.dataKey ?? null);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten with zeros, so a deleted client's name is not left readable in the file.
    db.pragma('secure_delete = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && version < MIGRATIONS.length) stageBeforeMigration(db, dirname(file));
    migrate(db);
    // Temporary b-trees (the UNIONs and ORDER BYs inside the change log's triggers, sorts of search results) in
    // memory, not in temp files: an evidence row with its links cost about half as much (1.8 → 0.9 ms per row
    // measured at a load of 12), and no temp file outside the data folder ever holds a page of client data. Set after
    // migrating, so a migration's index builds on a large database still spill to disk rather than to memory.
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (e) {
    db.close();
    // SQLite may say so on the first statement (not a database at all) rather than in quick_check.
    if (isCorruption(e)) throw corruptDatabase(file);
    throw e;
  }
}
