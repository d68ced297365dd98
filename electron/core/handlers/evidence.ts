import { readFile } from 'node:fs/promises';
import type { OpName } from '#shared/api/ops';
import { DomainError } from '#shared/api/result';
import { evidenceService } from '../evidence/service';
import { readChunk } from '../files/read-chunk';
import type { RepoContext } from '../repos/context';
import {
  deleteEvidence,
  evidenceFile,
  getEvidence,
  linkEvidence,
  listEvidence,
  unlinkEvidence,
  updateEvidence,
} from '../repos/evidence';
import type { Handlers, Tx } from './types';

type EvidenceOps = Extract<OpName, `evidence.${string}`>;

const missingFile = () =>
  new DomainError('storage', "The attachment's file is missing or damaged in the evidence store; it cannot be shown.");

export function evidenceHandlers(ctx: RepoContext, tx: Tx): Pick<Handlers, EvidenceOps> {
  const evidence = evidenceService(ctx);
  const { uploads, store } = evidence;
  return {
    // Uploads do their file work outside any transaction; commit writes the row in one (service.ts).
    'evidence.uploadBegin': (input) => uploads.begin(input),
    'evidence.uploadChunk': (input) => uploads.chunk(input),
    'evidence.uploadCommit': (input) => uploads.commit(input),
    'evidence.uploadAbort': (input) => uploads.abort(input),
    'evidence.list': tx(({ auditId, target }) => listEvidence(ctx, auditId, target)),
    'evidence.get': tx(({ id }) => getEvidence(ctx, id)),
    'evidence.update': tx(({ id, description }) => updateEvidence(ctx, id, description)),
    'evidence.link': tx(({ id, target, by }) => linkEvidence(ctx, id, target, by)),
    'evidence.unlink': tx(({ id, target, by }) => ({ evidence: unlinkEvidence(ctx, id, target, by) })),
    'evidence.delete': tx(({ id }) => {
      deleteEvidence(ctx, id);
      return { id };
    }),
    'evidence.read': async ({ id, offset, length }) => {
      const file = tx(() => evidenceFile(ctx, id))(undefined);
      if (offset > file.size) {
        throw new DomainError('invalid_input', `The read starts past the end of the file (${file.size} bytes).`);
      }
      const bytes = await readChunk(store.blobPath(file.sha256), offset, Math.min(length, file.size - offset));
      if (!bytes) throw missingFile();
      if (offset + bytes.length < Math.min(offset + length, file.size)) throw missingFile();
      return { dataBase64: bytes.toString('base64'), size: file.size, eof: offset + bytes.length >= file.size };
    },
    'evidence.thumbnail': async ({ id }) => {
      const file = tx(() => evidenceFile(ctx, id))(undefined);
      if (!file.hasThumbnail) return null;
      try {
        const jpeg = await readFile(store.thumbPath(file.sha256));
        return { mediaType: 'image/jpeg', dataBase64: jpeg.toString('base64') };
      } catch {
        // A lost preview is not worth an error: the attachment shows its icon instead.
        return null;
      }
    },
    // The desktop app's main process answers this itself (electron/main/open-evidence.ts).
    'evidence.openExternal': tx(({ id }) => {
      getEvidence(ctx, id);
      throw new DomainError(
        'unsupported',
        'Opening files with another app is only available in the desktop app; download the file instead.',
      );
    }),
    // Likewise (electron/main/open-evidence.ts): the preview has no file manager to show.
    'evidence.showInFolder': tx(({ id }) => {
      getEvidence(ctx, id);
      throw new DomainError(
        'unsupported',
        'Showing files in their folder is only available in the desktop app; download the file instead.',
      );
    }),
  };
}
