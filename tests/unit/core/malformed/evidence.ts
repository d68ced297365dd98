import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '#core/backend';
import { newId } from '#core/ids';
import type { OpName } from '#shared/api/ops';
import { sampleAudit, value } from '../../../helpers/backend';
import type { Case, MalformedExtension } from './types';

const FILE = Buffer.from('Signed meeting minutes, 2026-03-02');
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

/** Uploads FILE as an attachment of `auditId` linked to `itemId`. */
async function attach(backend: Backend, auditId: string, itemId: string): Promise<string> {
  const { uploadId } = value(
    await backend.call('evidence.uploadBegin', { auditId, name: 'minutes.txt', size: FILE.length }),
  );
  value(await backend.call('evidence.uploadChunk', { uploadId, offset: 0, dataBase64: b64(FILE) }));
  const links = [{ type: 'checklist_item' as const, id: itemId }];
  return value(await backend.call('evidence.uploadCommit', { uploadId, links })).evidence.id;
}

/**
 * Evidence attachments. The seed leaves an attachment on w.plannedId, one on a
 * closed audit of its own (added before closing, as in real life), an upload
 * with all its bytes ready to commit, and an empty one ready for chunks.
 * Bad cases keep both uploads usable: commit checks its input before it
 * consumes an upload, and a refused chunk writes nothing.
 */
