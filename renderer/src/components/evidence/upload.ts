import type { ApiError } from '#shared/api/result';
import { UPLOAD_CHUNK_BYTES, type Evidence, type EvidenceTarget } from '#shared/domain/evidence';
import { getApi } from '../../api/client';
import { readAsBase64 } from '../../lib/files';

export type FileState = 'waiting' | 'uploading' | 'added' | 'duplicate' | 'failed' | 'cancelled';

export interface FileProgress {
  name: string;
  size: number;
  state: FileState;
  /** Why it failed, or how the name was made safe. */
  message?: string;
  renamed?: string | null;
  evidence?: Evidence;
}

export interface BatchProgress {
  files: FileProgress[];
  sentBytes: number;
  totalBytes: number;
  done: boolean;
  cancelled: boolean;
}

export interface UploadOptions {
  auditId: string;
  links: EvidenceTarget[];
  addedBy: string;
  signal: AbortSignal;
  onProgress: (progress: BatchProgress) => void;
}

class Failed extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

async function call<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Failed(result.error);
  return result.value;
}

const reasonOf = (e: unknown): string =>
  e instanceof Failed ? e.error.message : e instanceof Error ? e.message : 'Unknown error';

/**
 * Sends files one after another in ordered chunks. Each chunk is sliced from
 * the File and read on its own, so a 2 GB video never sits in memory whole.
 * Cancelling aborts the file in flight on the backend and skips the rest;
 * one file failing does not stop the others.
 */
export async function uploadFiles(files: readonly File[], options: UploadOptions): Promise<BatchProgress> {
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

  for (const [index, file] of files.entries()) {
    const entry = batch.files[index];
    if (!entry) continue;
    if (signal.aborted) {
      entry.state = 'cancelled';
      continue;
    }
    entry.state = 'uploading';
    report();
    const before = batch.sentBytes;
    let uploadId: string | null = null;
    try {
      const begun = await call(
        api.invoke('evidence.uploadBegin', {
          auditId: options.auditId,
          name: file.name,
          size: file.size,
          mediaType: file.type.slice(0, 200),
        }),
      );
      uploadId = begun.uploadId;
      const step = Math.max(1, Math.min(begun.chunkBytes || UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES));
      for (let offset = 0; offset < file.size; offset += step) {
        if (signal.aborted) break;
        const dataBase64 = await readAsBase64(file.slice(offset, offset + step));
        await call(api.invoke('evidence.uploadChunk', { uploadId, offset, dataBase64 }));
        batch.sentBytes = before + Math.min(file.size, offset + step);
        report();
      }
      if (signal.aborted) {
        await api.invoke('evidence.uploadAbort', { uploadId });
        entry.state = 'cancelled';
        batch.sentBytes = before;
        continue;
      }
      const committed = await call(
        api.invoke('evidence.uploadCommit', {
          uploadId,
          links: options.links,
          addedBy: options.addedBy.slice(0, 200),
          description: '',
        }),
      );
      entry.state = committed.duplicate ? 'duplicate' : 'added';
      entry.renamed = committed.renamed;
      entry.evidence = committed.evidence;
    } catch (e) {
      // Leave nothing half-written on the backend; its answer does not matter any more.
      if (uploadId) void api.invoke('evidence.uploadAbort', { uploadId });
      entry.state = signal.aborted ? 'cancelled' : 'failed';
      entry.message = reasonOf(e);
    }
    batch.sentBytes = before + file.size;
    report();
  }
  batch.done = true;
  batch.cancelled = signal.aborted;
  report();
  return batch;
}

/** "3 added, 1 already attached, 2 failed, 1 cancelled". */
export function summarize(files: readonly FileProgress[]): string {
  const count = (s: FileState) => files.filter((f) => f.state === s).length;
  const parts = [
    [count('added'), 'added'],
    [count('duplicate'), 'already attached'],
    [count('failed'), 'failed'],
    [count('cancelled'), 'cancelled'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return said.length ? said.join(', ') : 'Nothing to add';
}

/** A pasted image has no name of its own: "pasted-2026-03-14-093012.png". */
export function pastedName(type: string, at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-` +
    `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  const ext = { 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' }[type] ?? 'png';
  return `pasted-${stamp}.${ext}`;
}
