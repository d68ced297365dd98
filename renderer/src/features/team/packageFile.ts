import type { ApiError } from '#shared/api/result';
import { FILE_CHUNK_MAX } from '#shared/domain/report';
import type { ImportPreview } from '#shared/domain/team';
import { getApi } from '../../api/client';
import { readAsBase64 } from '../../lib/files';
import { saveBlob } from '../../lib/download';

export const PACKAGE_ACCEPT = '.fwpkg,application/zip';

export type Outcome<T> = { value: T } | { error: ApiError } | { cancelled: true };

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * Reads an exported package in 4 MiB chunks (one answer stays under the
 * preview host's body limit) and hands it to the browser's download.
 * `onProgress` gets the share read, 0…1; aborting stops between chunks.
 */
export async function downloadPackage(
  file: { fileId: string; fileName: string; size: number },
  onProgress: (read: number) => void,
  signal: AbortSignal,
): Promise<Outcome<null>> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    if (signal.aborted) return { cancelled: true };
    const result = await getApi().invoke('team.read', { fileId: file.fileId, offset, length: FILE_CHUNK_MAX });
    if (!result.ok) return { error: result.error };
    const chunk = decode(result.value.dataBase64);
    parts.push(chunk);
    offset += chunk.length;
    onProgress(file.size > 0 ? Math.min(1, offset / file.size) : 1);
    if (result.value.eof || chunk.length === 0) break;
  }
  saveBlob(new Blob(parts, { type: 'application/zip' }), file.fileName);
  return { value: null };
}

/**
 * Sends a package file to the backend in ordered chunks and asks for its
 * preview (nothing is written yet). On any failure or cancel the upload is
 * dropped; after a preview it stays until imported or aborted.
 */
export async function uploadPackage(
  file: File,
  onProgress: (sent: number) => void,
  signal: AbortSignal,
): Promise<Outcome<{ uploadId: string; preview: ImportPreview }>> {
  const api = getApi();
  const begun = await api.invoke('team.uploadBegin', { name: file.name, size: file.size });
  if (!begun.ok) return { error: begun.error };
  const { uploadId, chunkBytes } = begun.value;
  const drop = () => api.invoke('team.uploadAbort', { uploadId });
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    if (signal.aborted) {
      await drop();
      return { cancelled: true };
    }
    const dataBase64 = await readAsBase64(file.slice(offset, offset + chunkBytes));
    const sent = await api.invoke('team.uploadChunk', { uploadId, offset, dataBase64 });
    if (!sent.ok) {
      await drop();
      return { error: sent.error };
    }
    onProgress(sent.value.received / file.size);
  }
  if (signal.aborted) {
    await drop();
    return { cancelled: true };
  }
  const preview = await api.invoke('team.preview', { uploadId });
  if (!preview.ok) {
    await drop();
    return { error: preview.error };
  }
  return { value: { uploadId, preview: preview.value } };
}