export const evidenceCases: MalformedExtension = {
  async seed(backend, w) {
    const evidenceId = await attach(backend, w.plannedId, w.itemId);
    const closed = value(await backend.call('audits.create', sampleAudit(w.clientId)));
    const closedItem = value(await backend.call('checklist.get', { auditId: closed.id })).items[0]!;
    const closedEvidenceId = await attach(backend, closed.id, closedItem.id);
    for (const status of ['in_progress', 'reporting', 'closed'] as const) {
      value(await backend.call('audits.setStatus', { id: closed.id, status, reason: 'Closed for the test' }));
    }
    // A file on disk for evidence.importPaths (the desktop's import by path) to read.
    const importFile = join(mkdtempSync(join(tmpdir(), 'fieldwork-malformed-import-')), 'visitor-log.txt');
    writeFileSync(importFile, 'Visitor log, 2026-03-02');
    return {
      evidenceId,
      closedEvidenceId,
      importFile,
      closedEvidenceItemId: closedItem.id,
      ...(await evidenceCases.sessions!(backend, w)),
    };
  },

  async sessions(backend, w) {
    // The previous ones go first: the host allows only a few uploads at a time.
    for (const uploadId of [w.x.readyUploadId, w.x.pendingUploadId])
      if (uploadId) await backend.call('evidence.uploadAbort', { uploadId });
    const ready = value(await backend.call('evidence.uploadBegin', { auditId: w.plannedId, name: 'b.txt', size: 4 }));
    value(await backend.call('evidence.uploadChunk', { uploadId: ready.uploadId, offset: 0, dataBase64: b64('1234') }));
    const pending = value(await backend.call('evidence.uploadBegin', { auditId: w.plannedId, name: 'c.txt', size: 8 }));
    return { readyUploadId: ready.uploadId, pendingUploadId: pending.uploadId };
  },

  valid: (w) => ({
    'evidence.uploadBegin': { auditId: w.plannedId, name: 'photo.jpg', size: 10, mediaType: 'image/jpeg' },
    'evidence.uploadChunk': { uploadId: w.x.pendingUploadId, offset: 0, dataBase64: b64('12345678') },
    'evidence.uploadCommit': {
      uploadId: w.x.readyUploadId,
      links: [{ type: 'audit', id: w.plannedId }],
      description: 'Badge log',
      addedBy: 'Lena Lead',
    },
    'evidence.uploadAbort': { uploadId: w.x.pendingUploadId },
    'evidence.uploadBeginMany': {
      auditId: w.plannedId,
      files: [
        { name: 'photo.jpg', size: 10, mediaType: 'image/jpeg' },
        { name: 'notes.txt', size: 3 },
      ],
    },
    'evidence.uploadCommitMany': {
      uploads: [{ uploadId: w.x.readyUploadId, links: [{ type: 'audit', id: w.plannedId }], addedBy: 'Lena Lead' }],
    },
    'evidence.importPaths': {
      importId: 'import-1',
      auditId: w.plannedId,
      paths: [w.x.importFile],
      links: [{ type: 'checklist_item', id: w.itemId }],
      addedBy: 'Lena Lead',
    },
    'evidence.importStatus': { importId: 'import-1' },
    'evidence.importCancel': { importId: 'import-1' },
    'evidence.list': { auditId: w.plannedId, target: { type: 'checklist_item', id: w.itemId } },
    'evidence.page': { auditId: w.plannedId, search: 'minutes', kind: 'other', linked: 'checklist_item', limit: 10 },
    'evidence.get': { id: w.x.evidenceId },
    'evidence.update': { id: w.x.evidenceId, description: 'Minutes of the management review' },
    'evidence.link': { id: w.x.evidenceId, target: { type: 'audit', id: w.plannedId } },
    'evidence.unlink': { id: w.x.evidenceId, target: { type: 'checklist_item', id: w.itemId } },
    'evidence.delete': { id: w.x.evidenceId },
    'evidence.read': { id: w.x.evidenceId, offset: 0, length: 4 },
    'evidence.thumbnail': { id: w.x.evidenceId },
    'evidence.openExternal': { id: w.x.evidenceId },
    'evidence.showInFolder': { id: w.x.evidenceId },
  }),

  // Only the desktop app's main process opens files with other apps; the core answers this by design.
  validAnswers: { 'evidence.openExternal': 'unsupported', 'evidence.showInFolder': 'unsupported' },

  cases: (w, huge) => {
    const unknown = newId();
    const id = w.x.evidenceId!;
    const closedId = w.x.closedEvidenceId!;
    const item = { type: 'checklist_item', id: w.itemId };
    const commit = (links: unknown[], uploadId = w.x.readyUploadId) => ({ uploadId, links });
    const chunk = (offset: number, data: string) => ({ uploadId: w.x.pendingUploadId, offset, dataBase64: data });
    const notFound = (input: unknown): Case => ['an unknown id', input, 'not_found'];
    const importing = (over: Record<string, unknown>) => ({
      importId: 'import-2',
      auditId: w.plannedId,
      paths: [w.x.importFile],
      links: [{ type: 'audit', id: w.plannedId }],
      ...over,
    });
    const cases: Partial<Record<OpName, Case[]>> = {
      'evidence.uploadBegin': [
        ['an unknown audit', { auditId: unknown, name: 'a', size: 1 }, 'not_found'],
        ['a closed audit', { auditId: w.closedId, name: 'a', size: 1 }, 'conflict'],
        ['an empty file', { auditId: w.plannedId, name: 'a', size: 0 }],
        ['a negative size', { auditId: w.plannedId, name: 'a', size: -1 }],
        ['a fractional size', { auditId: w.plannedId, name: 'a', size: 1.5 }],
        ['more than 64 GiB', { auditId: w.plannedId, name: 'a', size: 64 * 1024 ** 3 + 1 }],
        ['a 4097-character name', { auditId: w.plannedId, name: 'n'.repeat(4097), size: 1 }],
      ],
      'evidence.uploadChunk': [
        ['an unknown upload', { ...chunk(0, 'AAAA'), uploadId: 'no-such-upload' }, 'not_found'],
        ['a chunk out of order', chunk(4, 'AAAA')],
        ['more bytes than announced', chunk(0, b64('123456789'))],
        ['junk base64', chunk(0, '%%%%')],
        ['base64 of impossible length', chunk(0, 'QUJ')],
        ['a chunk over 4 MiB', chunk(0, 'A'.repeat(Math.ceil((4 * 1024 * 1024) / 3) * 4 + 4))],
        ['a negative offset', chunk(-1, 'AAAA')],
      ],
      'evidence.uploadCommit': [
        ['an unknown upload', commit([item], 'no-such-upload'), 'not_found'],
        ['an incomplete upload', commit([item], w.x.pendingUploadId)],
        ['no links', commit([])],
        ['101 links', commit(Array.from({ length: 101 }, () => item))],
        ['a link to an unknown finding', commit([{ type: 'finding', id: unknown }]), 'not_found'],
        ["another audit's item", commit([{ type: 'checklist_item', id: w.closedItemId }])],
        ['another audit', commit([{ type: 'audit', id: w.closedId }])],
        ['an unknown observation', commit([{ type: 'observation', id: unknown }]), 'not_found'],
        ['an unknown target type', commit([{ type: 'report', id: unknown }])],
        ['a 5001-character description', { ...commit([item]), description: 'd'.repeat(5001) }],
      ],
      // A whole group is refused for its audit or its shape; each file's own refusals are answered in its place.
      'evidence.uploadBeginMany': [
        ['an unknown audit', { auditId: unknown, files: [{ name: 'a', size: 1 }] }, 'not_found'],
        ['a closed audit', { auditId: w.closedId, files: [{ name: 'a', size: 1 }] }, 'conflict'],
        ['no files', { auditId: w.plannedId, files: [] }],
        ['65 files', { auditId: w.plannedId, files: Array.from({ length: 65 }, () => ({ name: 'a', size: 1 })) }],
        ['a negative size', { auditId: w.plannedId, files: [{ name: 'a', size: -1 }] }],
        ['more than 64 GiB', { auditId: w.plannedId, files: [{ name: 'a', size: 64 * 1024 ** 3 + 1 }] }],
        ['a 4097-character name', { auditId: w.plannedId, files: [{ name: 'n'.repeat(4097), size: 1 }] }],
        [
          'a file with an audit of its own',
          { auditId: w.plannedId, files: [{ auditId: w.plannedId, name: 'a', size: 1 }] },
        ],
      ],
      'evidence.uploadCommitMany': [
        ['no uploads', { uploads: [] }],
        ['65 uploads', { uploads: Array.from({ length: 65 }, () => commit([item])) }],
        ['an upload without links', { uploads: [commit([])] }],
        ['an unknown target type', { uploads: [commit([{ type: 'report', id: unknown }])] }],
        ['a 5001-character description', { uploads: [{ ...commit([item]), description: 'd'.repeat(5001) }] }],
        ['a bare upload id', { uploads: [w.x.readyUploadId] }],
      ],
      'evidence.uploadAbort': [
        ['an unknown upload', { uploadId: 'no-such-upload' }, 'not_found'],
        ['an empty upload id', { uploadId: '' }],
      ],
      // Refused as a whole for its audit, links or shape; each file's own refusal is answered in its place.
      'evidence.importPaths': [
        ['an unknown audit', importing({ auditId: unknown }), 'not_found'],
        ['a closed audit', importing({ auditId: w.closedId, links: [{ type: 'audit', id: w.closedId }] }), 'conflict'],
        ["another audit's item", importing({ links: [{ type: 'checklist_item', id: w.closedItemId }] })],
        ['no links', importing({ links: [] })],
        ['an unknown target type', importing({ links: [{ type: 'report', id: unknown }] })],
        ['no paths', importing({ paths: [] })],
        ['1001 paths', importing({ paths: Array.from({ length: 1001 }, () => w.x.importFile) })],
        ['an empty path', importing({ paths: [''] })],
        ['a 4097-character path', importing({ paths: ['/' + 'p'.repeat(4096)] })],
        ['a path that is not a string', importing({ paths: [{ path: w.x.importFile }] })],
        ['an empty import id', importing({ importId: '' })],
      ],
      'evidence.importStatus': [
        ['an empty import id', { importId: '' }],
        ['a 101-character import id', { importId: 'i'.repeat(101) }],
      ],
      'evidence.importCancel': [
        ['an empty import id', { importId: '' }],
        ['no import id', {}],
      ],
      'evidence.list': [
        ['an unknown audit', { auditId: unknown }, 'not_found'],
        ['an unknown target type', { auditId: w.plannedId, target: { type: 'report', id: w.itemId } }],
        ['a target without id', { auditId: w.plannedId, target: { type: 'audit' } }],
      ],
      'evidence.page': [
        ['an unknown audit', { auditId: unknown }, 'not_found'],
        ['an unknown kind', { auditId: w.plannedId, kind: 'video' }],
        ['an unknown link filter', { auditId: w.plannedId, linked: 'finding' }],
        ['a list position it did not give', { auditId: w.plannedId, after: '[1,2]' }],
        ['a list position that is not JSON', { auditId: w.plannedId, after: 'page 2' }],
        ['a page of 0', { auditId: w.plannedId, limit: 0 }],
        ['a page of 201', { auditId: w.plannedId, limit: 201 }],
        ['a 201-character search', { auditId: w.plannedId, search: 's'.repeat(201) }],
      ],
      'evidence.get': [notFound({ id: unknown })],
      'evidence.update': [
        notFound({ id: unknown, description: 'x' }),
        ['a closed audit', { id: closedId, description: 'late' }, 'conflict'],
        ['a 5001-character description', { id, description: 'd'.repeat(5001) }],
        ['no description', { id }],
      ],
      'evidence.link': [
        notFound({ id: unknown, target: item }),
        ['a closed audit', { id: closedId, target: { type: 'audit', id: w.closedId } }, 'conflict'],
        ['an unknown finding', { id, target: { type: 'finding', id: unknown } }, 'not_found'],
        ["another audit's item", { id, target: { type: 'checklist_item', id: w.closedItemId } }],
        ['an unknown item', { id, target: { type: 'checklist_item', id: unknown } }, 'not_found'],
        ['an unknown interview', { id, target: { type: 'interview', id: unknown } }, 'not_found'],
      ],
      'evidence.unlink': [
        notFound({ id: unknown, target: item }),
        ['a target it is not linked to', { id, target: { type: 'audit', id: w.closedId } }, 'not_found'],
        [
          'a closed audit',
          { id: closedId, target: { type: 'checklist_item', id: w.x.closedEvidenceItemId } },
          'conflict',
        ],
      ],
      'evidence.delete': [notFound({ id: unknown }), ['a closed audit', { id: closedId }, 'conflict']],
      'evidence.read': [
        notFound({ id: unknown, offset: 0, length: 1 }),
        ['an offset past the end', { id, offset: FILE.length + 1, length: 1 }],
        ['a zero length', { id, offset: 0, length: 0 }],
        ['a length over 4 MiB', { id, offset: 0, length: 4 * 1024 * 1024 + 1 }],
        ['a negative offset', { id, offset: -1, length: 1 }],
        ['a 10 MB length', { id, offset: 0, length: huge }],
      ],
      'evidence.thumbnail': [notFound({ id: unknown })],
      'evidence.openExternal': [notFound({ id: unknown })],
      'evidence.showInFolder': [notFound({ id: unknown })],
    };
    return cases;
  },
};
