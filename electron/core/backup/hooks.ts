import type { RepoContext } from '../repos/context';

/** What the team import handler calls before it imports a package: a backup, awaited (service.beforeImport). */
export async function backupBeforeImport(ctx: RepoContext): Promise<void> {
  const { backupService } = await import('./service');
  await backupService(ctx).beforeImport();
}
