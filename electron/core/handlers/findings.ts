import { DomainError } from '#shared/api/result';
import type { RepoContext } from '../repos/context';
import type { Handlers, Tx } from './types';

type FindingOps = Extract<keyof Handlers, `findings.${string}`>;

// SCAFFOLD (being replaced by the findings implementation in this change).
const todo = () => {
  throw new DomainError('unsupported', 'Findings are not built yet.');
};

export const findingHandlers = (_ctx: RepoContext, _tx: Tx): Pick<Handlers, FindingOps> => ({
  'findings.list': todo,
  'findings.get': todo,
  'findings.create': todo,
  'findings.fromItem': todo,
  'findings.update': todo,
  'findings.delete': todo,
  'findings.issue': todo,
  'findings.respond': todo,
  'findings.decideResponse': todo,
  'findings.verify': todo,
  'findings.close': todo,
  'findings.trail': todo,
  'findings.settings': todo,
  'findings.setSettings': todo,
});
