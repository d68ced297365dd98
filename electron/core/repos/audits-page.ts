import { z } from 'zod';
import type { OpParsed } from '#shared/api/contract';
import type { AuditPage, AuditStatus, AuditSummary, AuditType } from '#shared/domain/audit';
import type { RepoContext } from './context';
import { decodeCursor, encodeCursor } from './cursor';

type Query = OpParsed<'audits.page'>;
type Filters = Omit<Query, 'after' | 'limit'>;

/** The position after a row: its (start_date, id), the order of the audits indexes (migration 12). */
const Cursor = z.tuple([z.string(), z.string()]);

export interface SummaryRow {
  id: string;
  client_id: string;
  client_name: string;
  type: AuditType;
  status: AuditStatus;
  start_date: string;
  end_date: string;
  updated_at: string;
  lead: string;
}

/** The audit list's filters as SQL over `audits a JOIN clients c` (the page's and `audits.list`'s). */
export function auditFilters(q: Omit<Filters, 'sort'>): { where: string[]; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (q.clientId) {
    where.push('a.client_id = @clientId');
    params.clientId = q.clientId;
  }
  if (q.status) {
    where.push('a.status = @status');
    params.status = q.status;
  }
  if (q.type) {
    where.push('a.type = @type');
    params.type = q.type;
  }
  if (q.search) {
    // instr() on lower-cased text: a plain substring match, no LIKE wildcards to escape. A substring
    // cannot use an index: the rows are read in date order until a page is full.
    where.push(`(instr(lower(c.name), @search) OR instr(lower(a.scope), @search)
      OR EXISTS (SELECT 1 FROM audit_team t WHERE t.audit_id = a.id AND instr(lower(t.name), @search)))`);
    params.search = q.search.toLowerCase();
  }
  return { where, params };
}

/** The columns of an AuditSummary row (toSummary), from `audits a JOIN clients c`. */
export const SUMMARY_COLUMNS = `a.id, a.client_id, c.name AS client_name, a.type, a.status, a.start_date, a.end_date, a.updated_at,
      COALESCE((SELECT t.name FROM audit_team t WHERE t.audit_id = a.id AND t.role = 'lead_auditor'), '') AS lead`;

/** The page's SQL with its filters; exported for the query-plan tests. */
export function auditPageSql(q: Filters): { sql: string; countSql: string; params: Record<string, string> } {
  const { where, params } = auditFilters(q);
  const asc = q.sort === 'start_asc';
  const from = 'FROM audits a JOIN clients c ON c.id = a.client_id';
  const filters = where.map((w) => ` AND ${w}`).join('');
  const sql = `SELECT ${SUMMARY_COLUMNS}
    ${from}
    WHERE (a.start_date, a.id) ${asc ? '>' : '<'} (@c0, @c1)${filters}
    ORDER BY a.start_date ${asc ? 'ASC' : 'DESC'}, a.id ${asc ? 'ASC' : 'DESC'}
    LIMIT @limit`;
  return { sql, countSql: `SELECT count(*) AS n ${from} WHERE 1${filters}`, params };
}

export const toSummary = (r: SummaryRow): AuditSummary => ({
  id: r.id,
  clientId: r.client_id,
  clientName: r.client_name,
  type: r.type,
  status: r.status,
  startDate: r.start_date,
  endDate: r.end_date,
  leadAuditor: r.lead,
  updatedAt: r.updated_at,
});

/** One page of audits in start-date order, with the total on the first page. */
export function auditPage(ctx: RepoContext, q: Query): AuditPage {
  const { sql, countSql, params } = auditPageSql(q);
  // Before the first row: an empty key sorts before every date, '~' after every one.
  const start = q.sort === 'start_asc' ? ['', ''] : ['~', ''];
  const [c0, c1] = q.after === undefined ? start : decodeCursor(Cursor, q.after);
  const rows = ctx.db.prepare(sql).all({ ...params, c0, c1, limit: q.limit + 1 }) as SummaryRow[];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    rows: page.map(toSummary),
    next: rows.length > q.limit && last ? encodeCursor([last.start_date, last.id]) : null,
    total: q.after === undefined ? (ctx.db.prepare(countSql).get(params) as { n: number }).n : null,
  };
}
