import { DomainError } from '#shared/api/result';
import type { TeamExportEstimate, TeamExportResult } from '#shared/domain/team';
import type { RepoContext } from '../repos/context';
import type { TeamExportOptions } from './types';

// eslint-disable-next-line @typescript-eslint/require-await -- stub until the export lands
export async function exportTeamPackage(
  _ctx: RepoContext,
  _input: TeamExportOptions,
): Promise<TeamExportResult & { file: string }> {
  throw new DomainError('unsupported', 'Team packages are not ready yet.');
}

export function estimateTeamPackage(_ctx: RepoContext, _input: TeamExportOptions): TeamExportEstimate {
  throw new DomainError('unsupported', 'Team packages are not ready yet.');
}
