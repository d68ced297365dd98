import { join, resolve } from 'node:path';
import {
  DATABASE_FILE,
  defaultDataDir,
  KEY_FILE,
  NewerDatabaseError,
  openBackend,
  openServedBackend,
  TemplateLoadError,
  unlockDataDir,
  type Backend,
  type BackendOptions,
  type ServedBackend,
} from '#core/backend';
import { existsSync, statSync } from 'node:fs';
import { dataUnlock } from './data-unlock';
import { UserError } from './errors';
import { cliLanguage, localMessage } from './lang';
import { appVersion, cliPaths } from './paths';

export function resolveDataDir(flag: string | undefined): string {
  return resolve(flag ?? defaultDataDir());
}

/**
 * Opens the backend, turning the failures a user can fix into one clear line. The key is unlocked from the data
 * passphrase file unless given (the preview host's session unlocks it itself).
 */
export function openForCli(dataDir: string, key?: Buffer | null): Backend {
  return openWorded(dataDir, key, openBackend);
}

/**
 * The preview host's opening: as openForCli, except that a damaged database starts the degraded backend, which
 * serves only the backups and a restore into a new folder (the page shows the "database is damaged" screen).
 */
export function openForHost(dataDir: string, key: Buffer | null): ServedBackend {
  return openWorded(dataDir, key, openServedBackend);
}

function openWorded<T>(dataDir: string, key: Buffer | null | undefined, open: (opts: BackendOptions) => T): T {
  try {
    const { exportWorkerUrl, soaWorkerUrl } = cliPaths();
    const dataKey = key === undefined ? unlockForCli(dataDir) : key;
    return open({ dataDir, appVersion: appVersion(), exportWorkerUrl, soaWorkerUrl, dataKey });
  } catch (e) {
    // An encrypted folder without its passphrase, a wrong one, a damaged key file: the message says which.
    if (UNLOCK_CODES.has(String((e as { code?: unknown }).code))) throw new UserError((e as Error).message);
    if (e instanceof NewerDatabaseError || e instanceof TemplateLoadError) throw new UserError(e.message);
    // A damaged database (quick_check at open): the message names the newest backup and `fieldwork restore`.
    if ((e as { code?: unknown }).code === 'database_corrupt') throw new UserError((e as Error).message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`Cannot write to the data folder ${dataDir}.`);
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new UserError(`${dataDir} is not a folder.`);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new UserError(`The database in ${dataDir} is not a Fieldwork database or is damaged. Nothing was changed.`);
    }
    throw e;
  }
}

const UNLOCK_CODES = new Set(['unauthorized', 'wrong_passphrase', 'unsupported']);

/**
 * An encrypted folder's data key from the data passphrase file (data-unlock.ts), read only when the folder has a
 * key file; null for a plain folder.
 */
export function unlockForCli(dataDir: string): Buffer | null {
  return existsSync(join(dataDir, KEY_FILE)) ? unlockDataDir(dataDir, dataUnlock()) : null;
}

/**
 * For commands that only read (or add to an existing folder): a mistyped
 * --data-dir must not silently become a new, empty data folder. Refuses,
 * creating nothing, unless the folder and its database already exist.
 */
export function openExistingForCli(dataDir: string, exitCode = 1): Backend {
  const kind = (path: string) => {
    try {
      const st = statSync(path);
      return st.isDirectory() ? 'folder' : 'file';
    } catch {
      return 'none';
    }
  };
  const folder = kind(dataDir);
  if (folder === 'none') {
    throw new UserError(
      `There is no data folder at ${dataDir}; nothing was created. Check the --data-dir path.`,
      exitCode,
    );
  }
  if (folder === 'file') throw new UserError(`${dataDir} is not a folder.`, exitCode);
  if (kind(join(dataDir, DATABASE_FILE)) !== 'file') {
    throw new UserError(
      `${dataDir} is not a Fieldwork data folder (it has no ${DATABASE_FILE}); nothing was created.`,
      exitCode,
    );
  }
  return openForCli(dataDir);
}

/** Unwraps an envelope for the CLI: an error becomes a UserError with the backend's message. */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new UserError(localMessage(r.error, cliLanguage()));
  return r.value;
}
