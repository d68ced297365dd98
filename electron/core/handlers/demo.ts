import { demoProgress, loadDemo } from '../demo/load';
import type { RepoContext } from '../repos/context';
import type { Handlers, Tx } from './types';

/**
 * demo.load holds no transaction of its own: the demo's operations each run in theirs (demo/load.ts says why),
 * and only a failure's clean-up is one write here. demo.progress reads memory, not the database.
 */
export const demoHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, 'demo.load' | 'demo.progress'> => ({
  'demo.load': () => loadDemo(ctx, tx),
  'demo.progress': () => demoProgress(ctx),
});
