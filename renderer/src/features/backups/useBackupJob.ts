import { useCallback } from 'react';
import type { Result } from '#shared/api/result';
import type { BackupJob } from '#shared/domain/backup';
import { getApi } from '../../api/client';
import { useInvalidateAfter } from '../../api/ops';
import { useJob, type JobOutcome as Outcome } from '../../api/useJob';

export type JobOutcome = Outcome<BackupJob>;

const OPS = {
  status: (jobId: string) => getApi().invoke('backups.status', { jobId }),
  cancel: (jobId: string) => getApi().invoke('backups.cancel', { jobId }),
};

/**
 * A backup or a restore: started by `start`, followed until it ends (api/useJob.ts); the last known state is kept
 * for the screen, and the list refreshed once it ends.
 */
export function useBackupJob() {
  const { follow: followJob, ...rest } = useJob<BackupJob>(OPS);
  const invalidate = useInvalidateAfter();
  const follow = useCallback(
    async (start: () => Promise<Result<BackupJob>>): Promise<JobOutcome> => {
      const outcome = await followJob(start);
      if ('job' in outcome && outcome.job.state !== 'running') void invalidate('backups.create');
      return outcome;
    },
    [followJob, invalidate],
  );
  return { ...rest, follow };
}
