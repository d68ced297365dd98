import type { CorpusSigner, Parts } from './zip-parts';

export interface CorpusCase {
  file: string;
  code: string;
  message: string;
}

export interface CorpusContext {
  /** The sound package's parts, and the sound package signed. */
  p: Parts;
  honest: Buffer;
  signer: CorpusSigner;
  other: CorpusSigner;
  now: number;
  add(file: string, bytes: Buffer, code: string, message: string): void;
  listing(extra: { name: string; content: Buffer }[], manifest?: Record<string, unknown>): Parts;
}

export const N = ' Nothing was imported.';
export const TAMPERED = 'it may have been tampered with.' + N;
