import { useEffect, useReducer, useState } from 'react';
import { useLocation, type Location } from '../lib/router';
import { pageFor } from './routes';

const keyOf = (l: Location) => `${l.path}?${l.query.toString()}`;

/**
 * The location whose screen is shown. A navigation to a screen whose code has not arrived keeps the current
 * screen until it has (its first read is already under way, app/routes). Shown through Suspense instead, the
 * loader held the next screen back until 300 ms after the loader appeared (React throttles revealing what a
 * fallback stood in for): about 440 ms against 180 to paint Nonconformities in the scale bench. The first
 * screen of a start still goes through Suspense: there is nothing to keep. The location is the same object
 * while it stays, so that what is derived from it need not be rendered again.
 */
export function useShownLocation(): Location {
  const live = useLocation();
  const key = keyOf(live);
  const [shown, setShown] = useState<{ key: string; location: Location } | null>(null);
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  const page = pageFor(live.path);
  const waiting = shown !== null && shown.key !== key && page !== null && !page.isReady();
  useEffect(() => {
    if (waiting) void page?.preload().then(arrived, arrived);
  }, [waiting, page]);
  if (waiting || shown?.key === key) return shown.location;
  // Remembered for the next navigation, and the same object while it stays (set while rendering: React renders
  // again at once).
  setShown({ key, location: live });
  return live;
}
