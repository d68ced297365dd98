import { readFile } from 'node:fs/promises';
import type { OpName } from '#shared/api/ops';
import { DomainError } from '#shared/api/result';
import { pathImports } from '../evidence/import-paths';
import { evidenceService } from '../evidence/service';
import { readChunkOp } from '../bytes/read';
import { readSealedFile } from '../crypto/file-cipher-io';
import { sourceFile } from '../bytes/sources';
import type { RepoContext } from '../repos/context';
import { evidencePage } from '../repos/evidence-page';
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

export function evidenceHandlers(ctx: RepoContext, tx: Tx): Pick<Handlers, EvidenceOps> {
  const evidence = evidenceService(ctx);
  const { uploads, store } = evidence;
  return {
    // Uploads do their file work outside any transaction; commit writes the row in one (service.ts).
    'evidence.uploadBegin': (input) => uploads.begin(input),
    'evidence.uploadChunk': (input) => uploads.chunk(input),
    'evidence.uploadCommit': (input) => uploads.commit(input),
    'evidence.uploadAbort': (input) => uploads.abort(input),
    'evidence.uploadBeginMany': (input) => uploads.beginMany(input),
    'evidence.uploadCommitMany': (input) => uploads.commitMany(input),
    // Sent only by the desktop app's main process (MAIN_ONLY_OPS): files read from disk outside any transaction.
    'evidence.importPaths': (input) => pathImports(ctx).run(input),
    'evidence.importStatus': ({ importId }) => pathImports(ctx).status(importId),
    'evidence.importCancel': ({ importId }) => pathImports(ctx).cancel(importId),
    'evidence.list': tx(({ auditId, target }) => listEvidence(ctx, auditId, target)),
    'evidence.page': tx((q) => evidencePage(ctx, q)),
    'evidence.get': tx(({ id }) => getEvidence(ctx, id)),
    'evidence.update': tx(({ id, description }) => updateEvidence(ctx, id, description)),
    'evidence.link': tx(({ id, target, by }) => linkEvidence(ctx, id, target, by)),
    'evidence.unlink': tx(({ id, target, by }) => ({ evidence: unlinkEvidence(ctx, id, target, by) })),
    'evidence.delete': tx(({ id }) => {
      deleteEvidence(ctx, id);
      return { id };
    }),
    'evidence.read': ({ id, offset, length }) =>
      readChunkOp(sourceFile(ctx, tx, { kind: 'evidence', id }), offset, length),
    'evidence.thumbnail': async ({ id }) => {
      const file = tx(() => evidenceFile(ctx, id))(undefined);
      if (!file.hasThumbnail) return null;
      try {
        const path = store.thumbPath(file.sha256);
        const jpeg = store.cipher ? await readSealedFile(path, store.cipher.file) : await readFile(path);
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
