import { Suspense, useEffect, useMemo } from 'react';
import { PageLoader } from '../components/LoadState';
import { NotFound } from '../components/NotFound';
import { navigate } from '../lib/router';
import { LockGate } from '../features/security/LockGate';
import { DamagedGate } from '../features/backups/DamagedDatabase';
import { HOME, resolve } from './routes';
import { Shell } from './Shell';
import { useShownLocation } from './useShownLocation';

export function App() {
  const location = useShownLocation();
  // The same element while the shown location stays (a navigation waiting for the next screen's code, a hash
  // written back): React then leaves the screen as it is instead of rendering it again (about 25 ms a click).
  const screen = useMemo(() => (location.path === '/' ? null : (resolve(location) ?? <NotFound />)), [location]);

  useEffect(() => {
    if (location.path === '/') navigate(HOME, { replace: true });
  }, [location.path]);

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.path]);

  return (
    // Locked (an encrypted folder, issue 15): the lock screen in front, the app kept as it was behind it.
    <LockGate>
      {/* A damaged database (the backend started for recovery only): the restore screen instead of the app. */}
      <DamagedGate>
        <Shell path={location.path}>
          {/* A screen's code loads on first visit (routes.tsx); the shell stays meanwhile. */}
          <Suspense fallback={<PageLoader />}>{screen}</Suspense>
        </Shell>
      </DamagedGate>
    </LockGate>
  );
}
