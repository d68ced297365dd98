import { randomUUID } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '#shared/api/result';
import type { BackupJob, BackupReason, BackupSummary } from '#shared/domain/backup';
import type { RepoContext } from '../repos/context';
import { appVersionOf, startUpBackups } from './app-version';
import { createBackup, summaryOf } from './create';
import { backupsDir } from './paths';
import { stagedBackups } from './pre-migration';
import { checkRestoreTarget, restoreBackup, unlockBackupFile } from './restore';
import { folderCipher } from '../crypto/file-cipher-folder';
import { madeToday, prune } from './rolling';

interface Running {
  job: BackupJob;
  controller: AbortController;
}

/** Finished jobs kept for their status, at most this many. */
const KEEP_FINISHED = 20;
/** Work files older than this belong to a process that died; younger ones may be another process's. */
const LEFTOVER_MS = 60 * 60 * 1000;

/**
 * The backups of one open backend: jobs with progress and cancel, one backup
 * at a time (a second waits for the first), the rolling set pruned after
 * each one, restores into new folders.
 */
export class BackupService {
  private readonly jobs = new Map<string, Running>();
  /** Backups run one after another: the chain's tail. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: RepoContext) {}

  private get appVersion(): string {
    return appVersionOf(this.ctx);
  }

  /** Starts a backup job; 'daily' finishes at once as 'skipped' when one was made in the last 24 hours. */
  start(reason: 'manual' | 'daily'): BackupJob {
    if (reason === 'daily' && (madeToday(this.ctx.dataDir, new Date()) || this.isBusy() || this.isEmpty())) {
      return this.record({ ...blank('backup'), state: 'skipped', progress: 1, stage: 'A recent backup exists' }).job;
    }
    if (reason === 'manual' && this.isBusy()) {
      throw new DomainError('conflict', 'A backup is already being made: wait for it to finish, or cancel it.');
    }
    const running = this.record(blank('backup'));
    void this.run(running, () => this.backup(reason, running));
    return running.job;
  }

  /** Before a team package import: a backup, awaited; if it cannot be made, the import does not happen. */
  async beforeImport(): Promise<BackupSummary> {
    const running = this.record(blank('backup'));
    await this.run(running, () => this.backup('import', running));
    if (running.job.state !== 'done') {
      throw new DomainError(
        running.job.error?.code === 'storage' ? 'storage' : 'conflict',
        `Fieldwork backs up the data folder before importing a package, and that failed: ${running.job.error?.message ?? ''} ` +
          'Nothing was imported.',
      );
    }
    return running.job.backup!;
  }

