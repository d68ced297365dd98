import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A cheap witness of every commit: each committed transaction appends frames
 * to the WAL, or restarts it after a checkpoint with new salts in its header,
 * so an unchanged WAL (size and header) and main file mean nothing committed.
 * When it changed, the caller compares full digests.
 */
export function walWitness(dataDir: string): string {
  const wal = join(dataDir, 'fieldwork.sqlite-wal');
  const header = Buffer.alloc(32);
  if (existsSync(wal)) {
    const fd = openSync(wal, 'r');
    try {
      readSync(fd, header, 0, 32, 0);
    } finally {
      closeSync(fd);
    }
  }
  const size = existsSync(wal) ? statSync(wal).size : -1;
  return `${size}:${statSync(join(dataDir, 'fieldwork.sqlite')).size}:${header.toString('hex')}`;
}
