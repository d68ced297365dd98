import type { ApiError } from '#shared/api/result';
import { getApi } from '../../api/client';
import { ByteFailure, downloadBytes, uploadBytes } from '../../api/bytes';
import { saveBlob } from '../../lib/download';

export const PACKAGE_ACCEPT = '.fwpkg,application/zip';

export type Outcome<T> = { value: T } | { error: ApiError } | { cancelled: true };

/**
 * Reads an exported package through the byte channel and hands it to the
 * browser's download. `onProgress` gets the share read, 0…1; aborting stops
 * the transfer.
 */
export async function downloadPackage(
  file: { fileId: string; fileName: string; size: number },
  onProgress: (read: number) => void,
  signal: AbortSignal,
): Promise<Outcome<null>> {
  let blob: Blob;
  try {
    blob = await downloadBytes({ kind: 'team', fileId: file.fileId }, 'application/zip', {
      signal,
      onProgress: (read, total) => onProgress(total > 0 ? Math.min(1, read / total) : 1),
    });
  } catch (e) {
    if (signal.aborted) return { cancelled: true };
    if (e instanceof ByteFailure) return { error: e.error };
    throw e;
  }
  saveBlob(blob, file.fileName);
  return { value: null };
}

/**
 * Sends a package file to the backend through the byte channel (nothing is
 * written yet; the preview is a job of its own, ImportPackage). On any failure
 * or cancel the upload is dropped; once complete it stays until imported or
 * aborted.
 */
export async function uploadPackage(
  file: File,
  onProgress: (sent: number) => void,
  signal: AbortSignal,
): Promise<Outcome<{ uploadId: string }>> {
  const api = getApi();
  const begun = await api.invoke('team.uploadBegin', { name: file.name, size: file.size });
  if (!begun.ok) return { error: begun.error };
  const { uploadId } = begun.value;
  const drop = () => api.invoke('team.uploadAbort', { uploadId });
  try {
    await uploadBytes(uploadId, file, { signal, onProgress: (sent, total) => onProgress(sent / total) });
  } catch (e) {
    await drop();
    if (signal.aborted) return { cancelled: true };
    if (e instanceof ByteFailure) return { error: e.error };
    throw e;
  }
  if (signal.aborted) {
    await drop();
    return { cancelled: true };
  }
  return { value: { uploadId } };
}
