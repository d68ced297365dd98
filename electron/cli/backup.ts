import { copyFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupJob } from '#shared/domain/backup';
import { backupTools, type Backend } from '#core/backend';
import { dataUnlock } from './data-unlock';
import { UserError } from './errors';
import { must, openExistingForCli, resolveDataDir } from './open';

export interface BackupOptions {
  dataDir?: string;
  out?: string;
  progress?: boolean;
}

const sizeText = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(1)} GB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
      : `${Math.ceil(bytes / 1024)} KB`;

async function untilDone(backend: Backend, job: BackupJob, progress: boolean): Promise<BackupJob> {
  let last = '';
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    job = must(await backend.call('backups.status', { jobId: job.id }));
    const line = `${job.stage} ${Math.round(job.progress * 100)}%`;
    if (progress && line !== last) process.stderr.write(`${line}\n`);
    last = line;
  }
  return job;
}

/**
 * `fieldwork backup`: a backup of the data folder into its backups/ (the
 * rolling set the app keeps), made while the app may be running; with
 * --out, also copied to FILE (written beside it under a temp name, then renamed).
 */
export async function backupCommand(opts: BackupOptions): Promise<void> {
  const dataDir = resolveDataDir(opts.dataDir);
  const backend = openExistingForCli(dataDir);
  try {
    const job = await untilDone(backend, must(await backend.call('backups.create', {})), opts.progress ?? false);
    if (job.state !== 'done' || !job.backup) throw new UserError(job.error?.message ?? 'The backup failed.');
    const list = must(await backend.call('backups.list', {}));
    let file = join(list.folder, job.backup.id);
    if (opts.out) {
      const out = resolve(opts.out);
      const temp = join(dirname(out), `.${basename(out)}.part`);
      try {
        await copyFile(file, temp);
        await rename(temp, out);
      } catch (e) {
        await rm(temp, { force: true });
        throw new UserError(
          `The backup was made (${file}) but could not be copied to ${out} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
        );
      }
      file = out;
    }
    const c = job.backup.counts;
    process.stdout.write(
      `Backed up to ${file} (${sizeText(job.backup.size)}): ${c.clients} clients, ${c.audits} audits, ` +
        `${c.findings} findings, ${c.evidenceFiles} evidence files, ${c.reports} issued reports.\n`,
    );
    if (c.missingFiles > 0) {
      process.stdout.write(
        `Note: ${c.missingFiles} files the database refers to were already missing from the data folder.\n`,
      );
    }
  } finally {
    backend.close();
  }
}

/**
 * `fieldwork restore FILE --data-dir DIR`: unpacks a backup into DIR, a new
 * (or empty) folder, checking every file's SHA-256 and the database's
 * integrity first; opens no data folder, so it works when the current one's
 * database is damaged.
 */
export async function restoreCommand(file: string, opts: { dataDir: string }): Promise<void> {
  const target = resolve(opts.dataDir);
  const { restoreBackup } = await backupTools();
  try {
    // A backup of an encrypted folder opens with that folder's passphrase (the data passphrase file).
    const manifest = await restoreBackup(resolve(file), target, { unlock: dataUnlock() });
    const c = manifest.counts;
    process.stdout.write(
      `Restored the backup of ${manifest.createdAt} into ${target}: ${c.clients} clients, ${c.audits} audits, ` +
        `${c.evidenceFiles} evidence files. Use it with --data-dir ${target}; for the desktop app, put it in place of ` +
        'its data folder while Fieldwork is closed.\n',
    );
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && !e.code.startsWith('E')) {
      throw new UserError(e.message);
    }
    throw e;
  }
}
