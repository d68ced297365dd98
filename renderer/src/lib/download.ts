import type { ApiError, Result } from '#shared/api/result';
import { FILE_CHUNK_MAX } from '#shared/domain/report';

export class ReadFailed extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

type Chunk = { dataBase64: string; size: number; eof: boolean };

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * A produced file read chunk by chunk (4 MiB, so one answer stays under the
 * preview host's body limit). `read` asks for one chunk; throws ReadFailed
 * with the backend's words.
 */
export async function readChunks(
  read: (offset: number, length: number) => Promise<Result<Chunk>>,
  type: string,
): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const result = await read(offset, FILE_CHUNK_MAX);
    if (!result.ok) throw new ReadFailed(result.error);
    const chunk = decode(result.value.dataBase64);
    parts.push(chunk);
    offset += chunk.length;
    if (result.value.eof || chunk.length === 0) break;
  }
  return new Blob(parts, { type });
}

/** Hands a Blob to the browser's download (the desktop window saves it the same way). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

const MEDIA_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

export const mediaTypeOf = (fileName: string): string =>
  MEDIA_TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
