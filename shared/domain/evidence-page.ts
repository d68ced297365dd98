import { z } from 'zod';
import { Id, text } from './common';
import { Evidence } from './evidence';

/** What kind of file: photos and images, PDFs, or anything else (by media type). */
export const EvidenceKind = z.enum(['image', 'pdf', 'other'], { error: 'Unknown kind of file' });
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** Linked to at least one record of a kind, or only to the audit's library. */
export const EvidenceLinkedFilter = z.enum(['checklist_item', 'interview', 'observation', 'library_only'], {
  error: 'Unknown link filter',
});
export type EvidenceLinkedFilter = z.infer<typeof EvidenceLinkedFilter>;

/** The evidence library: an audit's attachments, newest first, a page at a time, filtered in SQL. */
export const EvidencePageQuery = z.strictObject({
  auditId: Id,
  /** Words found in the file name, description or who added it (ignoring ASCII case). */
  search: text(200, 'Search').optional(),
  kind: EvidenceKind.optional(),
  linked: EvidenceLinkedFilter.optional(),
  /** The `next` of the previous page. */
  after: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type EvidencePageQuery = z.input<typeof EvidencePageQuery>;

export const EvidencePage = z.object({
  rows: z.array(Evidence),
  /** Pass as `after` for the next page; null on the last. */
  next: z.string().nullable(),
  /** Counted on the first page only (null on the others): the attachments that match, and all of the audit's. */
  total: z.number().int().nullable(),
  all: z.number().int().nullable(),
});
export type EvidencePage = z.infer<typeof EvidencePage>;
