import type { Hlc } from '#shared/domain/sync';
import type { Db } from '../db/open';
import { receiveHlc, tickHlc } from './hlc';

/**
 * The data folder's clock, kept in the one-row write_context table (migration
 * 9): every value handed out is written there first, so a restart, a second
 * process on the same folder or a wall clock stepping back never yields an
 * older clock. Call inside a write transaction: the read and the write are
 * then one step no other writer can interleave with.
 */
export interface ClockStore {
  /** The clock for a local write at wall time `now` (ms); also becomes the log's clock and author. */
  tick(now: number, author?: string): Hlc;
  /** Moves this folder's clock past a merged change's clock and returns the new value. */
  receive(remote: Hlc, now: number): Hlc;
  /** The last clock handed out (the initial value before any write). */
  last(): Hlc;
}

/** The placeholder written by migration 9: older than any real clock. */
const INITIAL = '0000000000000-000000-0';

export function clockStore(db: Db, deviceId: string): ClockStore {
  // Device ids are UUIDs; clock strings allow lower-case letters, digits and '-'.
  const device = deviceId.toLowerCase();
  const read = db.prepare('SELECT clock FROM write_context WHERE id = 1').pluck();
  const write = db.prepare('UPDATE write_context SET clock = ?, device_id = ?, author = ? WHERE id = 1');
  const writeClock = db.prepare('UPDATE write_context SET clock = ?, device_id = ? WHERE id = 1');
  const lastClock = (): Hlc | null => {
    const c = read.get() as string | undefined;
    return c === undefined || c === INITIAL ? null : c;
  };
  return {
    tick(now, author = '') {
      const next = tickHlc(lastClock(), now, device);
      write.run(next, device, author);
      return next;
    },
    receive(remote, now) {
      const next = receiveHlc(lastClock(), remote, now, device);
      writeClock.run(next, device);
      return next;
    },
    last: () => lastClock() ?? INITIAL,
  };
}
