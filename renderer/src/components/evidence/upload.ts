import type { ApiError } from '#shared/api/result';
import type { Evidence, EvidenceTarget } from '#shared/domain/evidence';
import { UPLOAD_GROUP_MAX } from '#shared/domain/evidence-batch';
import { BYTE_CHUNK } from '#shared/domain/bytes';
import { ByteFailure, uploadBytes } from '../../api/bytes';
import { getApi } from '../../api/client';
import { desktopApi } from '../../api/desktop';
import { importByPath } from './importByPath';

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

interface Begun {
  index: number;
  uploadId: string;
}

/**
 * Requests sending bytes at once: the browser opens at most six connections
 * to one host, and the begins and commits need the others.
 */
export const FILES_IN_FLIGHT = 4;
/** Files up to this size travel together, a group's bytes in one stream of at most BYTE_CHUNK. */
const SMALL_FILE = 2 * 1024 * 1024;
const STREAM_FILES = 32;

/** Files begun by one call: a group of small files sent as one stream, or one larger file alone. */
type Job = number[];

/** Small files packed into groups in their order; larger ones alone. The largest jobs go first. */
function jobsOf(files: readonly File[]): Job[] {
  const jobs: Job[] = [];
  let group: Job = [];
  let bytes = 0;
  files.forEach((file, i) => {
    if (file.size > SMALL_FILE) return void jobs.push([i]);
    if (group.length === STREAM_FILES || bytes + file.size > BYTE_CHUNK) {
      jobs.push(group);
      group = [];
      bytes = 0;
    }
    group.push(i);
    bytes += file.size;
  });
  if (group.length > 0) jobs.push(group);
  // Largest first: a long video sent last would be sent alone, while the others wait for nothing.
  const bytesOf = (job: Job) => job.reduce((n, i) => n + files[i]!.size, 0);
  return jobs.sort((a, b) => bytesOf(b) - bytesOf(a));
}

/**
 * Sends files through the byte channel, each streamed from the File in binary
 * chunks (a 2 GB video never sits in memory whole), a few requests at once.
 * Small files go in groups: one `evidence.uploadBeginMany` and one stream of
 * their bytes back to back per group, so a card of small photos costs a
 * request per few dozen files. Files whose bytes arrived wait for one
 * `evidence.uploadCommitMany` (one at a time takes all that wait; the backend
 * writes their rows together). Cancelling aborts the files in flight and the
 * ones waiting for their commit, and skips the rest; one file failing does
 * not stop the others.
 */
export async function uploadFiles(files: readonly File[], options: UploadOptions): Promise<BatchProgress> {
  // The desktop app: the backend reads files on disk itself (importByPath.ts), at disk speed; pasted images are sent.
  const desktop = desktopApi();
  const onDisk = desktop ? files.filter((f) => desktop.isOnDisk(f)) : [];
  if (!desktop || onDisk.length === 0) return sendFiles(files, options);
  if (onDisk.length === files.length) return importByPath(desktop, files, options);
  // Both at once (rare: a paste is alone): one after the other, reported as one batch.
  const others = files.filter((f) => !desktop.isOnDisk(f));
  let first: BatchProgress | null = null;
  const both = (a: BatchProgress, b: BatchProgress | null): BatchProgress => ({
    files: [
      ...a.files,
      ...(b?.files ?? others.map((f) => ({ name: f.name, size: f.size, state: 'waiting' as const }))),
    ],
    sentBytes: a.sentBytes + (b?.sentBytes ?? 0),
    totalBytes: a.totalBytes + (b?.totalBytes ?? others.reduce((n, f) => n + f.size, 0)),
    done: a.done && b !== null && b.done,
    cancelled: a.cancelled || (b?.cancelled ?? false),
  });
  first = await importByPath(desktop, onDisk, { ...options, onProgress: (p) => options.onProgress(both(p, null)) });
  const done = first;
  const second = await sendFiles(others, { ...options, onProgress: (p) => options.onProgress(both(done, p)) });
  return both(first, second);
}

