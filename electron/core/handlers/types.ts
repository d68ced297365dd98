import type { OpOutput, OpParsed } from '#shared/api/contract';
import type { OpName } from '#shared/api/ops';
import type { Db } from '../db/open';
import { clockStore } from '../sync/clock-store';

export type Handlers = { [K in OpName]: (input: OpParsed<K>) => OpOutput<K> | Promise<OpOutput<K>> };

/** Wraps a handler's database work in one IMMEDIATE transaction (see handlers.ts). */
export type Tx = <I, O>(fn: (input: I) => O) => (input: I) => O;

/** Thrown to undo the clock step of a transaction that wrote nothing else. */
const READ_ONLY = new Error('read-only transaction');

/**
 * Every transaction first steps the data folder's clock and names its author
 * (the input's `by`, where the operation has one), so the change-log triggers
 * (migration 9) stamp each field it writes with them. A transaction that
 * changed nothing but the clock is a read: the step is undone (a savepoint),
 * so reads stay free of disk writes and leave the database as it was.
 */
export const makeTx = (db: Db, deviceId: string, now: () => number = () => Date.now()): Tx => {
  const clock = clockStore(db, deviceId);
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  return (fn) => (input) =>
    db
      .transaction(() => {
        let out!: ReturnType<typeof fn>;
        const before = totalChanges.get() as number;
        try {
          db.transaction(() => {
            clock.tick(now(), authorOf(input));
            out = fn(input);
            // The clock's own UPDATE is one change: nothing else was written.
            if ((totalChanges.get() as number) - before === 1) throw READ_ONLY;
          })();
        } catch (e) {
          if (e !== READ_ONLY) throw e;
        }
        return out;
      })
      .immediate();
};

function authorOf(input: unknown): string {
  const by = typeof input === 'object' && input !== null ? (input as { by?: unknown }).by : undefined;
  return typeof by === 'string' ? by : '';
}
