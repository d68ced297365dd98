import type { OpName } from '#shared/api/ops';
import { DomainError } from '#shared/api/result';
import type { RepoContext } from '../repos/context';
import type { Handlers, Tx } from './types';

type SigningOps = Extract<OpName, `signing.${string}`>;

const todo = (): never => {
  throw new DomainError('unsupported', 'Not built yet.');
};

export const signingHandlers = (_ctx: RepoContext, _tx: Tx): Pick<Handlers, SigningOps> => ({
  'signing.list': todo,
  'signing.create': todo,
  'signing.importPkcs12': todo,
  'signing.delete': todo,
  'signing.certificate': todo,
  'signing.keyWrap': todo,
});
