import { open } from 'node:fs/promises';
import { DomainError } from '#shared/api/result';

/**
 * A backup or restore that hits a full disk or a folder it may not write
 * fails with one clear 'storage' error on that action; its temp files are
 * removed by the caller and the data folder is untouched.
 */
export function backupStorageError(e: unknown, action: string): unknown {
  if (e instanceof DomainError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  // SQLite's words for the same (the online backup writes the copy through SQLite).
  if (code === 'SQLITE_FULL') return backupStorageError({ code: 'ENOSPC' }, action);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return backupStorageError({ code: 'EROFS' }, action);
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DomainError(
      'storage',
      `${action}: the disk is full. Free some space and try again; nothing was changed.`,
    );
  }
  if (code === 'EROFS') {
    return new DomainError('storage', `${action}: the folder is on a read-only disk. Nothing was changed.`);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new DomainError('storage', `${action}: Fieldwork may not write to that folder. Nothing was changed.`);
  }
  if (code === 'ENOENT') {
    return new DomainError(
      'storage',
      `${action}: a file it needed went missing while it ran (an attachment deleted meanwhile?). Try again.`,
    );
  }
  if (code !== '') return new DomainError('storage', `${action} (${code}). Nothing was changed.`);
  return e;
}

/** Makes a rename durable. Windows cannot open folders, and NTFS journals renames. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
