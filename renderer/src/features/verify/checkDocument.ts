import type { ApiError } from '#shared/api/result';
import type { DocumentCheck } from '#shared/domain/report';
import { getApi } from '../../api/client';
import { readAsBase64 } from '../../lib/files';

export type CheckOutcome = { check: DocumentCheck } | { error: ApiError } | { cancelled: true };

/**
 * Sends a file to the backend in ordered chunks (each under the preview
 * host's body limit) and asks for the verdict. `onProgress` gets the share
 * sent, 0…1; aborting stops between chunks and drops the check.
 */
export async function checkDocument(
  file: File,
  onProgress: (sent: number) => void,
  signal: AbortSignal,
): Promise<CheckOutcome> {
  const api = getApi();
  const begun = await api.invoke('verify.begin', { name: file.name, size: file.size });
  if (!begun.ok) return { error: begun.error };
  const { checkId, chunkBytes } = begun.value;
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    if (signal.aborted) {
      await api.invoke('verify.abort', { checkId });
      return { cancelled: true };
    }
    const dataBase64 = await readAsBase64(file.slice(offset, offset + chunkBytes));
    const sent = await api.invoke('verify.chunk', { checkId, offset, dataBase64 });
    if (!sent.ok) {
      await api.invoke('verify.abort', { checkId });
      return { error: sent.error };
    }
    onProgress(sent.value.received / file.size);
  }
  const done = await api.invoke('verify.finish', { checkId });
  return done.ok ? { check: done.value } : { error: done.error };
}
