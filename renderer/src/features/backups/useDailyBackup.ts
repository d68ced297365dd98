import { useEffect } from 'react';
import { getApi } from '../../api/client';

let asked = false;

/**
 * Once per app start: asks for the day's backup, which the backend makes in
 * the background only when none is from the last 24 hours (and the folder
 * holds anything). Nothing to show unless it fails; Settings → Backups lists it.
 */
export function useDailyBackup(): void {
  useEffect(() => {
    if (asked) return;
    asked = true;
    void getApi()
      .invoke('backups.create', { reason: 'daily' })
      .catch(() => undefined);
  }, []);
}
