import type { RepoContext } from '../repos/context';
import { searchRecords } from '../repos/search';
import type { Handlers, Tx } from './types';

/** A read (op-kinds.ts): one deferred snapshot for the ranking and the hits' details, without the write lock. */
export const searchHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, 'search.query'> => ({
  'search.query': tx((input) => searchRecords(ctx, input)),
});
