import type { Db } from '../db/open';

/** What every repository function needs: the database and who/when stamps rows. */
export interface RepoContext {
  readonly db: Db;
  readonly deviceId: string;
  now(): string;
}

export interface Stamp {
  now: string;
  device: string;
}

export const stamp = (ctx: RepoContext): Stamp => ({ now: ctx.now(), device: ctx.deviceId });
