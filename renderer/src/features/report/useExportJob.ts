import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '#shared/api/result';
import type { ExportJob, ExportStartInput } from '#shared/domain/report';
import { getApi } from '../../api/client';
import { useInvalidateAfter } from '../../api/ops';
import { downloadBytes } from '../../api/bytes';
import { mediaTypeOf, saveBlob } from '../../lib/download';

const POLL_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How a run ended: the job in its final state, or the refusal of a call. */
export type RunOutcome = { job: ExportJob } | { error: ApiError };

/**
 * One export at a time: start it, follow its progress every 250 ms until it
 * is done, failed or cancelled. The last known job is kept for the UI.
 */
export function useExportJob() {
  const [job, setJob] = useState<ExportJob | null>(null);
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
      const api = getApi();
      setBusy(true);
      try {
        const started = await api.invoke('exports.start', input);
        if (!started.ok) return { error: started.error };
        let current = started.value;
        setJob(current);
        while (current.state === 'running') {
          await sleep(POLL_MS);
          // Leaving the screen stops following; the worker finishes on its own.
          if (!alive.current) return { job: current };
          const status = await api.invoke('exports.status', { jobId: current.id });
          if (!status.ok) {
            // The job is gone (e.g. the backend restarted): stop showing it as running.
            setJob(null);
            return { error: status.error };
          }
          current = status.value;
          setJob(current);
        }
        // An issue's version and the report's state change when its job is done, not when it starts.
        if (current.state === 'done') void invalidate('exports.start');
        return { job: current };
      } finally {
        if (alive.current) setBusy(false);
      }
    },
    [invalidate],
  );

  const cancel = useCallback(async (): Promise<ApiError | null> => {
    if (!job) return null;
    const result = await getApi().invoke('exports.cancel', { jobId: job.id });
    if (!result.ok) return result.error;
    setJob(result.value);
    return null;
  }, [job]);

  const clear = useCallback(() => setJob(null), []);
  return { job, busy, run, cancel, clear };
}

/** Reads a finished job's file through the byte channel and hands it to the browser's download. */
export async function downloadJob(job: ExportJob): Promise<void> {
  const blob = await downloadBytes({ kind: 'export', jobId: job.id }, mediaTypeOf(job.fileName));
  saveBlob(blob, job.fileName);
}
