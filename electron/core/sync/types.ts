import type { OpParsed } from '#shared/api/contract';

/** team.export's input, plus where the CLI wants the file (else this session's exports folder). */
export type TeamExportOptions = OpParsed<'team.export'> & { out?: string };

export interface ImportOptions {
  /** Do every check and the whole merge, then roll it back: the preview. */
  dryRun?: boolean;
  /** The fingerprint the user compared, for a signer not known here (then trusted from now on). */
  acceptFingerprint?: string;
  /** Who imports (the audit trail's author of the merged writes' bookkeeping). */
  by: string;
}
