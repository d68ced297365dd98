import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '#shared/api/result';
import { fsyncDirSync } from './key-file';

/**
 * A plain data folder's secret for the draft journal's key. A plain folder has no data key, yet the drafts the
 * browser keeps (IndexedDB, in its profile, which may be copied or synced apart from the data folder) should not
 * read as text there either: they are sealed under a key derived from this random secret, kept beside the
 * database it guards no worse than the database itself (both plain). An encrypted folder derives the key from its
 * data key instead and never reads this file; one left from before the folder was encrypted only opens drafts
 * typed before then. Not in backups: drafts belong to the browser that typed them, not to the folder's history.
 */
export const DRAFT_SECRET_FILE = 'drafts.secret';
const SECRET_BYTES = 32;

/** The folder's drafts secret, made once (written whole to a temp file, then linked in: never half-written). */
export function plainDraftSecret(dataDir: string): Buffer {
  const file = join(dataDir, DRAFT_SECRET_FILE);
  const found = readSecret(file);
  if (found) return found;
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, randomBytes(SECRET_BYTES));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      // link, not rename: two windows asking at once keep the first secret, never replace it.
      linkSync(tmp, file);
      fsyncDirSync(dataDir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
  const made = readSecret(file);
  if (!made) throw damagedSecret();
  return made;
}

function readSecret(file: string): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (bytes.length !== SECRET_BYTES) throw damagedSecret();
  return bytes;
}

const damagedSecret = () =>
  new DomainError(
    'storage',
    `The file ${DRAFT_SECRET_FILE} in the data folder is damaged. Delete it and reload: text typed but not yet ` +
      'saved in this browser is then lost; everything saved is unaffected.',
  );
