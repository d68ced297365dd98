import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '#shared/api/result';
import type { Db } from '../db/open';
import { backupsDir } from './paths';
import { backupStorageError } from './storage';

/** `.pre-migration-<ms since 1970>.sqlite`: a copy of the database taken just before a migration, not yet packed. */
const STAGED = /^\.pre-migration-(\d{13})\.sqlite$/;

/**
 * Before pending migrations run on an existing database: a consistent copy
 * of it (VACUUM INTO, synchronous like the opening itself) in backups/. The
 * backup service packs it with the evidence into an ordinary backup once the
 * backend runs (finishStagedBackups). If the copy cannot be made, the
 * database is not migrated: the error says why and nothing was changed.
 */
export function stageBeforeMigration(db: Db, dataDir: string, now = Date.now()): void {
  const dir = backupsDir(dataDir);
  const file = join(dir, `.pre-migration-${now}.sqlite`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    rmSync(file, { force: true });
    db.prepare('VACUUM INTO ?').run(file);
    // VACUUM INTO does not sync its output; the migration that follows does sync its own commit.
    const fd = openSync(file, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    rmSync(file, { force: true });
    const err = backupStorageError(e, 'Fieldwork could not back up the database before upgrading it');
    if (err instanceof DomainError) throw err;
    throw e;
  }
}

/** Copies taken before a migration that are still to be packed, oldest first, with when they were taken. */
export function stagedBackups(dataDir: string): { file: string; at: Date }[] {
  let names: string[];
  try {
    names = readdirSync(backupsDir(dataDir));
  } catch {
    return [];
  }
  return names
    .map((n) => ({ n, m: STAGED.exec(n) }))
    .filter((x) => x.m)
    .sort((a, b) => a.n.localeCompare(b.n))
    .map(({ n, m }) => ({ file: join(backupsDir(dataDir), n), at: new Date(Number(m![1])) }));
}
