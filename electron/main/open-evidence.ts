import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpName } from '#shared/api/ops';
import { fail, ok, type Result } from '#shared/api/result';
import { Download } from '#shared/domain/bytes';
import { Evidence } from '#shared/domain/evidence';
import { openPolicy } from '#shared/rules/open-policy';
import { RELAY_PIECE_BYTES, type SendBytes } from './byte-relay';

export interface OpenEvidenceDeps {
  /** The backend's API, to look the attachment up (it validates the id) and offer its bytes. */
  call(op: OpName, input: unknown): Promise<Result<unknown>>;
  /** The backend's byte channel (backend-client's `bytes`), to read them. */
  bytes: SendBytes;
  /** A folder of this app's own, emptied at quit (the copies handed to other apps go there). */
  tempRoot: string;
  /** shell.openPath: resolves to '' on success or an error text. */
  openPath(file: string): Promise<string>;
  /** shell.showItemInFolder. */
  showItemInFolder(file: string): void;
  /** process.platform; decides whether the copy gets the Mark of the Web. */
  platform?: NodeJS.Platform;
}

/** "Downloaded from the internet": Windows and Office then open the copy in Protected View, SmartScreen checks it. */
const MARK_OF_THE_WEB = '[ZoneTransfer]\r\nZoneId=3\r\n';

/**
 * `evidence.openExternal` and `evidence.showInFolder` for the desktop app.
 * Files in the store have no name or extension, so a read-only copy in a
 * folder of its own is handed out instead; an editor can never change the
 * stored evidence. A client's file is untrusted: only documents and media
 * (shared/rules/open-policy.ts) are opened, under the extension of their
 * sniffed type; anything else is only shown in its folder, after the
 * renderer's warning. The copy has no execute bit (POSIX) and, on Windows,
 * carries the Mark of the Web.
 */
export function createOpenEvidence(deps: OpenEvidenceDeps) {
  const platform = deps.platform ?? process.platform;

  const lookup = async (input: unknown): Promise<Result<Evidence>> => {
    const found = await deps.call('evidence.get', input);
    return found.ok ? ok(Evidence.parse(found.value)) : found;
  };

  /** The stored bytes through the byte channel, as any front end reads them: main never reaches into the store. */
  const writeCopy = async (id: string, copy: string): Promise<void> => {
    const offered = await deps.call('bytes.download', { kind: 'evidence', id });
    if (!offered.ok) throw new Error(offered.error.code);
    const { downloadId, size } = Download.parse(offered.value);
    const file = await open(copy, 'wx', 0o600);
    try {
      for (let offset = 0; offset < size;) {
        const read = await deps.bytes({ bytes: 'read', downloadId, offset, length: RELAY_PIECE_BYTES });
        if (!read.ok) throw new Error(read.error.code);
        const { data } = read.value as { data: Uint8Array };
        if (!(data instanceof Uint8Array) || data.length === 0) throw new Error('no progress');
        await file.write(data);
        offset += data.length;
      }
    } finally {
      await file.close();
    }
  };

  const copyOut = async (evidence: Evidence, copyName: string): Promise<Result<string>> => {
    const dir = path.join(deps.tempRoot, randomUUID());
    // basename again: never trust a name to stay inside our folder.
    const copy = path.join(dir, path.basename(copyName) || 'attachment');
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeCopy(evidence.id, copy);
      // The stream is written before the copy becomes read-only.
      if (platform === 'win32') await writeFile(`${copy}:Zone.Identifier`, MARK_OF_THE_WEB);
      await chmod(copy, 0o400);
    } catch {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      return fail('storage', 'The attachment could not be prepared: its file is missing or unreadable.');
    }
    return ok(copy);
  };

  return {
    async openExternal(input: unknown): Promise<Result<Record<string, never>>> {
      const evidence = await lookup(input);
      if (!evidence.ok) return evidence;
      // The renderer offers Open only for these; a refused file is never copied out for opening.
      const decision = openPolicy(evidence.value.originalName, evidence.value.mediaType);
      if (decision.action !== 'open') {
        return fail(
          'forbidden',
          'Fieldwork does not open this kind of file with another app, as it could run a program. Use Show in folder.',
        );
      }
      const copy = await copyOut(evidence.value, decision.copyName);
      if (!copy.ok) return copy;
      const error = await deps.openPath(copy.value);
      if (error !== '')
        return fail('unavailable', 'No app on this computer could open this file. Download it instead.');
      return ok({});
    },
    async showInFolder(input: unknown): Promise<Result<Record<string, never>>> {
      const evidence = await lookup(input);
      if (!evidence.ok) return evidence;
      const decision = openPolicy(evidence.value.originalName, evidence.value.mediaType);
      const copy = await copyOut(evidence.value, decision.copyName);
      if (!copy.ok) return copy;
      deps.showItemInFolder(copy.value);
      return ok({});
    },
  };
}
