import { randomUUID } from 'node:crypto';
import { DomainError } from '#shared/api/result';
import type { TeamJob } from '#shared/domain/team';
import type { RepoContext } from '../repos/context';
import type { ImportOptions, ImportProgress } from './types';

/** A step of a job: the import's own, and the backup taken before an import writes. */
export type JobProgress = ImportProgress | { stage: 'backup'; done: number; total: number };

/** The steps of an import and the share of the bar each takes (a preview has no backup and places no files). */
const SHARES = {
  preview: { backup: [0, 0], checking: [0, 0.85], evidence: [0.85, 0.85], merging: [0.85, 1] },
  import: { backup: [0, 0.15], checking: [0.15, 0.5], evidence: [0.5, 0.9], merging: [0.9, 1] },
} as const;

const STAGE_WORDS: Record<JobProgress['stage'], string> = {
  backup: 'Taking a backup first',
  checking: 'Checking the package',
  evidence: 'Placing evidence files',
  merging: 'Merging',
};

interface Running {
  job: TeamJob;
  abort: AbortController;
  /** Settles when the job has ended, whichever way. */
  ended: Promise<void>;
}

/** What runs the work: the import with its options (the handler adds the upload's file, the backup and clean-up). */
export type TeamJobWork = (
  opts: Pick<ImportOptions, 'signal'> & { onProgress: (p: JobProgress) => void },
) => Promise<Pick<TeamJob, 'preview' | 'summary'>>;

/** How long a finished job is kept for its last status poll. */
const KEEP_MS = 10 * 60 * 1000;

/**
 * Team package previews and imports as jobs with progress and cancel, like
 * exports and backups: started by one call, followed by `team.jobStatus`,
 * cancelled by `team.jobCancel`. They run on the backend's thread (the merge
 * is one transaction on its connection); a cancel lands between the steps
 * and chunks of reading, checking and placing files, never inside the
 * transaction — once the merge runs it can no longer be cancelled, and the
 * job says so (`cancellable`).
 */
export class TeamJobs {
  private readonly jobs = new Map<string, Running>();

  start(kind: TeamJob['kind'], uploadId: string, work: TeamJobWork): TeamJob {
    const job: TeamJob = {
      id: randomUUID(),
      kind,
      uploadId,
      state: 'running',
      progress: 0,
      stage: STAGE_WORDS.checking,
      cancellable: true,
      preview: null,
      summary: null,
      error: null,
    };
    const abort = new AbortController();
    const shares = SHARES[kind];
    const onProgress = (p: JobProgress) => {
      if (job.state !== 'running') return;
      const [from, to] = shares[p.stage];
      job.progress = Math.max(job.progress, from + (to - from) * (p.total > 0 ? Math.min(1, p.done / p.total) : 0));
      job.stage = STAGE_WORDS[p.stage];
      if (p.stage === 'merging') job.cancellable = false;
    };
    const ended = work({ signal: abort.signal, onProgress }).then(
      (value) => this.end(job, { state: 'done', progress: 1, stage: 'Done', ...value }),
      (e: unknown) =>
        this.end(
          job,
          abort.signal.aborted && job.cancellable
            ? { state: 'cancelled', stage: 'Cancelled' }
            : {
                state: 'failed',
                stage: 'Failed',
                error:
                  e instanceof DomainError
                    ? { code: e.code, message: e.message }
                    : { code: 'internal', message: 'The package could not be imported; nothing was changed.' },
              },
        ),
    );
    this.jobs.set(job.id, { job, abort, ended });
    return { ...job };
  }

  /** Backend shutdown: running jobs are cancelled, and waited for (none is left using the database). */
  async close(): Promise<void> {
    const running = [...this.jobs.values()];
    for (const r of running) if (r.job.cancellable) r.abort.abort();
    await Promise.all(running.map((r) => r.ended));
    this.jobs.clear();
  }

  private end(job: TeamJob, patch: Partial<TeamJob>): void {
    Object.assign(job, patch, { cancellable: false });
    setTimeout(() => this.jobs.delete(job.id), KEEP_MS).unref();
  }

  status(jobId: string): TeamJob {
    return { ...this.get(jobId).job };
  }

  /**
   * Settles when the job has ended, whichever way (its status then says how): what a caller in the same process
   * (tests, shutdown) awaits instead of polling `status` on a timer.
   */
  async settled(jobId: string): Promise<TeamJob> {
    const r = this.get(jobId);
    await r.ended;
    return { ...r.job };
  }

  /** Cancel asks; the job ends 'cancelled' at its next step. A finished job (or one merging) is answered as it is. */
  cancel(jobId: string): TeamJob {
    const r = this.get(jobId);
    if (r.job.state === 'running' && r.job.cancellable) {
      r.abort.abort();
      r.job.stage = 'Cancelling';
    }
    return { ...r.job };
  }

  private get(jobId: string): Running {
    const r = this.jobs.get(jobId);
    if (!r)
      throw new DomainError('not_found', 'That import is not running any more (the app may have been restarted).');
    return r;
  }
}

const all = new WeakMap<RepoContext, TeamJobs>();

export function teamJobs(ctx: RepoContext): TeamJobs {
  let j = all.get(ctx);
  if (!j) {
    j = new TeamJobs();
    all.set(ctx, j);
  }
  return j;
}
