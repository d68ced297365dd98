import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '#shared/api/result';
import { exportsRoot } from '../export/jobs';
import type { RepoContext } from '../repos/context';
import type { FileKey } from '../crypto/file-cipher';
import { teamJobs } from './team-jobs';

/**
 * Team packages written for the app to save: a folder of this process's own
 * under the data folder's exports (removed with the rest of exports/ at the
 * next start-up that holds the folder alone), read back in chunks by file id.
 */
export interface TeamFile {
  path: string;
  size: number;
  fileName: string;
  /** Set when the file is sealed (an encrypted data folder): read through the cipher. `size` is the plaintext's. */
  key?: FileKey | null;
}

class TeamFiles {
  private readonly files = new Map<string, TeamFile>();
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(exportsRoot(dataDir), `team-${randomUUID()}`);
  }

  /** A fresh path for a package, and its id once written (register). */
  async reserve(): Promise<{ fileId: string; path: string }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const fileId = randomUUID();
    return { fileId, path: join(this.dir, `${fileId}.fwpkg`) };
  }

  /** A written package kept for the app to save (sealed from its first byte in an encrypted folder: `key`). */
  register(fileId: string, file: TeamFile): void {
    this.files.set(fileId, file);
  }

  /** Backend shutdown: this session's package files go (like export files). */
  async close(): Promise<void> {
    this.files.clear();
    await rm(this.dir, { recursive: true, force: true });
  }

  get(fileId: string): TeamFile {
    const f = this.files.get(fileId);
    if (!f) throw new DomainError('not_found', 'That package file does not exist (the app may have been restarted).');
    return f;
  }
}

const all = new WeakMap<RepoContext, TeamFiles>();

export function teamFiles(ctx: RepoContext): TeamFiles {
  let f = all.get(ctx);
  if (!f) {
    f = new TeamFiles(ctx.dataDir);
    all.set(ctx, f);
  }
  return f;
}

/** Backend shutdown: running previews and imports are cancelled, this session's package files removed. */
export async function closeTeam(ctx: RepoContext): Promise<void> {
  await teamJobs(ctx).close();
  await teamFiles(ctx).close();
}
