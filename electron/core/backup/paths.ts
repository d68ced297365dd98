import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_NAME, type BackupReason } from '#shared/domain/backup';

/** Rolling backups live in the data folder's own `backups/` (a copy elsewhere is the user's choice: `--out`). */
export const backupsDir = (dataDir: string): string => join(dataDir, 'backups');

export const isBackupName = (name: string): boolean => BACKUP_NAME.test(name);

/** `fieldwork-backup-20261205-122453-123-manual-ab12.fwbackup`: sorts by time, says why. */
export function backupName(reason: BackupReason, at: Date): string {
  const iso = at.toISOString(); // 2026-12-05T12:24:53.123Z
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
  return `fieldwork-backup-${stamp}-${reason}-${randomBytes(2).toString('hex')}.fwbackup`;
}

/** The backups in the folder, newest first (names sort by time). */
export function backupNames(dataDir: string): string[] {
  try {
    return readdirSync(backupsDir(dataDir)).filter(isBackupName).sort().reverse();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** The newest backup file, by name: what a damaged database is offered (restore checks it). */
export function newestBackup(dataDir: string): string | null {
  const [newest] = backupNames(dataDir);
  return newest ? join(backupsDir(dataDir), newest) : null;
}
