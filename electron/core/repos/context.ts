import type { ChecklistTemplate } from '#shared/domain/template';
import type { Db } from '../db/open';

/** What every repository function needs: the database, who/when stamps rows, and the built-in templates. */
export interface RepoContext {
  readonly db: Db;
  /** The data folder: the database file, the device id and the evidence store live here. */
  readonly dataDir: string;
  readonly deviceId: string;
  now(): string;
  /** Loaded from resources/templates at start-up; imported templates live in the database. */
  readonly builtinTemplates: readonly ChecklistTemplate[];
  /** The data folder's 32-byte data key when it is encrypted; null or absent for a plain folder. */
  readonly dataKey?: Buffer | null;
}

export interface Stamp {
  now: string;
  device: string;
}

export const stamp = (ctx: RepoContext): Stamp => ({ now: ctx.now(), device: ctx.deviceId });
