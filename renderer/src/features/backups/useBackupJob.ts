import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '#shared/api/result';
import type { BackupJob } from '#shared/domain/backup';
import { getApi } from '../../api/client';
import { useInvalidateAfter } from '../../api/ops';

const POLL_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type JobOutcome = { job: BackupJob } | { error: ApiError };

/**
 * A backup or a restore: started by `start`, followed every 250 ms until it
 * ends; the last known state is kept for the screen, and the list refreshed.
 */
export function useBackupJob() {
  const [job, setJob] = useState<BackupJob | null>(null);
  const invalidate = useInvalidateAfter();
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const follow = useCallback(
    async (start: () => Promise<Result<BackupJob>>): Promise<JobOutcome> => {
      const started = await start();
      if (!started.ok) return { error: started.error };
      let current = started.value;
      setJob(current);
      while (current.state === 'running') {
        await sleep(POLL_MS);
        if (!alive.current) return { job: current };
        const status = await getApi().invoke('backups.status', { jobId: current.id });
        if (!status.ok) {
          setJob(null);
          return { error: status.error };
        }
        current = status.value;
        setJob(current);
      }
      void invalidate('backups.create');
      return { job: current };
    },
    [invalidate],
  );

  const cancel = useCallback(async (): Promise<ApiError | null> => {
    if (!job) return null;
    const result = await getApi().invoke('backups.cancel', { jobId: job.id });
    if (!result.ok) return result.error;
    setJob(result.value);
    return null;
  }, [job]);

  return { job, running: job?.state === 'running', follow, cancel, clear: useCallback(() => setJob(null), []) };
}