  /**
   * Checks the backup's key first (this folder's data key, or the passphrase given): a wrong or missing passphrase
   * is refused by this call, before a job starts or a byte is copied. Then restores as a job.
   */
  async restore(backupId: string, targetDir: string, passphrase?: string): Promise<BackupJob> {
    const file = join(backupsDir(this.ctx.dataDir), backupId);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new DomainError('not_found', 'This backup does not exist (it may have been deleted).');
    }
    checkRestoreTarget(targetDir, this.ctx.dataDir);
    // A backup of this folder opens with its data key, whatever passphrase wrapped it then; another needs its own.
    const dataKey = await unlockBackupFile(file, { dataKey: this.ctx.dataKey ?? null, passphrase: passphrase || null });
    const running = this.record(blank('restore'));
    void this.run(running, async () => {
      const manifest = await restoreBackup(file, targetDir, {
        currentDataDir: this.ctx.dataDir,
        unlock: { dataKey },
        signal: running.controller.signal,
        onBytes: this.byteProgress(running, size),
      });
      running.job.backup = summaryOf(backupId, statSync(file).size, manifest);
      running.job.restoredTo = targetDir;
    });
    return running.job;
  }

  /**
   * Settles when no backup or restore is running or queued, the packing of copies staged before a migration at
   * start-up included: what a caller in the same process (tests, a one-shot command) awaits instead of polling.
   */
  async whenIdle(): Promise<void> {
    await startUpBackups(this.ctx);
    // A job queued while the tail was awaited makes a new tail: wait until it stays the same.
    for (let tail = this.queue; ; tail = this.queue) {
      await tail;
      if (tail === this.queue) return;
    }
  }

  status(jobId: string): BackupJob {
    return this.find(jobId).job;
  }

  cancel(jobId: string): BackupJob {
    const running = this.find(jobId);
    if (running.job.state === 'running') running.controller.abort();
    return running.job;
  }

  /** Packs copies taken before a migration (see pre-migration.ts), then clears work files of dead processes. */
  async finishStaged(): Promise<void> {
    for (const staged of stagedBackups(this.ctx.dataDir)) {
      const running = this.record(blank('backup'));
      await this.run(running, async () => {
        await this.backup('migration', running, staged);
        rmSync(staged.file, { force: true });
      });
    }
    this.clearLeftovers();
  }

  private async backup(reason: BackupReason, running: Running, staged?: { file: string; at: Date }): Promise<void> {
    const made = await createBackup({
      dataDir: this.ctx.dataDir,
      db: this.ctx.db,
      cipher: folderCipher(this.ctx),
      dataKey: this.ctx.dataKey ?? null,
      reason,
      appVersion: this.appVersion,
      ...(staged ? { snapshot: staged.file, at: staged.at } : {}),
      signal: running.controller.signal,
      onProgress: (fraction, stage) => {
        running.job.progress = fraction;
        running.job.stage = stage;
      },
    });
    running.job.backup = made.summary;
    prune(this.ctx.dataDir);
  }

  /** Runs one job after the jobs queued before it; its state says how it ended. Never throws. */
  private run(running: Running, work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      if (running.controller.signal.aborted) throw new DomainError('cancelled', 'Cancelled before it started.');
      await work();
    });
    this.queue = next.catch(() => undefined);
    return next.then(
      () => {
        running.job.state = 'done';
        running.job.progress = 1;
        running.job.stage = 'Done';
      },
      (e: unknown) => {
        // A one-shot command (fieldwork call, audits…) closes its backend while a copy taken before a migration is
        // still being packed: that is an interruption, not a fault. The copy stays staged for the next start.
        const closed = !this.ctx.db.open;
        const cancelled = running.controller.signal.aborted || closed;
        running.job.state = cancelled ? 'cancelled' : 'failed';
        running.job.error =
          e instanceof DomainError
            ? { code: e.code, message: e.message }
            : closed
              ? {
                  code: 'cancelled',
                  message: 'The backup stopped as Fieldwork closed; it is made again at the next start.',
                }
              : { code: 'internal', message: 'The backup failed unexpectedly; the data folder was not changed.' };
        if (!(e instanceof DomainError) && !closed) {
          process.stderr.write(`fieldwork: backup failed (${e instanceof Error ? e.name : typeof e})\n`);
        }
      },
    );
  }

  private byteProgress(running: Running, total: number): (n: number) => void {
    let done = 0;
    return (n) => {
      done += n;
      running.job.stage = 'Checking and unpacking';
      running.job.progress = Math.min(0.99, done / Math.max(1, total));
    };
  }

  /** A folder without a single client holds nothing worth a daily backup (a fresh install, a test). */
  private isEmpty(): boolean {
    return !this.ctx.db.prepare('SELECT 1 FROM clients LIMIT 1').get();
  }

  private isBusy(): boolean {
    return [...this.jobs.values()].some((r) => r.job.kind === 'backup' && r.job.state === 'running');
  }

  private record(job: BackupJob): Running {
    const running = { job, controller: new AbortController() };
    this.jobs.set(job.id, running);
    const finished = [...this.jobs.values()].filter((r) => r.job.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(old.job.id);
    return running;
  }

  private find(jobId: string): Running {
    const running = this.jobs.get(jobId);
    if (!running) throw new DomainError('not_found', 'This backup job is not known (it may have ended long ago).');
    return running;
  }

  private clearLeftovers(): void {
    const dir = backupsDir(this.ctx.dataDir);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!/^\.(work-[0-9a-f]+|.+\.part)$/.test(name)) continue;
      try {
        if (Date.now() - statSync(join(dir, name)).mtimeMs > LEFTOVER_MS) {
          rmSync(join(dir, name), { recursive: true, force: true });
        }
      } catch {
        // Gone meanwhile.
      }
    }
  }
}

const blank = (kind: BackupJob['kind']): BackupJob => ({
  id: randomUUID(),
  kind,
  state: 'running',
  progress: 0,
  stage: 'Waiting',
  backup: null,
  restoredTo: null,
  error: null,
});

const services = new WeakMap<RepoContext, BackupService>();

/** The one backup service of a backend (like byteChannel(ctx)). */
export function backupService(ctx: RepoContext): BackupService {
  let service = services.get(ctx);
  if (!service) {
    service = new BackupService(ctx);
    services.set(ctx, service);
  }
  return service;
}
