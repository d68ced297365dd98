import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '#shared/api/result';

const POLL_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a backend job answers: exports, backups, team previews and imports alike. */
export interface PolledJob {
  id: string;
  state: string;
}

/** How following a job ended: its last known state (final, unless the screen was left), or a refused call. */
export type JobOutcome<J> = { job: J } | { error: ApiError };

/**
 * One job at a time, the way every job screen follows one: `follow(start)`
 * calls start, then asks for the job's status every 250 ms until it is no
 * longer running; `cancel` asks the backend to stop it. The last known state
 * is kept for the screen. Leaving the screen stops following (the job goes on
 * in the backend); a status refused (the backend restarted) forgets the job.
 * `ops` must not change between renders (a module constant).
 */
export function useJob<J extends PolledJob>(ops: {
  status: (jobId: string) => Promise<Result<J>>;
  cancel: (jobId: string) => Promise<Result<J>>;
}) {
  const [job, setJob] = useState<J | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const follow = useCallback(
    async (start: () => Promise<Result<J>>): Promise<JobOutcome<J>> => {
      const started = await start();
      if (!started.ok) return { error: started.error };
      let current = started.value;
      setJob(current);
      while (current.state === 'running') {
        await sleep(POLL_MS);
        if (!alive.current) return { job: current };
        const status = await ops.status(current.id);
        if (!status.ok) {
          setJob(null);
          return { error: status.error };
        }
        current = status.value;
        setJob(current);
      }
      return { job: current };
    },
    [ops],
  );

  const cancel = useCallback(async (): Promise<ApiError | null> => {
    if (!job) return null;
    const result = await ops.cancel(job.id);
    if (!result.ok) return result.error;
    // A poll may already have seen the job end: the newer state stays.
    setJob((now) => (now?.id === result.value.id && now.state !== 'running' ? now : result.value));
    return null;
  }, [job, ops]);

  const clear = useCallback(() => setJob(null), []);
  return { job, running: job?.state === 'running', follow, cancel, clear };
}
