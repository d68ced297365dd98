import { z } from 'zod';
import type { OpParsed } from '#shared/api/contract';
import type { EvidencePage } from '#shared/domain/evidence-page';
import { requireAudit } from './checklist';
import type { RepoContext } from './context';
import { decodeCursor, encodeCursor } from './cursor';
import { toEvidence, type EvidenceRow, type Link } from './evidence';

type Query = OpParsed<'evidence.page'>;
type Filters = Omit<Query, 'after' | 'limit'>;

/** The position after a row: its (created_at, id), the page's order newest first. */
const Cursor = z.tuple([z.string(), z.string()]);

const IMAGE = `substr(e.media_type, 1, 6) = 'image/'`;
const PDF = `e.media_type = 'application/pdf'`;
const KIND = { image: IMAGE, pdf: PDF, other: `NOT (${IMAGE} OR ${PDF})` } as const;

/**
 * The page, its count and the audit's count. All stay within one audit
 * through the (audit_id, sha256) index, so a large library elsewhere costs
 * nothing; the filters are checked on that audit's rows only.
 */
export function evidencePageSql(q: Filters) {
  const where = ['e.audit_id = @auditId'];
  const params: Record<string, string> = { auditId: q.auditId };
  const search = q.search?.trim().toLowerCase();
  if (search) {
    // The same text the page searched in JavaScript before: name, description and who added it.
    where.push(`instr(lower(e.original_name || ' ' || e.description || ' ' || e.added_by), @search)`);
    params.search = search;
  }
  if (q.kind) where.push(KIND[q.kind]);
  if (q.linked === 'library_only') {
    where.push(`NOT EXISTS (SELECT 1 FROM evidence_links l WHERE l.evidence_id = e.id AND l.target_type <> 'audit')`);
  } else if (q.linked) {
    where.push(`EXISTS (SELECT 1 FROM evidence_links l WHERE l.evidence_id = e.id AND l.target_type = @linked)`);
    params.linked = q.linked;
  }
  const filter = where.join(' AND ');
  return {
    sql: `SELECT e.* FROM evidence e WHERE ${filter} AND (e.created_at, e.id) < (@c0, @c1)
          ORDER BY e.created_at DESC, e.id DESC LIMIT @limit`,
    countSql: `SELECT count(*) FROM evidence e WHERE ${filter}`,
    allSql: 'SELECT count(*) FROM evidence e WHERE e.audit_id = @auditId',
    params,
  };
}

/** Past the newest row: '~' sorts after every ISO timestamp. */
const FIRST: z.infer<typeof Cursor> = ['~', ''];

const LINKS_SQL = `SELECT evidence_id, target_type AS type, target_id AS id FROM evidence_links
  WHERE evidence_id IN (SELECT value FROM json_each(@ids)) ORDER BY rowid`;

export function evidencePage(ctx: RepoContext, q: Query): EvidencePage {
  requireAudit(ctx, q.auditId);
  const { sql, countSql, allSql, params } = evidencePageSql(q);
  const [c0, c1] = q.after === undefined ? FIRST : decodeCursor(Cursor, q.after);
  // One more than asked: whether it exists says whether there is a next page.
  const found = ctx.db.prepare(sql).all({ ...params, c0, c1, limit: q.limit + 1 }) as EvidenceRow[];
  const rows = found.slice(0, q.limit);
  const links = new Map<string, Link[]>();
  const linkRows = ctx.db.prepare(LINKS_SQL).all({ ids: JSON.stringify(rows.map((r) => r.id)) }) as (Link & {
    evidence_id: string;
  })[];
  for (const { evidence_id, ...link } of linkRows) {
    const list = links.get(evidence_id) ?? [];
    list.push(link);
    links.set(evidence_id, list);
  }
  const last = rows.at(-1);
  const first = q.after === undefined;
  const count = (text: string, p: Record<string, string>) => ctx.db.prepare(text).pluck().get(p) as number;
  return {
    rows: rows.map((r) => toEvidence(r, links.get(r.id) ?? [])),
    next: found.length > q.limit && last ? encodeCursor([last.created_at, last.id]) : null,
    total: first ? count(countSql, params) : null,
    all: first ? count(allSql, { auditId: q.auditId }) : null,
  };
}
