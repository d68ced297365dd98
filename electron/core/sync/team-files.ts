import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError } from '#shared/api/result';
import { exportsRoot } from '../export/jobs';
import type { RepoContext } from '../repos/context';
import type { FileKey } from '../crypto/file-cipher';
import { folderCipher } from '../crypto/file-cipher-folder';
import { sealFile } from '../crypto/file-cipher-io';
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
  /** Set when the file is sealed (an encrypted data folder): read through the cipher. */
  key?: FileKey | null;
}

class TeamFiles {
  private readonly files = new Map<string, TeamFile>();
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly key: FileKey | null = null,
  ) {
    this.dir = join(exportsRoot(dataDir), `team-${randomUUID()}`);
  }

  /** A fresh path for a package, and its id once written (register). */
  async reserve(): Promise<{ fileId: string; path: string }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const fileId = randomUUID();
    return { fileId, path: join(this.dir, `${fileId}.fwpkg`) };
  }

  /**
   * A written package kept for the app to save. In an encrypted folder one written here is sealed at once and its
   * plaintext removed (a package holds the audit's records and evidence); one written elsewhere (`--out`) is the
   * user's file and stays as it is.
   */
  async register(fileId: string, file: TeamFile): Promise<void> {
    if (this.key && dirname(file.path) === this.dir) {
      const sealed = `${file.path}.sealed`;
      try {
        await sealFile(file.path, sealed, this.key);
      } finally {
        await rm(file.path, { force: true });
      }
      this.files.set(fileId, { ...file, path: sealed, key: this.key });
      return;
    }
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
    f = new TeamFiles(ctx.dataDir, folderCipher(ctx)?.file ?? null);
    all.set(ctx, f);
  }
  return f;
}

/** Backend shutdown: running previews and imports are cancelled, this session's package files removed. */
export async function closeTeam(ctx: RepoContext): Promise<void> {
  await teamJobs(ctx).close();
  await teamFiles(ctx).close();
}
