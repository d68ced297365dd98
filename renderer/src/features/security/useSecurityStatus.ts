import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { SecurityStatus } from '#shared/domain/security';
import { getApi } from '../../api/client';
import { OpFailure, opKey } from '../../api/ops';
import { LOCKED_EVENT } from '../../api/lockSignal';

/** How often the window asks whether the backend locked by itself (its idle timer); polling is not activity. */
export const STATUS_POLL_MS = 15_000;
/** The user's typing or clicking tells the backend at most this often that someone is at the keyboard. */
export const ACTIVITY_PING_MS = 20_000;

const KEY = opKey('security.status', {});

/**
 * The data folder's lock status, polled; refreshed at once when a call answers `locked`. While the user is active
 * the backend is told so (throttled), which keeps it from locking as idle: the idle time is the user's, not the
 * window's.
 */
export function useSecurityStatus(): { status: SecurityStatus | undefined; refresh: () => void } {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: KEY,
    queryFn: async () => {
      const r = await getApi().invoke('security.status', {});
      if (!r.ok) throw new OpFailure(r.error);
      return r.value;
    },
    refetchInterval: STATUS_POLL_MS,
    refetchIntervalInBackground: true,
  });
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: KEY }), [client]);

  useEffect(() => {
    window.addEventListener(LOCKED_EVENT, refresh);
    return () => window.removeEventListener(LOCKED_EVENT, refresh);
  }, [refresh]);

  const locked = query.data?.locked ?? false;
  useEffect(() => {
    if (locked) return;
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_PING_MS) return;
      last = now;
      void getApi().invoke('security.status', { active: true });
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true, capture: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [locked]);

  return { status: query.data, refresh };
}
