import type { OpOutput, OpParsed } from '#shared/api/contract';
import type { OpName } from '#shared/api/ops';
import type { Db } from '../db/open';

export type Handlers = { [K in OpName]: (input: OpParsed<K>) => OpOutput<K> | Promise<OpOutput<K>> };

/** Wraps a handler's database work in one IMMEDIATE transaction (see handlers.ts). */
export type Tx = <I, O>(fn: (input: I) => O) => (input: I) => O;

export const makeTx =
  (db: Db): Tx =>
  (fn) =>
  (input) =>
    db.transaction(() => fn(input)).immediate();
