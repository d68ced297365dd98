import type { Result } from '#shared/api/result';

/** Messages between main (backend-client) and the utility process (backend-host). */
export interface HostRequest {
  id: number;
  op: string;
  input: unknown;
}
/**
 * A piece of the byte channel relayed from the app:// protocol (byte-relay.ts):
 * binary, copied by structured clone, never base64. `put` writes one piece of
 * an upload at `offset`; `read` answers up to `length` bytes of a download
 * and the file's size.
 */
export type HostBytes =
  | { id: number; bytes: 'put'; uploadId: string; offset: number; data: Uint8Array }
  | { id: number; bytes: 'read'; downloadId: string; offset: number; length: number };
/** What main sends for a byte request; the client adds the id. */
export type HostBytesBody = HostBytes extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

/** Asks the host to close the database and exit. */
export interface HostShutdown {
  type: 'shutdown';
}
export interface HostReply {
  id: number;
  result: Result<unknown>;
}

const isRecord = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

export const isHostRequest = (m: unknown): m is HostRequest =>
  isRecord(m) && isId(m.id) && typeof m.op === 'string' && 'input' in m;

export const isHostShutdown = (m: unknown): m is HostShutdown => isRecord(m) && m.type === 'shutdown';

export const isHostReply = (m: unknown): m is HostReply =>
  isRecord(m) && isId(m.id) && isRecord(m.result) && typeof m.result.ok === 'boolean';

const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export const isHostBytes = (m: unknown): m is HostBytes =>
  isRecord(m) &&
  isId(m.id) &&
  isOffset(m.offset) &&
  ((m.bytes === 'put' && typeof m.uploadId === 'string' && m.data instanceof Uint8Array) ||
    (m.bytes === 'read' && typeof m.downloadId === 'string' && isOffset(m.length)));
