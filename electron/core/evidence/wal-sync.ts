import { open } from 'node:fs/promises';
import { DomainError } from '#shared/api/result';
import type { Db } from '../db/open';

/** synchronous=FULL (2) and EXTRA (3): a commit is on disk when it returns. */
const FULL = 2;

/**
 * Runs `write` (one write transaction) so that its commit is as durable as
 * with synchronous=FULL, without the backend's thread waiting for the disk:
 * the transaction commits with synchronous=NORMAL (SQLite writes the log,
 * the -wal file, but does not fsync it), then the -wal file is fsynced on
 * the thread pool, and only then does this resolve. Callers answer nothing
 * as saved before that. Meanwhile other operations run; theirs commit with
 * FULL and so also flush what this one wrote.
 *
 * A crash or power loss before the fsync can lose the transaction, exactly
 * as it could before a FULL commit returned. A connection not in WAL mode, or
 * already below FULL, runs `write` as it is.
 */
export async function commitThenSync<T>(db: Db, write: () => T): Promise<T> {
  const level = db.pragma('synchronous', { simple: true }) as number;
  if (db.memory || level < FULL || db.pragma('journal_mode', { simple: true }) !== 'wal') return write();
  db.pragma('synchronous = NORMAL');
  let result: T;
  try {
    result = write();
  } finally {
    db.pragma(`synchronous = ${level}`);
  }
  await syncFile(`${db.name}-wal`);
  return result;
}

async function syncFile(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch (e) {
    // No log: the connection closed meanwhile, and closing checkpointed the log into the database and synced it.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw unsynced(e);
  }
  try {
    await handle.sync();
  } catch (e) {
    throw unsynced(e);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The rows are in the database, but the disk would not confirm them: a restart after a power loss may lack them. */
const unsynced = (e: unknown) =>
  new DomainError(
    'storage',
    `The disk reported an error while saving the attachments (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}). ` +
      'They may be missing if the computer stops now; check the disk, then look for them and add any missing again.',
  );
