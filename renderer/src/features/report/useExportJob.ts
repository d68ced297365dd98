import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportJob, ExportStartInput } from '#shared/domain/report';
import { getApi } from '../../api/client';
import { useInvalidateAfter } from '../../api/ops';
import { downloadBytes } from '../../api/bytes';
import { useJob, type JobOutcome } from '../../api/useJob';
import { mediaTypeOf, saveBlob } from '../../lib/download';

/** How a run ended: the job in its final state, or the refusal of a call. */
export type RunOutcome = JobOutcome<ExportJob>;

const OPS = {
  status: (jobId: string) => getApi().invoke('exports.status', { jobId }),
  cancel: (jobId: string) => getApi().invoke('exports.cancel', { jobId }),
};

/**
 * One export at a time: start it, follow its progress until it is done,
 * failed or cancelled (api/useJob.ts). The last known job is kept for the UI.
 */
export function useExportJob() {
  const { job, follow, cancel, clear } = useJob<ExportJob>(OPS);
  const [busy, setBusy] = useState(false);
  const invalidate = useInvalidateAfter();
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(
    async (input: ExportStartInput): Promise<RunOutcome> => {
      setBusy(true);
      try {
        const outcome = await follow(() => getApi().invoke('exports.start', input));
        // An issue's version and the report's state change when its job is done, not when it starts.
        if ('job' in outcome && outcome.job.state === 'done') void invalidate('exports.start');
        return outcome;
      } finally {
        if (alive.current) setBusy(false);
      }
    },
    [follow, invalidate],
  );

  return { job, busy, run, cancel, clear };
}

/** Reads a finished job's file through the byte channel and hands it to the browser's download. */
export async function downloadJob(job: ExportJob): Promise<void> {
  const blob = await downloadBytes({ kind: 'export', jobId: job.id }, mediaTypeOf(job.fileName));
  saveBlob(blob, job.fileName);
}
