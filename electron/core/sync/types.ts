import type { OpParsed } from '#shared/api/contract';

/** team.export's input, plus where the CLI wants the file (else this session's exports folder). */
export type TeamExportOptions = OpParsed<'team.export'> & { out?: string };

/** Where an import (or its preview) is: for the Team tab's progress bar (sync/team-jobs.ts). */
export interface ImportProgress {
  /** checking: reading and verifying the file; evidence: placing its files; merging: the transaction (not cancellable). */
  stage: 'checking' | 'evidence' | 'merging';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Do every check and the whole merge, then roll it back: the preview. */
  dryRun?: boolean;
  /** The fingerprint the user compared, for a signer not known here (then trusted from now on). */
  acceptFingerprint?: string;
  /** Who imports (the audit trail's author of the merged writes' bookkeeping). */
  by: string;
  /** Cancel: checked between steps and chunks, never inside the transaction (nothing is then written). */
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}
