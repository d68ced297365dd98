import { Suspense, useEffect } from 'react';
import { PageLoader } from '../components/LoadState';
import { NotFound } from '../components/NotFound';
import { navigate, useLocation } from '../lib/router';
import { LockGate } from '../features/security/LockGate';
import { DamagedGate } from '../features/backups/DamagedDatabase';
import { HOME, resolve } from './routes';
import { Shell } from './Shell';

export function App() {
  const location = useLocation();

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
          <Suspense fallback={<PageLoader />}>
            {location.path === '/' ? null : (resolve(location) ?? <NotFound />)}
          </Suspense>
        </Shell>
      </DamagedGate>
    </LockGate>
  );
}
