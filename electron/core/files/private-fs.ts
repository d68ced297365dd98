import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds client data: only its owner may read it. Modes are
 * set with chmod after creating, as `mode` on mkdir/open only applies to new
 * entries and is narrowed by the umask. Windows has no such modes (the
 * per-user profile folder's ACL protects it), so nothing is done there.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = (platform: NodeJS.Platform) => platform !== 'win32';

/** mkdir -p, then the folder itself made owner-only (also when it existed). */
export function mkdirPrivateSync(dir: string, platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix(platform)) chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates `file` empty and owner-only if it does not exist, else makes it
 * owner-only. For the SQLite database before it is opened: SQLite gives the
 * -wal and -shm files it creates the database file's permissions.
 */
export function ensurePrivateFileSync(file: string, platform = process.platform): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  if (posix(platform)) chmodSync(file, PRIVATE_FILE_MODE);
}

const loose = (mode: number) => (mode & 0o077) !== 0;

/** What Fieldwork keeps in the data folder; anything else there is the user's and keeps its mode. */
const KNOWN_ENTRIES = [
  'fieldwork.sqlite',
  'fieldwork.sqlite-wal',
  'fieldwork.sqlite-shm',
  'fieldwork.sqlite-journal',
  'device-id',
  'fieldwork.lock',
  'evidence',
  'reports',
  'exports',
  'backups',
];

/**
 * Removes group and other permissions from the data folder and Fieldwork's
 * own entries in it (earlier versions created files 0644 and folders 0755).
 * Folders are descended when they or the data folder were open to others;
 * otherwise nothing inside was reachable and start-up stays quick with many
 * evidence files. Symbolic links are left alone. Returns how many
 * entries were tightened (0: nothing to tell the user).
 */
export function tightenDataDir(dataDir: string, platform = process.platform): number {
  if (!posix(platform)) return 0;
  let tightened = 0;
  const fix = (path: string, deep: boolean) => {
    let st;
    try {
      st = lstatSync(path);
    } catch {
      return; // removed meanwhile (another process's clean-up)
    }
    if (st.isSymbolicLink()) return;
    const wasLoose = loose(st.mode);
    if (wasLoose) {
      try {
        // The owner's own bits stay (a read-only file stays read-only).
        chmodSync(path, st.mode & 0o700);
        tightened++;
      } catch {
        // Not ours to change (another owner): leave it, the folder's own mode still protects it.
      }
    }
    // Inside a folder others could enter, anything may have been reached: look at everything.
    if ((deep || wasLoose) && st.isDirectory()) {
      let names: string[] = [];
      try {
        names = readdirSync(path);
      } catch {
        return;
      }
      for (const name of names) fix(join(path, name), true);
    }
  };
  const rootWasLoose = (() => {
    try {
      return loose(lstatSync(dataDir).mode);
    } catch {
      return false;
    }
  })();
  fix(dataDir, false);
  for (const name of KNOWN_ENTRIES) fix(join(dataDir, name), rootWasLoose);
  return tightened;
}
