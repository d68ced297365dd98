import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '#shared/api/result';
import { keyStatements } from '../crypto/db-key';
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

/**
 * Databases up to this size are checked whole before they open (a fraction of a second). quick_check reads every
 * page: the 3 GB folder of `npm run bench scale` takes over a minute on the loaded 2-core machine, which no start-up
 * (nor each CLI command) can wait for, so a larger one is checked in a worker thread once it is open.
 */
export const SYNC_CHECK_MAX_BYTES = 32 * 1024 * 1024;

/**
 * `PRAGMA quick_check` at every open: pages, records and indexes, without comparing indexes to tables. A larger
 * database gets a cheap check now (its header and schema readable) and the whole one in the background.
 */
export function quickCheck(
  db: Db,
  file: string,
  syncMaxBytes = SYNC_CHECK_MAX_BYTES,
  dataKey: Buffer | null = null,
): void {
  let result: string;
  try {
    if (fileSize(file) > syncMaxBytes) {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      checkInBackground(file, dataKey);
      return;
    }
    result = db.pragma('quick_check', { simple: true }) as string;
  } catch (e) {
    if (isCorruption(e)) throw corruptDatabase(file);
    throw e;
  }
  if (result !== 'ok') throw corruptDatabase(file);
}

const fileSize = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/** What the background check found, per database file: the words of CorruptDatabaseError. */
const problems = new Map<string, string>();

/** The latest background check of this database file: settles once it has answered (at once if none ran). */
const checks = new Map<string, Promise<void>>();
export const backgroundCheck = (file: string): Promise<void> => checks.get(file) ?? Promise.resolve();

/** A problem the background check found in this database since it opened, or null (none, or not done yet). */
export const databaseProblem = (file: string): string | null => problems.get(file) ?? null;

// A worker of its own, on a read-only connection (WAL lets it read beside the backend's): better-sqlite3 is
// synchronous, and the backend's thread keeps answering meanwhile. It does not keep a CLI command alive (unref).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let answer;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    for (const statement of workerData.keyStatements) db.exec(statement);
    answer = { result: db.pragma('quick_check', { simple: true }) };
  } finally { db.close(); }
} catch (e) { answer = { code: String((e && e.code) || 'error') }; }
parentPort.postMessage(answer);
`;

function checkInBackground(file: string, dataKey: Buffer | null): void {
  let modulePath: string;
  try {
    modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return;
  }
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { modulePath, file, keyStatements: dataKey ? keyStatements(dataKey) : [] },
  });
  worker.unref();
  checks.set(
    file,
    new Promise<void>((done) => {
      worker.once('message', (answer: { result?: string; code?: string }) => {
        const damaged = answer.result !== undefined ? answer.result !== 'ok' : CORRUPT_CODES.has(answer.code ?? '');
        if (damaged) {
          const message = corruptDatabase(file).message;
          problems.set(file, message);
          process.stderr.write(`fieldwork: ${message}\n`);
        }
        done();
      });
      worker.once('error', () => done());
    }),
  );
}
