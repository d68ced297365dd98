import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Until session 21, preview and import of a team package uploaded into an encrypted folder read a plaintext
 * copy in the system's temp folder (`fieldwork-packages-<hash of the data folder>-*`), removed with the upload.
 * Packages are now read sealed where they lie (crypto/sealed-reader.ts) and no copy is made; this sweep stays for
 * one release so the copies a crash of the earlier version left behind — a client's records and evidence in
 * plaintext, which Windows never clears from its temp folder — still go at the next start. Remove it after.
 */
const copiesPrefix = (dataDir: string) =>
  `fieldwork-packages-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}-`;

/** Start-up, when this process alone uses the data folder: an earlier version's leftover copies are removed. */
export function sweepPackageCopies(dataDir: string): void {
  const prefix = copiesPrefix(dataDir);
  let names: string[] = [];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}
