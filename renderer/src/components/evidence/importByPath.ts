import type { DesktopApi } from '#shared/api/contract';
import { IMPORT_PATHS_MAX } from '#shared/domain/evidence-paths';
import { getApi } from '../../api/client';
import type { BatchProgress, UploadOptions } from './upload';

/** How often the progress bar asks how far the backend is (a status read, answered from memory). */
const POLL_MS = 250;

/**
 * The desktop app's upload: the backend reads the chosen files from disk itself
 * (`evidence.importPaths`, through the preload, which looks the paths up), at
 * disk speed instead of the browser's. The same progress as an upload — bytes
 * read so far, polled with `evidence.importStatus` — and the same Cancel
 * (`evidence.importCancel`: files already read are kept, the others are
 * reported cancelled). Each file is answered in its place, as uploads are.
 */
export async function importByPath(
  desktop: DesktopApi,
  files: readonly File[],
  options: UploadOptions,
): Promise<BatchProgress> {
  const api = getApi();
  const { signal } = options;
  const batch: BatchProgress = {
    files: files.map((f) => ({ name: f.name, size: f.size, state: 'waiting' })),
    sentBytes: 0,
    totalBytes: files.reduce((n, f) => n + f.size, 0),
    done: false,
    cancelled: false,
  };
  const report = () => options.onProgress({ ...batch, files: batch.files.map((f) => ({ ...f })) });
  report();

  let before = 0; // bytes of the parts already imported
  for (let start = 0; start < files.length && !signal.aborted; start += IMPORT_PATHS_MAX) {
    const part = files.slice(start, start + IMPORT_PATHS_MAX);
    const importId = crypto.randomUUID();
    for (let i = start; i < start + part.length; i++) batch.files[i]!.state = 'uploading';
    report();
    const cancel = () => void api.invoke('evidence.importCancel', { importId });
    signal.addEventListener('abort', cancel);
    const poll = setInterval(() => {
      void api.invoke('evidence.importStatus', { importId }).then((r) => {
        if (!r.ok || !r.value || batch.done) return;
        batch.sentBytes = before + r.value.bytesDone;
        report();
      });
    }, POLL_MS);
    let answer: Awaited<ReturnType<DesktopApi['importFiles']>>;
    try {
      answer = await desktop.importFiles(part, {
        importId,
        auditId: options.auditId,
        links: options.links,
        addedBy: options.addedBy.slice(0, 200),
        description: '',
      });
    } finally {
      clearInterval(poll);
      signal.removeEventListener('abort', cancel);
    }
    part.forEach((_file, k) => {
      const entry = batch.files[start + k]!;
      const result = answer.ok ? answer.value.results[k] : undefined;
      if (result?.ok) {
        entry.state = result.value.duplicate ? 'duplicate' : 'added';
        entry.renamed = result.value.renamed;
        entry.evidence = result.value.evidence;
      } else if (signal.aborted && (!result || result.error.code === 'cancelled')) {
        entry.state = 'cancelled';
      } else {
        entry.state = 'failed';
        entry.message = result ? result.error.message : answer.ok ? '' : answer.error.message;
      }
    });
    before += part.reduce((n, f) => n + f.size, 0);
    batch.sentBytes = before;
    report();
  }
  batch.files.forEach((entry) => {
    if (entry.state === 'waiting' || entry.state === 'uploading') entry.state = 'cancelled';
  });
  batch.done = true;
  batch.cancelled = signal.aborted;
  report();
  return batch;
}
