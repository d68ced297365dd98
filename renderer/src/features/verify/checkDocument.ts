import type { ApiError } from '#shared/api/result';
import type { DocumentCheck } from '#shared/domain/report';
import { getApi } from '../../api/client';
import { ByteFailure, uploadBytes } from '../../api/bytes';

export type CheckOutcome = { check: DocumentCheck } | { error: ApiError } | { cancelled: true };

/**
 * Sends a file to the backend through the byte channel and asks for the
 * verdict. `onProgress` gets the share sent, 0…1; aborting stops the
 * transfer and drops the check.
 */
export async function checkDocument(
  file: File,
  onProgress: (sent: number) => void,
  signal: AbortSignal,
): Promise<CheckOutcome> {
  const api = getApi();
  const begun = await api.invoke('verify.begin', { name: file.name, size: file.size });
  if (!begun.ok) return { error: begun.error };
  const { checkId } = begun.value;
  try {
    await uploadBytes(checkId, file, { signal, onProgress: (sent, total) => onProgress(sent / total) });
  } catch (e) {
    await api.invoke('verify.abort', { checkId });
    if (signal.aborted) return { cancelled: true };
    if (e instanceof ByteFailure) return { error: e.error };
    throw e;
  }
  const done = await api.invoke('verify.finish', { checkId });
  return done.ok ? { check: done.value } : { error: done.error };
}
