import { z } from 'zod';
import { Id, text } from './common';

export const SEARCH_KINDS = [
  'checklist_item',
  'interview',
  'observation',
  'document',
  'evidence',
  'finding',
  /** A sampled record of a checklist item (its identifier and description). */
  'sample',
] as const;
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

export const SearchInput = z.strictObject({
  q: text(200, 'Search text'),
  /** Only this audit's records; all audits when absent. */
  auditId: Id.optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

/**
 * Marks around matched words in a snippet: plain control characters, never
 * HTML, so client text can not inject markup. The renderer turns them into <mark>.
 */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

export const SearchHit = z.object({
  kind: SearchKind,
  recordId: Id,
  auditId: Id,
  /** "Acme Ltd — Stage 2 (2026-03-14)". */
  auditLabel: z.string(),
  title: z.string(),
  snippet: z.string(),
  /** A sample's checklist item: the hit opens that item (kind 'sample' only). */
  itemId: Id.optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/**
 * search.page: the same search a page at a time, best first. `after` is the
 * `next` of the previous page (keyset on rank and record: a page never repeats
 * a hit of the one before it).
 */
export const SearchPageQuery = SearchInput.extend({
  after: z.string().max(200).optional(),
});
export type SearchPageQuery = z.input<typeof SearchPageQuery>;

export const SearchPage = z.object({
  rows: z.array(SearchHit),
  /** Pass as `after` for the next page; null on the last. */
  next: z.string().nullable(),
  /** How many hits the pages hold in all (at most the ranked newest matches), on the first page only. */
  total: z.number().int().nullable(),
  /** More records match than are ranked (the oldest are left out): on the first page only. */
  beyond: z.boolean().nullable(),
});
export type SearchPage = z.infer<typeof SearchPage>;
