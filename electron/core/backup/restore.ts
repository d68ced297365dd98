import { randomBytes } from 'node:crypto';
import { readdirSync, statSync, type Stats } from 'node:fs';
import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '#shared/api/result';
import { SCHEMA_VERSION } from '../db/migrations';
import { damaged, extractBackup, openBackupFile, type OpenedBackup, type Progress } from './archive';
import { keyConnection } from '../crypto/db-key';
import {
  readKeyFile,
  unwrapDataKeyOnce,
  keyFits,
  type KeyFile,
  type PassphraseKdf,
  type Unlock,
} from '../crypto/key-file';
import { DATABASE_MEMBER, KEY_MEMBER, type BackupManifest } from './manifest';
import { backupStorageError, fsyncDir } from './storage';

export interface RestoreOptions extends Progress {
  /** The data folder in use, which a restore never writes into. */
  currentDataDir?: string;
  /**
   * For a backup of an encrypted folder (it holds the key file): its passphrase or keychain, or a data key
   * already known (the app restoring a backup of its own folder). A plain backup needs none.
   */
  unlock?: Unlock & { dataKey?: Buffer | null };
  /** The passphrase's KDF (scrypt on the thread pool); tests count its runs. */
  kdf?: PassphraseKdf;
}

/**
 * Restores a backup into a NEW data folder, never over one in use: it is
 * unpacked into a hidden folder beside the target, every member checked
 * against the manifest's SHA-256 and the database's integrity_check run, and
 * only then renamed to the target. A damaged backup, a full disk or a cancel
 * leave nothing behind.
 */
export async function restoreBackup(
  file: string,
  targetDir: string,
  opts: RestoreOptions = {},
): Promise<BackupManifest> {
  const target = checkRestoreTarget(targetDir, opts.currentDataDir);
  const targetEmpty = checkTarget(target);
  const opened = await openBackupFile(file);
  const work = join(dirname(target), `.${basename(target)}.restoring-${randomBytes(4).toString('hex')}`);
  try {
    if (opened.manifest.schemaVersion > SCHEMA_VERSION) {
      throw new DomainError(
        'unsupported',
        'This backup was made by a newer version of Fieldwork. Update Fieldwork to restore it; nothing was restored.',
      );
    }
    if (!opened.manifest.members.some((m) => m.path === DATABASE_MEMBER)) throw damaged('it holds no database');
    // The passphrase first: a wrong one is refused after one scrypt (the whole wait: 0.4 s on a laptop, seconds on
    // a busy machine), before a byte is copied or a folder made.
    const dataKey = await unlockOpenedBackup(opened, opts.unlock ?? {}, { backup: basename(file), kdf: opts.kdf });
    await mkdir(work, { mode: 0o700 });
    await extractBackup(opened, work, opts);
    checkIntegrity(join(work, DATABASE_MEMBER), restoredKey(work, dataKey));
    opts.signal?.throwIfAborted();
    if (targetEmpty) await rmdir(target);
    await rename(work, target);
    await fsyncDir(dirname(target));
    return opened.manifest;
  } catch (e) {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
    if (opts.signal?.aborted) throw new DomainError('cancelled', 'The restore was cancelled; nothing was kept.');
    throw backupStorageError(e, 'The backup could not be restored');
  } finally {
    await opened.zip.close();
  }
}

/** A full path, outside the data folder in use (when there is one): answers it resolved. */
export function checkRestoreTarget(targetDir: string, currentDataDir?: string): string {
  if (!isAbsolute(targetDir)) {
    throw new DomainError(
      'invalid_input',
      'Name the new folder by its full path (for example /home/me/Fieldwork restored).',
    );
  }
  const target = resolve(targetDir);
  if (currentDataDir) {
    const rel = relative(resolve(currentDataDir), target);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      throw new DomainError(
        'conflict',
        'Restore into a new folder outside the data folder in use; Fieldwork never restores over or inside it.',
      );
    }
  }
  checkTarget(target);
  return target;
}

