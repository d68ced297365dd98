import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '#shared/api/result';
import type { ExportJob } from '#shared/domain/report';
import type { RepoContext } from '../repos/context';
import { insertIssue } from '../repos/report-issues';
import type { PreparedExport } from './prepare';
import type { ExportTask, WorkerMessage } from './worker/task';
import { builtWorkerUrl } from './worker/built';
import { fileNameOf, folderCipher, type FolderCipher } from '../crypto/file-cipher-folder';
import { sealInPlace } from '../crypto/file-cipher-convert';
import type { FileKey } from '../crypto/file-cipher';

/** At most this many exports build at once: each keeps the cores busy shrinking photos. */
const MAX_RUNNING = 2;

interface JobState {
  job: ExportJob;
  worker: Worker | null;
  task: ExportTask;
  issue: PreparedExport['issue'];
  /** Set while a failure or cancel tears the job down: its status changes only once its files are gone. */
  ending: boolean;
  /** The file is complete and being recorded: too late to cancel. */
  recording: boolean;
  /** In an encrypted folder: the file the worker writes is sealed (it never writes plaintext), with this key. */
  sealed?: { path: string; key: FileKey };
}

export interface ExportJobsOptions {
  /** The worker's entry (default: the built one, `builtWorkerUrl`). */
  workerUrl?: URL;
}

export const exportsRoot = (dataDir: string) => join(dataDir, 'exports');
export const reportsRoot = (dataDir: string) => join(dataDir, 'reports');
/** Where an issued version's frozen bytes are kept, by content (in an encrypted folder: sealed, named by HMAC). */
export const issuedPath = (dataDir: string, sha256: string, cipher: FolderCipher | null = null) =>
  join(reportsRoot(dataDir), `${fileNameOf(cipher, sha256)}.docx`);

function failure(code: string, message: string): { code: string; message: string } {
  if (message !== '') return { code, message };
  if (code === 'ENOSPC') return { code: 'storage', message: 'The disk is full: the export could not be saved.' };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return { code: 'storage', message: 'Fieldwork may not write in its data folder: the export could not be saved.' };
  }
  return { code: 'internal', message: 'The export failed unexpectedly; no file was produced and nothing was issued.' };
}

