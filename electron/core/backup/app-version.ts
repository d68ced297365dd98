import type { RepoContext } from '../repos/context';
import { stagedBackups } from './pre-migration';

/** The app's version per backend, for the manifests (handler areas are built from the context alone). */
const versions = new WeakMap<RepoContext, string>();
/** The packing of copies staged before a migration that startBackups began, per backend (never rejects). */
const starting = new WeakMap<RepoContext, Promise<void>>();

export const appVersionOf = (ctx: RepoContext): string => versions.get(ctx) ?? '0.0.0';

/**
 * Called once as the backend's handlers are made: remembers the version, and
 * when copies taken before a migration wait in backups/ (one directory read),
 * loads the backup code to pack them; otherwise nothing more loads at start-up.
 */
export function startBackups(ctx: RepoContext, appVersion: string): void {
  versions.set(ctx, appVersion);
  if (stagedBackups(ctx.dataDir).length === 0) return;
  const packing = import('./service')
    .then(({ backupService }) => backupService(ctx).finishStaged())
    .catch((e: unknown) => {
      process.stderr.write(`fieldwork: backup after migration failed (${e instanceof Error ? e.name : typeof e})\n`);
    });
  starting.set(ctx, packing);
}

/** Settles once the start-up packing (if any) has ended: see BackupService.whenIdle. */
export const startUpBackups = (ctx: RepoContext): Promise<void> => starting.get(ctx) ?? Promise.resolve();
