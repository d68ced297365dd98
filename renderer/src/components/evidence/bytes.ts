import type { ApiError } from '#shared/api/result';
import { READ_CHUNK_BYTES, type Evidence } from '#shared/domain/evidence';
import { getApi } from '../../api/client';

export class ReadFailed extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * An attachment's bytes as a Blob, read chunk by chunk through the API (the
 * same way over IPC and the preview's HTTP). Throws ReadFailed with the
 * backend's words; stops early when `signal` aborts.
 */
export async function readEvidence(
  evidence: Evidence,
  options: { signal?: AbortSignal; onProgress?: (read: number, total: number) => void } = {},
): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    if (options.signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
    const result = await getApi().invoke('evidence.read', { id: evidence.id, offset, length: READ_CHUNK_BYTES });
    if (!result.ok) throw new ReadFailed(result.error);
    const chunk = decode(result.value.dataBase64);
    parts.push(chunk);
    offset += chunk.length;
    options.onProgress?.(offset, result.value.size);
    if (result.value.eof || chunk.length === 0) break;
  }
  return new Blob(parts, { type: evidence.mediaType || 'application/octet-stream' });
}

/** Saves the attachment through the browser's download, under its own name. */
export async function downloadEvidence(evidence: Evidence): Promise<void> {
  const blob = await readEvidence(evidence);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = evidence.originalName || 'attachment';
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Opens the file with the computer's own app (desktop); where that is not
 * possible (the browser preview) it is downloaded instead.
 */
export async function openOutside(evidence: Evidence): Promise<'opened' | 'downloaded'> {
  const result = await getApi().invoke('evidence.openExternal', { id: evidence.id });
  if (result.ok) return 'opened';
  if (result.error.code !== 'unsupported') throw new ReadFailed(result.error);
  await downloadEvidence(evidence);
  return 'downloaded';
}

/**
 * Shows a read-only copy in the computer's file manager (desktop), for files
 * Fieldwork will not open (shared/rules/open-policy.ts); the browser preview
 * downloads instead, and the browser applies its own checks.
 */
export async function showInFolder(evidence: Evidence): Promise<'shown' | 'downloaded'> {
  const result = await getApi().invoke('evidence.showInFolder', { id: evidence.id });
  if (result.ok) return 'shown';
  if (result.error.code !== 'unsupported') throw new ReadFailed(result.error);
  await downloadEvidence(evidence);
  return 'downloaded';
}

export type Viewable = 'image' | 'pdf' | null;

/** What the app shows itself; browsers render these from bytes safely (no scripts in an <img>). */
export function viewableAs(mediaType: string): Viewable {
  if (mediaType === 'application/pdf') return 'pdf';
  if (/^image\/(jpeg|png|gif|webp|avif|bmp)$/.test(mediaType)) return 'image';
  return null;
}
