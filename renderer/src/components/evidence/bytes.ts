import type { Evidence } from '#shared/domain/evidence';
import { ByteFailure, downloadBytes, type ByteOptions } from '../../api/bytes';
import { getApi } from '../../api/client';

/**
 * An attachment's bytes as a Blob, streamed through the byte channel (the
 * same way in the desktop app and the preview). Throws ByteFailure with the
 * backend's words; stops early when `signal` aborts.
 */
export function readEvidence(evidence: Evidence, options: ByteOptions = {}): Promise<Blob> {
  return downloadBytes(
    { kind: 'evidence', id: evidence.id },
    evidence.mediaType || 'application/octet-stream',
    options,
  );
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
  if (result.error.code !== 'unsupported') throw new ByteFailure(result.error);
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
  if (result.error.code !== 'unsupported') throw new ByteFailure(result.error);
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
