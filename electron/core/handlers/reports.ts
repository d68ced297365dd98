import type { OpName } from '#shared/api/ops';
import { DomainError } from '#shared/api/result';
import type { RepoContext } from '../repos/context';
import type { Handlers, Tx } from './types';

type ReportOps = Extract<OpName, `reports.${string}` | `exports.${string}`>;

const todo = (): never => {
  throw new DomainError('unsupported', 'Not built yet.');
};

export const reportHandlers = (_ctx: RepoContext, _tx: Tx): Pick<Handlers, ReportOps> => ({
  'reports.get': todo,
  'reports.saveDetails': todo,
  'reports.readIssue': todo,
  'reports.verify': todo,
  'exports.start': todo,
  'exports.status': todo,
  'exports.cancel': todo,
  'exports.read': todo,
});
