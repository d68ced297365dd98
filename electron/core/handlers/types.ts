import { AsyncLocalStorage } from 'node:async_hooks';
import type { OpOutput, OpParsed } from '#shared/api/contract';
import type { OpName } from '#shared/api/ops';
import type { Db } from '../db/open';
import { clockStore } from '../sync/clock-store';
import type { OpKind } from './op-kinds';

export type Handlers = { [K in OpName]: (input: OpParsed<K>) => OpOutput<K> | Promise<OpOutput<K>> };

/** Wraps a handler's database work in one transaction of the running operation's kind (see makeTx). */
export type Tx = <I, O>(fn: (input: I) => O) => (input: I) => O;

/** The kind of the operation being run (op-kinds.ts); it follows the handler across its awaits. */
const running = new AsyncLocalStorage<OpKind>();

/** Runs an operation's handler so that every `tx` it opens, now or after an await, is of `kind`. */
export const runAs = <T>(kind: OpKind, fn: () => T): T => running.run(kind, fn);

/** Thrown to undo the clock step of a transaction that wrote nothing else. */
const READ_ONLY = new Error('read-only transaction');

/**
 * Inside a read operation (`runAs('read', …)`): one DEFERRED transaction — a
 * consistent snapshot that takes no write lock (WAL lets it run beside a
 * writer) — with `query_only` on, so a write from a misclassified operation
 * fails loudly (SQLITE_READONLY) instead of landing without its clock step.
 *
 * Otherwise (write operations, and callers outside dispatch): one IMMEDIATE
 * transaction that takes the write lock up front, so a read-then-write never
 * fails half-way, and first steps the data folder's clock and names its author
 * (the input's `by`, where the operation has one), so the change-log triggers
 * (migration 9) stamp each field it writes with them. One that changed nothing
 * but the clock is undone (a savepoint), leaving the database as it was.
 */
export const makeTx = (db: Db, deviceId: string, now: () => number = () => Date.now()): Tx => {
  const clock = clockStore(db, deviceId);
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  // Not prepared once: SQLite applies a flag pragma when it compiles the statement.
  const read: Tx = (fn) => (input) => {
    const was = db.pragma('query_only', { simple: true }) as number;
    db.pragma('query_only = 1');
    try {
      return db.transaction(fn).deferred(input);
    } finally {
      db.pragma(`query_only = ${was ? 1 : 0}`);
    }
  };
  const write: Tx = (fn) => (input) =>
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
  return (fn) => (input) => (running.getStore() === 'read' ? read(fn)(input) : write(fn)(input));
};

function authorOf(input: unknown): string {
  const by = typeof input === 'object' && input !== null ? (input as { by?: unknown }).by : undefined;
  return typeof by === 'string' ? by : '';
}
