import type { OpInput } from '#shared/api/contract';
import type { ApiError, Result } from '#shared/api/result';
import { BYTE_CHUNK, BYTES_PATH } from '#shared/domain/bytes';
import { getApi } from './client';
import { byteHeaders } from './http';

/** A byte transfer the backend refused, or that never reached it; carries the backend's words. */
export class ByteFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export interface ByteOptions {
  signal?: AbortSignal;
  /** Bytes moved so far, of the total. */
  onProgress?: (done: number, total: number) => void;
}

const unreachable = (): ApiError => ({
  code: 'unavailable',
  message: 'Fieldwork is not reachable. Is it still running?',
});

/** The envelope of a refused or answered byte request, or a stand-in when the answer is unreadable. */
async function envelopeOf(response: Response): Promise<Result<unknown>> {
  try {
    const body = (await response.json()) as unknown;
    if (typeof body === 'object' && body !== null && 'ok' in body) return body as Result<unknown>;
  } catch {
    // Unreadable: said below.
  }
  return { ok: false, error: { code: 'unavailable', message: `Unexpected answer (HTTP ${response.status}).` } };
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, headers: byteHeaders() });
  } catch (e) {
    if (init.signal?.aborted) throw e;
    throw new ByteFailure(unreachable());
  }
}

/**
 * Sends a file into an upload a begin operation opened (evidence, a document
 * to check, a team package): binary, in 16 MiB chunks each streamed from the
 * File, so nothing is read whole or encoded. The same URL serves the desktop
 * app (app://) and the browser preview (its HTTP host).
 */
export async function uploadBytes(uploadId: string, file: Blob, options: ByteOptions = {}): Promise<void> {
  for (let offset = 0; offset < file.size; offset += BYTE_CHUNK) {
    options.signal?.throwIfAborted();
    const body = file.slice(offset, offset + BYTE_CHUNK);
    const response = await request(`${BYTES_PATH}${uploadId}?offset=${offset}`, {
      method: 'PUT',
      body,
      signal: options.signal,
    });
    const answer = await envelopeOf(response);
    if (!answer.ok) throw new ByteFailure(answer.error);
    options.onProgress?.(Math.min(file.size, offset + BYTE_CHUNK), file.size);
  }
}

/**
 * A file the backend may hand out (an attachment, an export, an issued
 * report, a team package) as a Blob: `bytes.download` decides, then the bytes
 * stream through the byte channel.
 */
export async function downloadBytes(
  source: OpInput<'bytes.download'>,
  type: string,
  options: ByteOptions = {},
): Promise<Blob> {
  const offered = await getApi().invoke('bytes.download', source);
  if (!offered.ok) throw new ByteFailure(offered.error);
  const response = await request(`${BYTES_PATH}${offered.value.downloadId}`, { signal: options.signal });
  if (!response.ok) {
    const answer = await envelopeOf(response);
    throw new ByteFailure(answer.ok ? unreachable() : answer.error);
  }
  const total = offered.value.size;
  if (!options.onProgress || !response.body) return new Blob([await response.arrayBuffer()], { type });
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let done = 0;
  const reader = response.body.getReader();
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    parts.push(next.value);
    done += next.value.length;
    options.onProgress(done, total);
  }
  return new Blob(parts, { type });
}
