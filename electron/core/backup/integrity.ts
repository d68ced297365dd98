import { dirname } from 'node:path';
import { DomainError } from '#shared/api/result';
import type { Db } from '../db/open';
import { newestBackup } from './paths';

/**
 * The database file is damaged: SQLite cannot read it, or `PRAGMA
 * quick_check` found broken pages or indexes. Nothing was changed; the
 * message names the newest backup and how to restore it into a new folder.
 */
export class CorruptDatabaseError extends DomainError {
  constructor(readonly newestBackup: string | null) {
    super(
      'database_corrupt',
      'The database in this data folder is not a Fieldwork database or is damaged (SQLite’s check of it failed), so ' +
        'Fieldwork did not open it and changed nothing. ' +
        (newestBackup
          ? `Your newest backup is ${newestBackup}. Restore it into a new folder with ` +
            '`fieldwork restore <that file> --data-dir <new folder>`, then open that folder.'
          : 'There is no backup in its backups folder; keep a copy of the folder as it is and ask for help.'),
    );
    this.name = 'CorruptDatabaseError';
  }
}

const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE']);

/** SQLite's own word that the file is not a sound database, from any statement. */
export const isCorruption = (e: unknown): boolean => CORRUPT_CODES.has((e as { code?: string }).code ?? '');

export const corruptDatabase = (file: string) => new CorruptDatabaseError(newestBackup(dirname(file)));

/** `PRAGMA quick_check` at every open: pages, records and indexes, without comparing indexes to tables. */
export function quickCheck(db: Db, file: string): void {
  let result: string;
  try {
    result = db.pragma('quick_check', { simple: true }) as string;
  } catch (e) {
    if (isCorruption(e)) throw corruptDatabase(file);
    throw e;
  }
  if (result !== 'ok') throw corruptDatabase(file);
}
