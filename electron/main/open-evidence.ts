import { randomUUID } from 'node:crypto';
import { chmod, copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { OpName } from '#shared/api/ops';
import { fail, ok, type Result } from '#shared/api/result';
import { Evidence } from '#shared/domain/evidence';

export interface OpenEvidenceDeps {
  /** The backend's API, to look the attachment up (it validates the id). */
  call(op: OpName, input: unknown): Promise<Result<unknown>>;
  /** Where the evidence store keeps the file with this digest. */
  blobPath(sha256: string): string;
  /** A folder of this app's own, emptied at quit (the copies handed to other apps go there). */
  tempRoot: string;
  /** shell.openPath: resolves to '' on success or an error text. */
  openPath(file: string): Promise<string>;
}

/**
 * `evidence.openExternal` for the desktop app. Files in the store have no
 * name or extension, so the OS could not pick an app for them: a read-only
 * copy under the attachment's (already sanitised) name is opened instead. The
 * copy also means an editor can never change the stored evidence.
 */
export function createOpenEvidence(deps: OpenEvidenceDeps) {
  return async (input: unknown): Promise<Result<Record<string, never>>> => {
    const found = await deps.call('evidence.get', input);
    if (!found.ok) return found;
    const evidence = Evidence.parse(found.value);
    // basename again: never trust a name to stay inside our folder.
    const name = path.basename(evidence.originalName) || 'attachment';
    const dir = path.join(deps.tempRoot, randomUUID());
    const copy = path.join(dir, name);
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await copyFile(deps.blobPath(evidence.sha256), copy);
      await chmod(copy, 0o400);
    } catch {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      return fail('storage', 'The attachment could not be prepared for opening: its file is missing or unreadable.');
    }
    const error = await deps.openPath(copy);
    if (error !== '') return fail('unavailable', 'No app on this computer could open this file. Download it instead.');
    return ok({});
  };
}
