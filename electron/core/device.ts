import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { v7 } from 'uuid';

const DEVICE_FILE = 'device-id';
const VALID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The id of this installation, generated once and kept beside the database.
 * Every row records it, so a later merge knows which laptop changed what.
 * Written to a temporary file, fsynced and renamed, so it is never half-written.
 */
export function loadDeviceId(dataDir: string): string {
  const file = join(dataDir, DEVICE_FILE);
  try {
    const found = readFileSync(file, 'utf8').trim();
    if (VALID.test(found)) return found;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const id = v7();
  const tmp = `${file}.${randomUUID()}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, `${id}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return id;
}
