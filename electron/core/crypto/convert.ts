import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '#shared/api/result';
import { lockDataDir } from '../data-lock';
import { keyStatements } from './db-key';
import {
  fsyncDirSync,
  newDataKey,
  readKeyFile,
  unwrapDataKey,
  wrapDataKey,
  writeKeyFile,
  type ScryptParams,
  type Unlock,
} from './key-file';

const DATABASE = 'fieldwork.sqlite';
/** The encrypted copy while it is being made; removed whenever a conversion starts or finishes. */
const WORK = `${DATABASE}.encrypting`;

/** The steps of a conversion, in order; a test hook may fail at any of them (as a crash there would). */
export type ConvertStep = 'checkpointed' | 'copied' | 'encrypted' | 'verified' | 'key-written' | 'renamed';

export interface ConvertOptions {
  /** After each step: how far (0–1) and what comes next, in words a progress screen shows. */
  onProgress?(fraction: number, stage: string): void;
  /** Called after each step; throwing stops the conversion there, like a crash (tests). */
  afterStep?(step: ConvertStep): void;
  scrypt?: ScryptParams;
  /** The new data key (default: a fresh random one); the desktop app has it wrapped by the keychain first. */
  dataKey?: Buffer;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the database file is a plain (unencrypted) SQLite file: its first 16 bytes say so in clear. */
export function isPlainDatabase(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

const fsyncFile = (file: string) => {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

const inUse = () =>
  new DomainError('conflict', 'Another program has this data folder open; close Fieldwork and try again.');
const isBusy = (e: unknown) => /^SQLITE_(BUSY|LOCKED)/.test((e as { code?: string }).code ?? '');

/** Leftovers of a conversion a crash interrupted: they are never the folder's database. */
export function removeWork(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (name === WORK || name.startsWith(`${WORK}-`)) rmSync(join(dataDir, name), { force: true });
  }
}

/**
 * Encrypts a plain data folder's database in place of the plain one, safe
 * against a crash at any moment (the caller holds the folder: no other
 * process has it open):
 * 1. the plain database is checkpointed and closed (no -wal left to replay onto the new file);
 * 2. it is copied to fieldwork.sqlite.encrypting, which is encrypted there (SQLite3MC's rekey), checked
 *    (`quick_check`, same schema version) and fsynced — the plain file is untouched so far;
 * 3. the key file is written (atomically) — from here a restart finds a key file beside a plain
 *    database and runs the conversion again with that key (`finishConversion`);
 * 4. the encrypted copy is renamed over the plain file and the folder fsynced.
 * Answers the data key. A folder already encrypted is refused.
 */
export function encryptDataDir(dataDir: string, unlock: Unlock, opts: ConvertOptions = {}): Buffer {
  if (readKeyFile(dataDir)) throw new DomainError('conflict', 'This data folder is already encrypted.');
  const db = join(dataDir, DATABASE);
  if (!isPlainDatabase(db)) {
    throw new DomainError('not_found', 'There is no Fieldwork database in this folder to encrypt.');
  }
  // Held for the whole conversion: another Fieldwork (app, preview host, CLI) on the folder is refused.
  const lock = lockDataDir(dataDir);
  try {
    if (!lock.held) throw inUse();
    return convert(dataDir, null, unlock, opts);
  } finally {
    lock.release();
  }
}

/**
 * A key file beside a plain database: a conversion was interrupted after step 3. Runs it again with the key
 * the key file holds (the plain file is still whole). Answers whether there was one to finish.
 */
export function finishConversion(dataDir: string, dataKey: Buffer, opts: ConvertOptions = {}): boolean {
  if (!isPlainDatabase(join(dataDir, DATABASE))) {
    if (existsSync(dataDir)) removeWork(dataDir);
    return false;
  }
  convert(dataDir, dataKey, {}, opts);
  return true;
}

function convert(dataDir: string, knownKey: Buffer | null, unlock: Unlock, opts: ConvertOptions): Buffer {
  const step = (s: ConvertStep, fraction: number, stage: string) => {
    opts.onProgress?.(fraction, stage);
    opts.afterStep?.(s);
  };
  const db = join(dataDir, DATABASE);
  const work = join(dataDir, WORK);
  removeWork(dataDir);
  // 1. Everything in the main file, in rollback-journal mode (SQLite switches only when no other connection has the
  // file open: a Fieldwork running on the folder is found here), and a read lock held while it is copied.
  const plain = new Database(db, { fileMustExist: true });
  let version: number;
  try {
    plain.pragma('busy_timeout = 5000');
    plain.pragma('wal_checkpoint(TRUNCATE)');
    if (plain.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw inUse();
    step('checkpointed', 0.05, 'Copying the database');
    plain.exec('BEGIN');
    version = plain.pragma('user_version', { simple: true }) as number;
    // 2. The copy, then encrypted where it lies: the plain file stays as it was until step 4.
    copyFileSync(db, work);
    plain.exec('COMMIT');
  } catch (e) {
    throw isBusy(e) ? inUse() : e;
  } finally {
    plain.close();
  }
  step('copied', 0.3, 'Encrypting the copy of the database');
  const key = knownKey ?? opts.dataKey ?? newDataKey();
  const copy = new Database(work, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const [cipher, legacy, keyPragma] = keyStatements(key);
    copy.exec(cipher!);
    copy.exec(legacy!);
    copy.exec(keyPragma!.replace('PRAGMA key', 'PRAGMA rekey'));
  } finally {
    copy.close();
  }
  step('encrypted', 0.8, 'Checking the encrypted copy');
  const check = new Database(work, { fileMustExist: true });
  try {
    for (const statement of keyStatements(key)) check.exec(statement);
    const ok = check.pragma('quick_check', { simple: true }) === 'ok';
    if (!ok || check.pragma('user_version', { simple: true }) !== version) {
      throw new DomainError('internal', 'The encrypted copy of the database did not check out; nothing was changed.');
    }
  } finally {
    check.close();
  }
  fsyncFile(work);
  step('verified', 0.9, 'Saving the key');
  // 3. The key before the rename: an encrypted database is never without its key file.
  if (!knownKey) writeKeyFile(dataDir, wrapDataKey(key, unlock, opts.scrypt));
  step('key-written', 0.95, 'Replacing the plain database');
  // 4. A -wal of the plain file would be replayed onto the encrypted one; step 1 closed it, so none is left.
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  renameSync(work, db);
  fsyncDirSync(dataDir);
  step('renamed', 1, 'Done');
  return key;
}

/** The key of a folder being unlocked, with any interrupted conversion finished first. */
export function unlockAndFinish(dataDir: string, unlock: Unlock, opts: ConvertOptions = {}): Buffer | null {
  const file = readKeyFile(dataDir);
  if (!file) {
    if (existsSync(dataDir)) removeWork(dataDir);
    return null;
  }
  const key = unwrapDataKey(file, unlock);
  finishConversion(dataDir, key, opts);
  return key;
}
