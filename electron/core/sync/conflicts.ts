import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import type { ConflictView } from '#shared/domain/team';
import type { RepoContext } from '../repos/context';

export function listConflicts(
  _ctx: RepoContext,
  _auditId: string,
  _page: { offset: number; limit: number },
): { total: number; items: ConflictView[] } {
  throw new DomainError('unsupported', 'Conflicts are not ready yet.');
}

export function resolveTeamConflict(_ctx: RepoContext, _input: OpParsed<'conflicts.resolve'>): { remaining: number } {
  throw new DomainError('unsupported', 'Conflicts are not ready yet.');
}
