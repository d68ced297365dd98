import type { ErrorCode } from '#shared/api/result';
import type { ParsedSoa } from '../parse';

/** What the SoA worker is given: the file's name (for its extension) and bytes. */
export interface SoaTask {
  name: string;
  bytes: Uint8Array;
}

export type SoaWorkerMessage = { ok: true; parsed: ParsedSoa } | { ok: false; code: ErrorCode; message: string };