/** The target must not exist yet, or be an empty folder; its parent must exist. Answers whether it exists (empty). */
function checkTarget(target: string): boolean {
  let exists = false;
  try {
    const st = statSync(target);
    exists = true;
    if (!st.isDirectory() || readdirSync(target).length > 0) {
      throw new DomainError(
        'conflict',
        'That folder already exists and is not empty. Name a new folder: a restore never overwrites anything.',
      );
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw backupStorageError(e, 'The backup could not be restored');
  }
  if (exists) return true;
  let parent: Stats | undefined;
  try {
    parent = statSync(dirname(target));
  } catch {
    // Named below.
  }
  if (!parent?.isDirectory()) {
    throw new DomainError('not_found', 'The folder that should hold the new data folder does not exist.');
  }
  return false;
}

/** The key file's bytes are small (a few wraps); anything larger is not one Fieldwork wrote. */
const KEY_MEMBER_MAX = 64 * 1024;

/**
 * The data key of an encrypted backup, from its key file read in memory (nothing is written), or null for a
 * plain backup. A backup of the folder in use opens with that folder's data key; any other needs the passphrase
 * of the folder it was made from. Refused in words: no passphrase given, a wrong one, a damaged key file.
 */
export async function unlockOpenedBackup(
  opened: OpenedBackup,
  unlock: Unlock & { dataKey?: Buffer | null },
  how: { backup?: string; kdf?: PassphraseKdf | undefined } = {},
): Promise<Buffer | null> {
  if (!opened.manifest.members.some((m) => m.path === KEY_MEMBER)) return null;
  const entry = opened.zip.entries.find((e) => e.name === KEY_MEMBER);
  if (!entry) throw damaged('a file its list names is missing');
  if (entry.unpacked > KEY_MEMBER_MAX) throw damaged('its key file is damaged');
  let file: KeyFile;
  try {
    file = JSON.parse((await opened.zip.read(entry)).toString('utf8')) as KeyFile;
    if (unlock.dataKey && keyFits(file, unlock.dataKey)) return unlock.dataKey;
  } catch {
    throw damaged('its key file is damaged');
  }
  if (!unlock.passphrase && !unlock.keychain) throw passphraseNeeded(how.backup);
  try {
    return await unwrapDataKeyOnce(file, unlock, how.kdf);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'wrong_passphrase') {
      throw new DomainError(
        'wrong_passphrase',
        `That is not the passphrase of the data folder ${named(how.backup)} was made from; nothing was restored.`,
      );
    }
    if (e instanceof DomainError && e.code === 'unauthorized') throw passphraseNeeded(how.backup);
    if (e instanceof DomainError) throw e;
    throw damaged('its key file is damaged');
  }
}

/** Opens `file` just to check its key (the app's restore dialog asks before starting the job). */
export async function unlockBackupFile(
  file: string,
  unlock: Unlock & { dataKey?: Buffer | null },
  kdf?: PassphraseKdf,
): Promise<Buffer | null> {
  const opened = await openBackupFile(file);
  try {
    return await unlockOpenedBackup(opened, unlock, { backup: basename(file), kdf });
  } finally {
    await opened.zip.close();
  }
}

/** The backup as the user knows it: its file name (the list and the CLI show it), or "this backup". */
const named = (backup: string | undefined) => (backup ? `the backup ${backup}` : 'this backup');

const passphraseNeeded = (backup?: string) =>
  new DomainError(
    'unauthorized',
    `${named(backup).replace(/^t/, 'T')} is of an encrypted data folder whose key this one does not have: give the ` +
      'passphrase of the folder it was made from (on the command line: --data-passphrase-file FILE). Nothing was ' +
      'restored.',
  );

/** The restored key file, checked as every key file is, must hold the key the backup was unlocked with. */
function restoredKey(dir: string, dataKey: Buffer | null): Buffer | null {
  const file = readKeyFile(dir);
  if (!file && !dataKey) return null;
  if (!file || !dataKey || !keyFits(file, dataKey)) throw damaged('its key file was changed');
  return dataKey;
}

function checkIntegrity(file: string, dataKey: Buffer | null): void {
  let result: string;
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      if (dataKey) keyConnection(db, dataKey);
      result = db.pragma('integrity_check', { simple: true }) as string;
    } finally {
      db.close();
    }
  } catch {
    throw damaged('its database cannot be opened');
  }
  if (result !== 'ok') throw damaged('its database failed SQLite’s integrity check');
}
