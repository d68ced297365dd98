import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'fieldwork.lock';

export interface DataDirLock {
  /** True when this process is the only Fieldwork process known to use the folder. */
  readonly held: boolean;
  release(): void;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Advisory lock on a data folder: a file holding the owner's pid. Several
 * processes may open the database (SQLite copes), but only the lock holder
 * may sweep at start-up, because the sweep deletes temp files that another
 * process may be writing. Stored evidence files need no lock: they are
 * deleted only under the database's write lock, never while a process claims
 * them (evidence/store.ts). A lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        held: true,
        release: () => {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') break;
      const owner = Number.parseInt(readLock(file), 10);
      // Our own pid: another backend in this process has the folder open.
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) break;
      rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  return { held: false, release: () => undefined };
}

function readLock(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}