/** Files sent through the byte channel (the browser preview, and files with no path in the desktop app). */
async function sendFiles(files: readonly File[], options: UploadOptions): Promise<BatchProgress> {
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

  const abortUpload = (uploadId: string) => {
    // Leave nothing half-written on the backend; its answer does not matter any more.
    void api.invoke('evidence.uploadAbort', { uploadId });
  };
  const failed = (index: number, message: string) => {
    const entry = batch.files[index]!;
    entry.state = signal.aborted ? 'cancelled' : 'failed';
    if (!signal.aborted) entry.message = message;
    // A file that did not make it counts as done for the bar, so the batch still reaches its end.
    sent[index] = signal.aborted ? 0 : files[index]!.size;
  };

  // Uploads whose bytes all arrived; one commit call at a time takes all that wait.
  const waiting: Begun[] = [];
  let committing: Promise<void> | null = null;
  const commitGroup = async (group: Begun[]) => {
    if (signal.aborted) {
      for (const u of group) {
        abortUpload(u.uploadId);
        failed(u.index, '');
      }
      return;
    }
    const fields = { links: options.links, addedBy: options.addedBy.slice(0, 200), description: '' };
    try {
      const { results } = await call(
        api.invoke('evidence.uploadCommitMany', { uploads: group.map((u) => ({ uploadId: u.uploadId, ...fields })) }),
      );
      results.forEach((r, k) => {
        const { index, uploadId } = group[k]!;
        if (!r.ok) {
          abortUpload(uploadId);
          failed(index, r.error.message);
          return;
        }
        const entry = batch.files[index]!;
        entry.state = r.value.duplicate ? 'duplicate' : 'added';
        entry.renamed = r.value.renamed;
        entry.evidence = r.value.evidence;
        sent[index] = files[index]!.size;
      });
    } catch (e) {
      for (const u of group) {
        abortUpload(u.uploadId);
        failed(u.index, reasonOf(e));
      }
    }
    report();
  };
  const drain = async () => {
    while (waiting.length > 0) await commitGroup(waiting.splice(0, UPLOAD_GROUP_MAX));
    committing = null;
  };
  // A function, as the commit chain changes `committing` behind the compiler's back.
  const inFlight = (): Promise<void> | null => committing;

  const send = async (job: Job) => {
    if (signal.aborted) return;
    for (const i of job) batch.files[i]!.state = 'uploading';
    report();
    let begun: Begun[] = [];
    let streamId: string | null = null;
    try {
      const answer = await call(
        api.invoke('evidence.uploadBeginMany', {
          auditId: options.auditId,
          files: job.map((i) => ({
            name: files[i]!.name,
            size: files[i]!.size,
            mediaType: files[i]!.type.slice(0, 200),
          })),
          oneStream: job.length > 1,
        }),
      );
      answer.uploads.forEach((u, k) => {
        if (u.ok) begun.push({ index: job[k]!, uploadId: u.value.uploadId });
        else failed(job[k]!, u.error.message);
      });
      streamId = answer.streamId;
      // The stream carries the begun files back to back; a lone file is its own stream.
      const target = streamId ?? begun[0]?.uploadId;
      const body = new Blob(begun.map((u) => files[u.index]!));
      if (target) {
        await uploadBytes(target, body, {
          signal,
          onProgress: (done) => {
            let at = 0;
            for (const u of begun) {
              sent[u.index] = Math.max(0, Math.min(files[u.index]!.size, done - at));
              at += files[u.index]!.size;
            }
            report();
          },
        });
      }
      waiting.push(...begun);
      begun = [];
      committing ??= drain();
    } catch (e) {
      if (streamId) abortUpload(streamId);
      for (const u of begun) {
        abortUpload(u.uploadId);
        failed(u.index, reasonOf(e));
      }
      if (begun.length === 0) for (const i of job) if (batch.files[i]!.state === 'uploading') failed(i, reasonOf(e));
    }
    report();
    // Senders wait while a full group waits for its commit: the backend keeps uncommitted uploads open.
    for (let c = inFlight(); c && waiting.length >= UPLOAD_GROUP_MAX; c = inFlight()) await c;
  };

  const jobs = jobsOf(files);
  let next = 0;
  const sender = async () => {
    for (let j = next++; j < jobs.length; j = next++) await send(jobs[j]!);
  };
  await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT, jobs.length) }, sender));
  for (let c = inFlight(); c; c = inFlight()) await c;
  // Never begun: cancelled meanwhile.
  batch.files.forEach((entry, i) => {
    if (entry.state === 'waiting' || entry.state === 'uploading') failed(i, '');
  });
  batch.done = true;
  batch.cancelled = signal.aborted;
  report();
  return batch;
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
