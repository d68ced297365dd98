import type { OpParsed } from '#shared/api/contract';
import type { DocumentReviewed } from '#shared/domain/records';
import { requireAudit, requireEditableAudit } from '../checklist';
import { stamp, type RepoContext } from '../context';
import { requireNotCitedByIssued } from '../findings/checks';
import { linksOf, replaceLinks, requireLinksOfAudit, type LinkTable } from './links';
import { insertRecord, patchRecord, recordRow, recordRows, type Columns, type RecordRowBase } from './rows';

type DocumentData = OpParsed<'documents.create'>['document'];
type DocumentPatch = OpParsed<'documents.update'>['patch'];

interface DocumentRow extends RecordRowBase {
  title: string;
  identifier: string;
  revision: string;
  document_date: string | null;
  owner: string;
  notes: string;
}

const ITEMS: LinkTable = { table: 'document_items', owner: 'document_id', target: 'item_id' };

const columns = (d: DocumentPatch): Columns => ({
  title: d.title,
  identifier: d.identifier,
  revision: d.revision,
  document_date: d.documentDate,
  owner: d.owner,
  notes: d.notes,
});

/** An audit's reviewed documents, in the order they were recorded. */
export function listDocuments(ctx: RepoContext, auditId: string): DocumentReviewed[] {
  requireAudit(ctx, auditId);
  const items = linksOf(ctx, ITEMS, { auditId });
  return recordRows<DocumentRow>(ctx, 'documents_reviewed', auditId, 'id').map((row) =>
    toDocument(row, items.get(row.id)),
  );
}

export function getDocument(ctx: RepoContext, id: string): DocumentReviewed {
  const row = recordRow<DocumentRow>(ctx, 'documents_reviewed', id, 'document');
  return toDocument(row, linksOf(ctx, ITEMS, { ownerId: id }).get(id));
}

export function createDocument(ctx: RepoContext, auditId: string, data: DocumentData): DocumentReviewed {
  requireEditableAudit(ctx, auditId);
  requireLinksOfAudit(ctx, auditId, data, ['document']);
  const s = stamp(ctx);
  const id = insertRecord(ctx, s, 'documents_reviewed', auditId, columns(data));
  replaceLinks(ctx, s, ITEMS, id, data.itemIds);
  return getDocument(ctx, id);
}

/** A partial edit; a linked-requirements list, when given, replaces the old one. */
export function updateDocument(ctx: RepoContext, id: string, patch: DocumentPatch): DocumentReviewed {
  const row = recordRow<DocumentRow>(ctx, 'documents_reviewed', id, 'document');
  requireEditableAudit(ctx, row.audit_id);
  requireLinksOfAudit(ctx, row.audit_id, patch, ['patch']);
  const s = stamp(ctx);
  const itemsChanged = patch.itemIds ? replaceLinks(ctx, s, ITEMS, id, patch.itemIds) : false;
  patchRecord(ctx, s, 'documents_reviewed', row, columns(patch), itemsChanged);
  return getDocument(ctx, id);
}

export function deleteDocument(ctx: RepoContext, id: string): void {
  const row = recordRow<DocumentRow>(ctx, 'documents_reviewed', id, 'document');
  requireEditableAudit(ctx, row.audit_id);
  requireNotCitedByIssued(ctx, 'document', id);
  ctx.db.prepare('DELETE FROM documents_reviewed WHERE id = ?').run(id);
}

const toDocument = (row: DocumentRow, itemIds: string[] = []): DocumentReviewed => ({
  id: row.id,
  auditId: row.audit_id,
  title: row.title,
  identifier: row.identifier,
  revision: row.revision,
  documentDate: row.document_date,
  owner: row.owner,
  itemIds,
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
