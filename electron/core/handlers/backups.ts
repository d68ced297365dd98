import type { RepoContext } from '../repos/context';
import { backupService } from '../backup/service';
import { listBackups, writeSettings } from '../backup/rolling';
import type { Handlers, Tx } from './types';

type BackupOps = Extract<keyof Handlers, `backups.${string}`>;

/**
 * Backups of the data folder (issue 15): listed from the files in backups/,
 * made and restored as jobs polled for progress and cancellable. They work on
 * files and take their own short transactions (claims), not `tx`.
 */
export const backupHandlers = (ctx: RepoContext, _tx: Tx): Pick<Handlers, BackupOps> => {
  const service = backupService(ctx);
  return {
    'backups.list': () => listBackups(ctx.dataDir, ctx.dataKey ?? null),
    'backups.create': ({ reason }) => service.start(reason),
    'backups.status': ({ jobId }) => service.status(jobId),
    'backups.cancel': ({ jobId }) => service.cancel(jobId),
    'backups.restore': ({ backupId, targetDir, passphrase }) => service.restore(backupId, targetDir, passphrase),
    'backups.settings': (settings) => writeSettings(ctx.dataDir, settings),
  };
};
