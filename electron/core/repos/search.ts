import { z } from 'zod';
import type { OpParsed } from '#shared/api/contract';
import { AUDIT_TYPE_LABELS, type AuditType } from '#shared/domain/audit';
import { FINDING_TYPE_LABELS, type FindingType } from '#shared/domain/finding';
import { requirementLabel } from '#shared/domain/requirement-ref';
import { HIT_END, HIT_START, type SearchHit, type SearchKind, type SearchPage } from '#shared/domain/search';
import { qualifiedNumber } from '#shared/rules/gates/cycle';
import { requireAudit } from './checklist';
import type { RepoContext } from './context';
import { decodeCursor, encodeCursor } from './cursor';

type SearchParams = OpParsed<'search.query'>;
type PageParams = OpParsed<'search.page'>;

/** Title words count this much more than body words when ranking. */
const TITLE_WEIGHT = 5;
/**
 * Ranking looks at this many of the newest matching records. bm25 costs about
 * a microsecond per match, and a common word can match most of a large
 * database; the newest matches are also the ones an auditor is most likely
 * after. Fewer matches than this (any specific query) are all ranked.
 */
const RANK_WINDOW = 2000;
/** Words of context a snippet shows around the match. */
const SNIPPET_TOKENS = 14;
const ELLIPSIS = '…';

/**
 * Turns what the user typed into an FTS5 query that can never be a syntax
 * error: only runs of letters, digits and combining marks survive, each one
 * quoted (so AND, NEAR, column filters and stars are plain words), the last
 * matched as a prefix because the user is still typing it, all required.
 * Answers null when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | null {
  const words = (text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' AND ');
}

// The index is walked newest first and stops after RANK_WINDOW matches; bm25
// runs only on those (and, with an audit filter, only on that audit's rows:
// the IN list is built once and checked against a Bloom filter per match).
const windowSql = (byAudit: boolean) => `
    SELECT s.rowid, bm25(search_index, ${TITLE_WEIGHT}, 1) AS score FROM search_index s
    WHERE search_index MATCH @match
      ${byAudit ? 'AND +s.rowid IN (SELECT rowid FROM search_docs WHERE audit_id = @auditId)' : ''}
    ORDER BY s.rowid DESC LIMIT ${RANK_WINDOW}`;

const rankedSql = (byAudit: boolean) => `
  SELECT rowid FROM (${windowSql(byAudit)})
  ORDER BY score, rowid DESC LIMIT @limit`;

/**
 * A page of the ranking, after the position (score, rowid) of the previous
 * page's last hit, and how many matches the window holds: the window is read
 * one match past RANK_WINDOW (`k` numbers it newest first), so one pass of the
 * index both ranks the page and tells whether older matches were left out. A
 * second pass only to count them cost as much again: a prefix many words share
 * ("review*": 100,000 matches at ten years) merges their lists on every pass.
 */
const rankedPageSql = (byAudit: boolean) => `
  SELECT rowid, score, n FROM (
    SELECT rowid, score, count(*) OVER () AS n, row_number() OVER (ORDER BY rowid DESC) AS k FROM (
      SELECT s.rowid, bm25(search_index, ${TITLE_WEIGHT}, 1) AS score FROM search_index s
      WHERE search_index MATCH @match
        ${byAudit ? 'AND +s.rowid IN (SELECT rowid FROM search_docs WHERE audit_id = @auditId)' : ''}
      ORDER BY s.rowid DESC LIMIT ${RANK_WINDOW + 1}))
  WHERE k <= ${RANK_WINDOW} AND (score > @score OR (score = @score AND rowid < @rowid))
  ORDER BY score, rowid DESC LIMIT @limit`;

// Snippets need the match, so the hits are read in one more pass over the
// same window. The unary + keeps SQLite from handing the id list to FTS5 as
// one lookup per id, each of which would evaluate the whole query again.
const HITS_SQL = `
  SELECT s.rowid, d.kind, d.record_id, d.audit_id, c.name AS client_name, a.type AS audit_type, a.start_date,
         snippet(search_index, 1, @start, @end, @dots, @tokens) AS body,
         snippet(search_index, 0, @start, @end, @dots, @tokens) AS head
  FROM search_index s
  CROSS JOIN search_docs d ON d.rowid = s.rowid
  JOIN audits a ON a.id = d.audit_id
  JOIN clients c ON c.id = a.client_id
  WHERE search_index MATCH @match AND +s.rowid IN (SELECT value FROM json_each(@ids))
  ORDER BY s.rowid DESC LIMIT @count`;

interface HitRow {
  rowid: number;
  kind: SearchKind;
  record_id: string;
  audit_id: string;
  client_name: string;
  audit_type: AuditType;
  start_date: string;
  body: string;
  head: string;
}

/** Best matches first (bm25, title weighted), with a marked snippet, a title and the audit's label. */
export function searchRecords(ctx: RepoContext, { q, auditId, limit }: SearchParams): SearchHit[] {
  // Searching within an audit that has gone (deleted elsewhere) says so rather than finding nothing.
  if (auditId !== undefined) requireAudit(ctx, auditId);
  const match = toFtsQuery(q);
  if (match === null) return [];
  const ranked = ctx.db
    .prepare(rankedSql(auditId !== undefined))
    .pluck()
    .all({ match, limit, ...(auditId === undefined ? {} : { auditId }) }) as number[];
  return hitsOf(ctx, match, ranked);
}

/** The position after a hit: its score and its index row. */
const Cursor = z.tuple([z.number(), z.number().int()]);
/** Before the best hit: bm25 scores are negative (lower is better), every one above this. */
const BEFORE_ALL: z.infer<typeof Cursor> = [-Number.MAX_VALUE, Number.MAX_SAFE_INTEGER];

