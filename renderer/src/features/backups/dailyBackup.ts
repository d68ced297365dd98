import { getApi } from '../../api/client';

/**
 * Once per app start, after the first screen has settled (app/start.tsx): asks for the day's backup, which the
 * backend makes in the background only when none is from the last 24 hours (and the folder holds anything).
 * Nothing to show unless it fails; Settings → Backups lists it.
 */
export function requestDailyBackup(): void {
  void getApi()
    .invoke('backups.create', { reason: 'daily' })
    .catch(() => undefined);
}
