import type { Result } from '#shared/api/result';

/** Messages between main (backend-client) and the utility process (backend-host). */
export interface HostRequest {
  id: number;
  op: string;
  input: unknown;
}
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