/** search.query a page at a time: the same ranking, keyset-paged; the count on the first page only. */
export function searchPage(ctx: RepoContext, { q, auditId, limit, after }: PageParams): SearchPage {
  if (auditId !== undefined) requireAudit(ctx, auditId);
  const [score, rowid] = after === undefined ? BEFORE_ALL : decodeCursor(Cursor, after);
  const match = toFtsQuery(q);
  const first = after === undefined;
  if (match === null) return { rows: [], next: null, total: first ? 0 : null, beyond: first ? false : null };
  const byAudit = auditId !== undefined;
  const scope = byAudit ? { auditId } : {};
  // One hit more than asked tells whether there is a next page.
  const ranked = ctx.db.prepare(rankedPageSql(byAudit)).all({ match, score, rowid, limit: limit + 1, ...scope }) as {
    rowid: number;
    score: number;
    n: number;
  }[];
  const page = ranked.slice(0, limit);
  const last = page.at(-1);
  // The first page has a row whenever anything matches; the window's size rides on each row.
  const counted = first ? (ranked[0]?.n ?? 0) : null;
  return {
    rows: hitsOf(
      ctx,
      match,
      page.map((r) => r.rowid),
    ),
    next: ranked.length > limit && last ? encodeCursor([last.score, last.rowid]) : null,
    total: counted === null ? null : Math.min(counted, RANK_WINDOW),
    beyond: counted === null ? null : counted > RANK_WINDOW,
  };
}

/** The ranked index rows as hits, in the ranking's order. */
function hitsOf(ctx: RepoContext, match: string, ranked: readonly number[]): SearchHit[] {
  if (ranked.length === 0) return [];
  const rows = ctx.db.prepare(HITS_SQL).all({
    match,
    ids: JSON.stringify(ranked),
    count: ranked.length,
    start: HIT_START,
    end: HIT_END,
    dots: ELLIPSIS,
    tokens: SNIPPET_TOKENS,
  }) as HitRow[];
  const byRowid = new Map(rows.map((r) => [r.rowid, r]));
  return ranked.flatMap((rowid) => {
    const row = byRowid.get(rowid);
    if (!row) return [];
    const title = titleOf(ctx, row.kind, row.record_id);
    const itemId = row.kind === 'sample' ? sampleItem(ctx, row.record_id) : undefined;
    return [
      {
        ...(itemId === undefined ? {} : { itemId }),
        kind: row.kind,
        recordId: row.record_id,
        auditId: row.audit_id,
        auditLabel: `${row.client_name} — ${AUDIT_TYPE_LABELS[row.audit_type]}, ${row.start_date}`,
        title,
        // The match may be in the title alone (an interviewee's name): show it there then.
        snippet: row.body.includes(HIT_START) ? row.body : row.head.includes(HIT_START) ? row.head : title,
      },
    ];
  });
}

/** How a hit is named in the results list, from the record itself. */
function titleOf(ctx: RepoContext, kind: SearchKind, id: string): string {
  const get = <T>(sql: string) => ctx.db.prepare(sql).get(id) as T | undefined;
  switch (kind) {
    case 'checklist_item': {
      const r = get<{ kind: string; number: string; title: string }>(
        'SELECT kind, number, title FROM checklist_items WHERE id = ?',
      );
      return r ? requirementLabel(r) : '';
    }
    case 'interview': {
      const r = get<{ name: string; role: string }>(
        'SELECT interviewee_name AS name, interviewee_role AS role FROM interviews WHERE id = ?',
      );
      return r ? `Interview: ${r.name}${r.role ? ` (${r.role})` : ''}` : '';
    }
    case 'observation': {
      const r = get<{ location: string; start: string }>(
        'SELECT location, substr(description, 1, 200) AS start FROM observations WHERE id = ?',
      );
      return r ? `Observation: ${r.location || firstWords(r.start, 8)}` : '';
    }
    case 'document': {
      const r = get<{ title: string; identifier: string; revision: string }>(
        'SELECT title, identifier, revision FROM documents_reviewed WHERE id = ?',
      );
      const parts = r ? [r.title, r.identifier, r.revision ? `rev ${r.revision}` : ''] : [];
      return r ? `Document: ${parts.filter(Boolean).join(' ')}` : '';
    }
    case 'evidence':
      return get<{ name: string }>('SELECT original_name AS name FROM evidence WHERE id = ?')?.name ?? '';
    case 'finding': {
      // Results span audits: "ST2-NC-01", as wherever findings of several audits meet.
      const r = get<{ number: string | null; type: FindingType; audit_type: AuditType }>(
        'SELECT f.number, f.type, a.type AS audit_type FROM findings f JOIN audits a ON a.id = f.audit_id WHERE f.id = ?',
      );
      return r ? `${qualifiedNumber(r.audit_type, r.number) || 'Draft'} — ${FINDING_TYPE_LABELS[r.type]}` : '';
    }
    case 'sample': {
      const r = get<{ identifier: string; kind: string; number: string; title: string }>(
        `SELECT s.identifier, i.kind, i.number, i.title FROM checklist_samples s JOIN checklist_items i ON i.id = s.item_id
         WHERE s.id = ?`,
      );
      return r ? `Sample ${r.identifier} — ${requirementLabel(r)}` : '';
    }
  }
}

/** The checklist item a sampled record belongs to: where its hit opens. */
function sampleItem(ctx: RepoContext, sampleId: string): string | undefined {
  return ctx.db.prepare('SELECT item_id FROM checklist_samples WHERE id = ?').pluck().get(sampleId) as
    string | undefined;
}

function firstWords(text: string, n: number): string {
  const words = text.trim().split(/\s+/);
  return words.length > n ? `${words.slice(0, n).join(' ')}${ELLIPSIS}` : words.join(' ');
}