/**
 * Exports in worker threads: the document is built, signed and written off
 * the backend's thread, which keeps answering (progress, cancel, other work).
 * Files go to a folder of this process's own under the data folder, removed
 * on close; an issued version is also copied into reports/ and recorded.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, JobState>();
  private readonly session = randomUUID();
  private readonly workerUrl: URL;

  constructor(
    private readonly ctx: RepoContext,
    opts: ExportJobsOptions = {},
  ) {
    this.workerUrl = opts.workerUrl ?? builtWorkerUrl('export-worker');
  }

  private get dir(): string {
    return join(exportsRoot(this.ctx.dataDir), this.session);
  }

  async start(auditId: string, prepared: PreparedExport): Promise<ExportJob> {
    const running = [...this.jobs.values()].filter((j) => j.job.state === 'running').length;
    if (running >= MAX_RUNNING) {
      throw new DomainError('conflict', { key: 'errors:exports.twoRunning' });
    }
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const id = randomUUID();
    const ext = prepared.fileName.slice(prepared.fileName.lastIndexOf('.'));
    // In an encrypted folder the worker writes the sealed form from the first byte: the temporary file, the
    // finished one and a cancelled or crashed one's remains hold no plaintext.
    const cipher = folderCipher(this.ctx);
    const task: ExportTask = {
      ...prepared.task,
      tmpPath: join(this.dir, `${id}.tmp`),
      finalPath: join(this.dir, cipher ? `${id}${ext}.sealed` : `${id}${ext}`),
      sealWith: cipher ? cipher.file.key : null,
    };
    const job: ExportJob = {
      id,
      auditId,
      kind: task.kind,
      format: task.format,
      state: 'running',
      progress: 0,
      stage: 'Starting',
      fileName: prepared.fileName,
      size: null,
      sha256: null,
      warnings: [],
      error: null,
      issueId: null,
    };
    const state: JobState = {
      job,
      worker: null,
      task,
      issue: prepared.issue,
      ending: false,
      recording: false,
      ...(cipher ? { sealed: { path: task.finalPath, key: cipher.file } } : {}),
    };
    this.jobs.set(id, state);
    const worker = new Worker(this.workerUrl, { workerData: task });
    state.worker = worker;
    worker.on('message', (m: WorkerMessage) => void this.onMessage(state, m));
    worker.on('error', () => void this.fail(state, 'internal', ''));
    worker.on('exit', (code) => {
      state.worker = null;
      if (job.state === 'running' && !state.ending && code !== 0 && job.sha256 === null)
        void this.fail(state, 'internal', '');
    });
    return { ...job };
  }

  private async onMessage(state: JobState, m: WorkerMessage): Promise<void> {
    const { job } = state;
    if (job.state !== 'running' || state.ending) return;
    if (m.type === 'progress') {
      // Building is most of the work; signing and saving the last few percent.
      job.progress =
        m.stage === 'Signing' ? 0.95 : m.stage === 'Saving' ? 0.98 : Math.min(0.94, m.done / Math.max(1, m.total));
      job.stage = m.stage;
    } else if (m.type === 'error') {
      await this.fail(state, m.code, m.message);
    } else {
      job.sha256 = m.sha256;
      state.recording = true;
      try {
        job.issueId = state.issue ? await this.record(state, m) : null;
      } catch (e) {
        await this.fail(
          state,
          e instanceof DomainError ? e.code : 'storage',
          e instanceof DomainError ? e.message : '',
        );
        return;
      }
      Object.assign(job, { state: 'done', progress: 1, stage: 'Done', size: m.size, warnings: m.warnings });
    }
  }

  /** Freezes an issued file: a durable copy in reports/, then its row, in one transaction. */
  private async record(state: JobState, m: Extract<WorkerMessage, { type: 'done' }>): Promise<string> {
    const target = issuedPath(this.ctx.dataDir, m.sha256, folderCipher(this.ctx));
    await mkdir(reportsRoot(this.ctx.dataDir), { recursive: true, mode: 0o700 });
    const tmp = `${target}.${randomUUID()}.tmp`;
    await copyFile(state.sealed?.path ?? state.task.finalPath, tmp);
    const handle = await open(tmp, 'r+');
    await handle.sync();
    await handle.close();
    await rename(tmp, target);
    const issue = state.issue!;
    return this.ctx.db
      .transaction(() =>
        insertIssue(this.ctx, {
          ...issue,
          fileName: state.job.fileName,
          sha256: m.sha256,
          size: m.size,
          warnings: m.warnings,
        }),
      )
      .immediate();
  }

  private async fail(state: JobState, code: string, message: string): Promise<void> {
    if (state.job.state !== 'running' || state.ending) return;
    state.ending = true;
    await state.worker?.terminate();
    await this.removeFiles(state);
    Object.assign(state.job, { state: 'failed', stage: 'Failed', error: failure(code, message) });
  }

  private async removeFiles(state: JobState): Promise<void> {
    await rm(state.task.tmpPath, { force: true });
    await rm(state.task.finalPath, { force: true });
  }

  private get(jobId: string): JobState {
    const state = this.jobs.get(jobId);
    if (!state) throw new DomainError('not_found', { key: 'errors:exports.jobNotFound' });
    return state;
  }

  status(jobId: string): ExportJob {
    return { ...this.get(jobId).job };
  }

  async cancel(jobId: string): Promise<ExportJob> {
    const state = this.get(jobId);
    if (state.job.state === 'running' && !state.ending && !state.recording) {
      state.ending = true;
      await state.worker?.terminate();
      await this.removeFiles(state);
      Object.assign(state.job, {
        state: 'cancelled',
        stage: 'Cancelled',
        error: { code: 'cancelled', message: 'The export was cancelled; no file was produced.' },
      });
    }
    return { ...state.job };
  }

  /** The finished file's path, for chunked reads (sealed, with its key, in an encrypted folder). */
  file(jobId: string): { path: string; size: number; key: FileKey | null } {
    const { job, task, sealed } = this.get(jobId);
    if (job.state !== 'done' || job.size === null) {
      throw new DomainError('conflict', {
        key: job.state === 'running' ? 'errors:exports.stillRunning' : 'errors:exports.noFile',
      });
    }
    return sealed
      ? { path: sealed.path, size: job.size, key: sealed.key }
      : { path: task.finalPath, size: job.size, key: null };
  }

  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((s) => s.worker?.terminate() ?? Promise.resolve(0)));
    this.jobs.clear();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Start-up, when this process alone uses the data folder: export files of an
 * earlier run that crashed, and half-copied issued files, are removed.
 */
export function sweepExports(dataDir: string): void {
  rmSync(exportsRoot(dataDir), { recursive: true, force: true });
  let names: string[] = [];
  try {
    names = readdirSync(reportsRoot(dataDir));
  } catch {
    return; // nothing issued yet
  }
  for (const name of names) if (name.endsWith('.tmp')) rmSync(join(reportsRoot(dataDir), name), { force: true });
}

/**
 * Start-up of an encrypted folder that was plain until now: its issued copies are sealed under their HMAC names
 * (crypto/file-cipher-convert.ts; a crash half-way leaves the plain copy, which the next start seals).
 */
export function sealPlainReports(ctx: RepoContext, tmpDir: string): void {
  const cipher = folderCipher(ctx);
  if (!cipher) return;
  const shas = ctx.db.prepare('SELECT DISTINCT sha256 FROM report_issues').pluck().all() as string[];
  for (const sha of shas) {
    const plain = issuedPath(ctx.dataDir, sha);
    if (existsSync(plain)) sealInPlace(plain, issuedPath(ctx.dataDir, sha, cipher), tmpDir, cipher.file);
  }
}

const services = new WeakMap<RepoContext, ExportJobs>();

/** The one export service of a backend (its context), created on first use. */
export function exportJobs(ctx: RepoContext, opts?: ExportJobsOptions): ExportJobs {
  let service = services.get(ctx);
  if (!service) {
    service = new ExportJobs(ctx, opts);
    services.set(ctx, service);
  }
  return service;
}
