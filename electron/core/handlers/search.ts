import type { RepoContext } from '../repos/context';
import { searchRecords } from '../repos/search';
import type { Handlers, Tx } from './types';

/**
 * Search only reads, so it runs in a deferred transaction: one consistent
 * snapshot for the ranking and the hits' details, without taking the write
 * lock (a long import in another process never holds a search up).
 */
export const searchHandlers = (ctx: RepoContext, _tx: Tx): Pick<Handlers, 'search.query'> => ({
  'search.query': (input) => ctx.db.transaction(() => searchRecords(ctx, input)).deferred(),
});
