import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '#shared/api/result';
import { BACKUP_KEEP_DEFAULT, BackupSettings, type BackupList } from '#shared/domain/backup';
import { openBackupFile } from './archive';
import { unlockOpenedBackup } from './restore';
import { summaryOf } from './create';
import { databaseProblem } from './integrity';
import { backupNames, backupsDir } from './paths';
import { backupStorageError } from './storage';

const SETTINGS = 'settings.json';

export function readSettings(dataDir: string): BackupSettings {
  try {
    const parsed = BackupSettings.safeParse(JSON.parse(readFileSync(join(backupsDir(dataDir), SETTINGS), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // None yet, or unreadable: the default.
  }
  return { keep: BACKUP_KEEP_DEFAULT };
}

/** Written whole to a temp file and renamed, so a crash leaves the old settings or the new. */
export function writeSettings(dataDir: string, settings: BackupSettings): BackupSettings {
  const dir = backupsDir(dataDir);
  const temp = join(dir, `${SETTINGS}.tmp`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temp, JSON.stringify(settings), { mode: 0o600, flush: true });
    renameSync(temp, join(dir, SETTINGS));
  } catch (e) {
    rmSync(temp, { force: true });
    throw backupStorageError(e, 'The backup setting could not be saved');
  }
  prune(dataDir);
  return settings;
}

/** Deletes the oldest backups beyond the number to keep. */
export function prune(dataDir: string): void {
  const { keep } = readSettings(dataDir);
  for (const name of backupNames(dataDir).slice(keep)) rmSync(join(backupsDir(dataDir), name), { force: true });
}

/** Every backup with what it holds, read from each file's manifest. */
export async function listBackups(dataDir: string, dataKey: Buffer | null = null): Promise<BackupList> {
  const list: BackupList = {
    folder: backupsDir(dataDir),
    keep: readSettings(dataDir).keep,
    databaseProblem: databaseProblem(join(dataDir, 'fieldwork.sqlite')),
    backups: [],
    unreadable: [],
  };
  for (const id of backupNames(dataDir)) {
    const file = join(backupsDir(dataDir), id);
    let size = 0;
    try {
      size = statSync(file).size;
      const opened = await openBackupFile(file);
      const summary = summaryOf(id, size, opened.manifest);
      try {
        // Whether restoring it will ask for a passphrase: its key file against this folder's key (no scrypt).
        if (summary.encrypted) {
          await unlockOpenedBackup(opened, { dataKey });
          summary.needsPassphrase = false;
        }
      } catch (e) {
        if (!(e instanceof DomainError && e.code === 'unauthorized')) throw e;
        summary.needsPassphrase = true;
      } finally {
        await opened.zip.close();
      }
      list.backups.push(summary);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') continue; // pruned meanwhile
      list.unreadable.push({ id, size, problem: e instanceof DomainError ? e.message : 'It cannot be read.' });
    }
  }
  return list;
}

/** Whether one was made in the last 24 hours (the daily start-up backup is then skipped). */
export function madeToday(dataDir: string, now: Date): boolean {
  const [newest] = backupNames(dataDir);
  if (!newest) return false;
  const m = /^fieldwork-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})/.exec(newest);
  if (!m) return false;
  const at = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!);
  return now.getTime() - at < 24 * 60 * 60 * 1000 && at <= now.getTime();
}
