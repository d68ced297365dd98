import { DomainError } from '#shared/api/result';
import type { Hlc } from '#shared/domain/sync';

/**
 * The hybrid logical clock (issue 13): wall time in ms, a counter for events
 * within one ms (or while the wall clock lags), and the device id as the final
 * tie-break. Written as the fixed-width string of shared/domain/sync.ts, so
 * string order is clock order. The functions here are pure; clock-store.ts
 * keeps the last value in the data folder so clocks never go backwards.
 */
export interface HlcParts {
  readonly wall: number;
  readonly counter: number;
  readonly device: string;
}

const WALL_MAX = 9_999_999_999_999;
export const COUNTER_MAX = 999_999;
/** A remote clock further ahead than this is refused: a wrong wall clock must not drag every later edit into the future. */
export const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

export function formatHlc(c: HlcParts): Hlc {
  if (!Number.isInteger(c.wall) || c.wall < 0 || c.wall > WALL_MAX)
    throw new RangeError('Clock wall time out of range');
  if (!Number.isInteger(c.counter) || c.counter < 0 || c.counter > COUNTER_MAX) {
    throw new RangeError('Clock counter out of range');
  }
  return `${String(c.wall).padStart(13, '0')}-${String(c.counter).padStart(6, '0')}-${c.device}`;
}

export function parseHlc(s: string): HlcParts {
  const m = /^(\d{13})-(\d{6})-([0-9a-z-]{1,64})$/.exec(s);
  if (!m) throw new RangeError('Not a clock value');
  return { wall: Number(m[1]), counter: Number(m[2]), device: m[3]! };
}

/** The next value after `wall`/`counter`: the counter carries into the wall when it would overflow. */
function advance(wall: number, counter: number, device: string): Hlc {
  return counter >= COUNTER_MAX
    ? formatHlc({ wall: wall + 1, counter: 0, device })
    : formatHlc({ wall, counter: counter + 1, device });
}

/** The clock for a local write at wall time `now`: after `last` even if the wall clock stepped back. */
export function tickHlc(last: Hlc | null, now: number, device: string): Hlc {
  const prev = last ? parseHlc(last) : null;
  if (!prev || now > prev.wall) return formatHlc({ wall: now, counter: 0, device });
  return advance(prev.wall, prev.counter, device);
}

/** The clock after merging a change stamped `remote`: after both `last` and `remote`. */
export function receiveHlc(last: Hlc | null, remote: Hlc, now: number, device: string): Hlc {
  const r = parseHlc(remote);
  if (r.wall > now + MAX_AHEAD_MS) {
    throw new DomainError(
      'invalid_input',
      "This change is dated more than a day after this computer's clock. Check the date and time on both computers.",
    );
  }
  const prev = last ? parseHlc(last) : { wall: 0, counter: 0 };
  const wall = Math.max(prev.wall, r.wall, now);
  if (wall === now && now > prev.wall && now > r.wall) return formatHlc({ wall, counter: 0, device });
  const counter = Math.max(wall === prev.wall ? prev.counter : -1, wall === r.wall ? r.counter : -1);
  return advance(wall, counter, device);
}
