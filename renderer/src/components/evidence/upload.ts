import type { ApiError } from '#shared/api/result';
import type { Evidence, EvidenceTarget } from '#shared/domain/evidence';
import { ByteFailure, uploadBytes } from '../../api/bytes';
import { getApi } from '../../api/client';

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
  e instanceof Failed || e instanceof ByteFailure ? e.error.message : e instanceof Error ? e.message : 'Unknown error';

/**
 * Files sent at once: enough to keep the disk and the hashing busy while one
 * file waits for its commit, few enough that each keeps a fair share.
 */
export const FILES_IN_FLIGHT = 3;

/**
 * Sends files, a few at once, through the byte channel: each streamed from
 * the File in binary chunks, so a 2 GB video never sits in memory whole.
 * Cancelling aborts the files in flight on the backend and skips the rest;
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
  const sent = files.map(() => 0);
  const report = () => {
    batch.sentBytes = sent.reduce((n, b) => n + b, 0);
    options.onProgress({ ...batch, files: batch.files.map((f) => ({ ...f })) });
  };
  report();

  const send = async (file: File, entry: FileProgress, index: number) => {
    if (signal.aborted) {
      entry.state = 'cancelled';
      return;
    }
    entry.state = 'uploading';
    report();
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
      await uploadBytes(uploadId, file, {
        signal,
        onProgress: (done) => {
          sent[index] = done;
          report();
        },
      });
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
      sent[index] = file.size;
    } catch (e) {
      // Leave nothing half-written on the backend; its answer does not matter any more.
      if (uploadId) void api.invoke('evidence.uploadAbort', { uploadId });
      entry.state = signal.aborted ? 'cancelled' : 'failed';
      if (!signal.aborted) entry.message = reasonOf(e);
      // A file that did not make it counts as done for the bar, so the batch still reaches its end.
      sent[index] = signal.aborted ? 0 : file.size;
    }
    report();
  };

  let next = 0;
  const worker = async () => {
    for (let index = next++; index < files.length; index = next++) {
      const entry = batch.files[index];
      const file = files[index];
      if (entry && file) await send(file, entry, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT, files.length) }, worker));
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
