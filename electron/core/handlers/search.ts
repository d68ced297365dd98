import type { RepoContext } from '../repos/context';
import { searchPage, searchRecords } from '../repos/search';
import type { Handlers, Tx } from './types';

/** Reads (op-kinds.ts): one deferred snapshot for the ranking and the hits' details, without the write lock. */
export const searchHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, 'search.query' | 'search.page'> => ({
  'search.query': tx((input) => searchRecords(ctx, input)),
  'search.page': tx((input) => searchPage(ctx, input)),
});
