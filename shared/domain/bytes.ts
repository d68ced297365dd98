import { z } from 'zod';
import type { ErrorCode } from '../api/result';
import { Id } from './common';

/**
 * What `bytes.download` may hand out: each kind is found the way its own read
 * operation finds it. The bytes then travel by the returned id through the
 * transport's byte channel (`/bytes/<id>`), never as base64 in JSON.
 */
export const DownloadInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('evidence'), id: Id }),
  z.strictObject({ kind: z.literal('export'), jobId: z.string().min(1).max(100) }),
  z.strictObject({ kind: z.literal('issue'), issueId: Id }),
  z.strictObject({ kind: z.literal('team'), fileId: z.string().min(1).max(100) }),
]);
export const Download = z.object({ downloadId: z.string(), size: z.number().int() });

/**
 * Bytes per request on the byte channel: an upload is sent in chunks this
 * large (each streamed, never held whole), so a broken connection costs one
 * chunk and progress is reported as they land.
 */
export const BYTE_CHUNK = 16 * 1024 * 1024;

/** Where both transports serve the byte channel: `/bytes/<id>`, `?offset=` on an upload's chunks. */
export const BYTES_PATH = '/bytes/';

export interface ByteRequest {
  id: string;
  /** Where an uploaded chunk starts (0 when not given). */
  offset: number;
}

/** The part of a WHATWG URL read here (shared code sees neither DOM nor Node types). */
export interface ParsedUrl {
  pathname: string;
  searchParams: { get(name: string): string | null };
}

/**
 * The id and offset of a byte-channel URL; null when the path is not one or
 * they are unreadable. Ids are ours (UUIDs): anything else is refused here.
 */
export function parseByteUrl(url: ParsedUrl): ByteRequest | null {
  if (!url.pathname.startsWith(BYTES_PATH)) return null;
  const id = url.pathname.slice(BYTES_PATH.length);
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const raw = url.searchParams.get('offset') ?? '0';
  if (!/^\d{1,16}$/.test(raw)) return null;
  return { id, offset: Number(raw) };
}

/** HTTP status of a refused byte request, so a browser's fetch sees the failure without reading the body. */
export function byteStatus(code: ErrorCode): number {
  switch (code) {
    case 'not_found':
      return 404;
    case 'invalid_input':
      return 400;
    case 'conflict':
      return 409;
    case 'too_large':
      return 413;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    default:
      return 500;
  }
}
