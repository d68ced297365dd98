import { DomainError } from '#shared/api/result';
import type { RepoContext } from '../repos/context';
import type { Handlers, Tx } from './types';

type ProgrammeOps = Extract<keyof Handlers, `programme.${string}` | `recommendation.${string}`>;

// SCAFFOLD (being replaced by the programme implementation in this change).
const todo = () => {
  throw new DomainError('unsupported', 'The certification programme is not built yet.');
};

export const programmeHandlers = (_ctx: RepoContext, _tx: Tx): Pick<Handlers, ProgrammeOps> => ({
  'programme.get': todo,
  'programme.setCertification': todo,
  'programme.createNext': todo,
  'programme.carried': todo,
  'programme.compare': todo,
  'recommendation.get': todo,
  'recommendation.decide': todo,
});
