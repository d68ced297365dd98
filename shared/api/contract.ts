import type { z } from 'zod';
import type { PathImportTarget } from '../domain/evidence-paths';
import type { Result } from './result';
import type { OpName } from './ops';
import { auditOps } from './contract/audits';
import { conductOps } from './contract/conduct';
import { evidenceOps } from './contract/evidence';
import { findingOps } from './contract/findings';
import { recordOps } from './contract/records';
import { reportingOps } from './contract/reporting';
import { systemOps } from './contract/system';
import { teamOps } from './contract/team';

/**
 * The API contract: one entry per operation, each with the schema its input
 * must pass and the schema of what it returns. The backend implements exactly
 * this map; transports (IPC, HTTP) only carry the op name and the input. Each
 * feature's entries live in contract/; this is their union, checked whole here.
 */
export const contract = {
  ...systemOps,
  ...auditOps,
  ...recordOps,
  ...evidenceOps,
  ...findingOps,
  ...conductOps,
  ...reportingOps,
  ...teamOps,
} as const satisfies Record<OpName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
/** What a caller passes (defaults may be omitted). */
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
/** What the backend receives after parsing (defaults filled in). */
export type OpParsed<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;

/** A file the user chose or dropped (the DOM's File; shared/ has no DOM types). */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
}

/** What only the desktop app's preload offers (electron/preload): absent in the browser preview. */
export interface DesktopApi {
  /**
   * Imports files the user chose or dropped by their paths on disk (`evidence.importPaths`): the preload looks
   * the paths up itself, so a file made by a script (no path) is refused. Progress and Cancel: `evidence.importStatus`
   * and `evidence.importCancel` with the target's importId.
   */
  importFiles(
    files: readonly ChosenFile[],
    target: PathImportTarget,
  ): Promise<Result<OpOutput<'evidence.importPaths'>>>;
  /** Whether a file is on this computer's disk (chosen or dropped), so importFiles can take it; a pasted image is not. */
  isOnDisk(file: ChosenFile): boolean;
  /** Shows the data folder in the OS's file manager (the damaged-folder screen); main decides the folder. */
  showDataFolder(): Promise<Result<Record<string, never>>>;
  /** Quits the app. */
  quit(): Promise<Result<Record<string, never>>>;
}

/** The shape every transport exposes to the renderer. */
export interface FieldworkApi {
  invoke<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
  /** The desktop app only. */
  desktop?: DesktopApi;
}
