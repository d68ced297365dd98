import type { OpName } from '#shared/api/ops';
import { DomainError } from '#shared/api/result';
import type { RepoContext } from '../repos/context';
import type { Handlers, Tx } from './types';

type BrandingOps = Extract<OpName, `branding.${string}`>;

const todo = (): never => {
  throw new DomainError('unsupported', 'Not built yet.');
};

export const brandingHandlers = (_ctx: RepoContext, _tx: Tx): Pick<Handlers, BrandingOps> => ({
  'branding.get': todo,
  'branding.update': todo,
  'branding.setImage': todo,
  'branding.removeImage': todo,
  'branding.image': todo,
});
