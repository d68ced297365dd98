import { DomainError } from '#shared/api/result';
import type { ImportPreview } from '#shared/domain/team';
import type { RepoContext } from '../repos/context';
import type { ImportOptions } from './types';

// eslint-disable-next-line @typescript-eslint/require-await -- stub until the import lands
export async function importTeamPackage(
  _ctx: RepoContext,
  _file: string,
  _opts: ImportOptions,
): Promise<ImportPreview> {
  throw new DomainError('unsupported', 'Team packages are not ready yet.');
}
