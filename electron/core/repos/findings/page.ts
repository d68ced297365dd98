import { z } from 'zod';
import type { OpParsed } from '#shared/api/contract';
import type { AuditType } from '#shared/domain/audit';
import type { FindingListRow, FindingPage, FindingStatus, FindingType } from '#shared/domain/finding';
import { isOverdue, needsNewStage2, responseDue } from '#shared/rules/findings';
import type { RepoContext } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { ACCEPTED_ACTION_DUE, findingFilters, REQUIREMENT_ITEMS } from './filters';

type Query = OpParsed<'findings.page'>;
type Filters = Omit<Query, 'after' | 'limit'>;

/** How much of the statement a row carries: the table shows about 70 characters. */
const STATEMENT_CHARS = 160;

/**
 * Within an audit: issued findings by series then number (NC-100 after NC-99),
 * drafts last, then by creation. Each key is never NULL, so a cursor compares.
 */
const FINDING_KEYS = `f.number IS NULL,
  coalesce(substr(f.number, 1, instr(f.number, '-')), ''),
  coalesce(CAST(substr(f.number, instr(f.number, '-') + 1) AS INTEGER), 0),
  f.created_at, f.id`;

/** The position after a row: its audit's (start_date, id), then its own keys. */
const Cursor = z.tuple([z.string(), z.string(), z.number(), z.string(), z.number(), z.string(), z.string()]);

/** Past the first audit: a start date after every real one (dates are digits; '~' sorts after them). */
const BEFORE_ALL: z.infer<typeof Cursor> = ['~', '', 0, '', 0, '', ''];

interface Row {
  id: string;
  audit_id: string;
  number: string | null;
  type: FindingType;
  status: FindingStatus;
  statement: string;
  requirements: string;
  action_due: string | null;
  a_type: AuditType;
  a_start: string;
  a_end: string;
  a_closing: string;
  days_major: number;
  days_minor: number;
  client_id: string;
  client_name: string;
  k1: number;
  k2: string;
  k3: number;
  created_at: string;
}

/**
 * The list's SQL, filters and keyset bound in; exported for the query-plan tests.
 * Two steps: the page's keys first, in the list's order (cheap columns only, so
 * sorting many matches costs little), then the shown columns of those rows
 * alone (a finding's requirements are read for the 100 rows shown, not for
 * every match). The audits are walked in the list's order (CROSS JOIN keeps
 * them the outer loop; without ANALYZE the planner would rather fetch and sort
 * every open finding), so a page stops after its rows. A requirement few
 * findings cite (`walk` false) instead finds its findings through their items,
 * then sorts them; one many cite is tested on each finding of the walk. The
 * second step's CROSS JOINs keep the page's keys its outer loop.
 *
 * The count reads the findings alone (every finding has its audit, a foreign
 * key) unless a filter reads the audit, and a requirement's matches through
 * its items: counting them all, that is the fewest rows.
 */
export function findingPageSql(
  q: Filters,
  { walk = true }: { walk?: boolean } = {},
): { sql: string; countSql: string; params: Record<string, string | number> } {
  const { where, params, byRequirement } = findingFilters(q, q.today, walk ? 'finding' : 'items');
  const filters = where.map((w) => ` AND ${w}`).join('');
  const byItems = byRequirement && !walk;
  const keys = `SELECT f.id AS fid, a.id AS aid, a.start_date AS a_start,
      f.number IS NULL AS k1, coalesce(substr(f.number, 1, instr(f.number, '-')), '') AS k2,
      coalesce(CAST(substr(f.number, instr(f.number, '-') + 1) AS INTEGER), 0) AS k3, f.created_at
    FROM audits a ${byItems ? 'JOIN' : 'CROSS JOIN'} findings f ON f.audit_id = a.id
    WHERE (a.start_date, a.id) <= (@c0, @c1)
      AND NOT (a.id = @c1 AND (${FINDING_KEYS}) <= (@c2, @c3, @c4, @c5, @c6))${filters}
    ORDER BY a.start_date DESC, a.id DESC, ${FINDING_KEYS}
    LIMIT @limit`;
  const sql = `SELECT f.id, f.audit_id, f.number, f.type, f.status, substr(f.statement, 1, ${STATEMENT_CHARS}) AS statement,
      (SELECT json_group_array(label) FROM (SELECT CASE WHEN ci.ref LIKE 'A.%' THEN ci.ref
           WHEN ci.number <> '' THEN 'Clause ' || ci.number ELSE ci.ref END AS label
         FROM finding_items fi2 JOIN checklist_items ci ON ci.id = fi2.item_id
         WHERE fi2.finding_id = f.id ORDER BY ci.position, ci.id)) AS requirements,
      ${ACCEPTED_ACTION_DUE} AS action_due,
      a.type AS a_type, a.start_date AS a_start, a.end_date AS a_end,
      coalesce(a.closing_meeting_date, a.end_date) AS a_closing,
      a.response_days_major AS days_major, a.response_days_minor AS days_minor,
      a.client_id, c.name AS client_name, p.k1, p.k2, p.k3, f.created_at
    FROM (${keys}) p CROSS JOIN findings f ON f.id = p.fid CROSS JOIN audits a ON a.id = p.aid
      CROSS JOIN clients c ON c.id = a.client_id
    ORDER BY p.a_start DESC, p.aid DESC, p.k1, p.k2, p.k3, p.created_at, p.fid`;
  const counted = findingFilters(q, q.today, 'items');
  const countSql = `SELECT count(*) AS n FROM findings f${counted.readsAudit ? ' JOIN audits a ON a.id = f.audit_id' : ''}
    WHERE 1${counted.where.map((w) => ` AND ${w}`).join('')}`;
  return { sql, countSql, params: { today: q.today, ...params } };
}

/**
 * A requirement is tested on each finding of the walk when its items are more
 * than this share of all checklist items (1 in WALK_SHARE): the walk then meets
 * a page's matches within about WALK_SHARE × 100 findings, while finding every
 * citing item would look up each of its items (35,000 for "A.5" at ten years).
 */
const WALK_SHARE = 16;

/** Whether a page of requirement `req` walks the findings (see WALK_SHARE); rowid's maximum estimates the items. */
function walksFor(ctx: RepoContext, req: string, walkShare: number): boolean {
  const all = ctx.db.prepare('SELECT max(rowid) FROM checklist_items').pluck().get() as number | null;
  const cap = Math.floor((all ?? 0) / walkShare);
  const items = ctx.db
    .prepare(`SELECT count(*) FROM (${REQUIREMENT_ITEMS} LIMIT @cap)`)
    .pluck()
    .get({ req, cap: cap + 1 }) as number;
  return items > cap;
}

function toRow(r: Row, today: string): FindingListRow {
  const due =
    r.status === 'draft' ? null : responseDue(r.type, r.a_closing, { major: r.days_major, minor: r.days_minor });
  return {
    id: r.id,
    auditId: r.audit_id,
    number: r.number,
    type: r.type,
    status: r.status,
    statement: r.statement,
    requirements: JSON.parse(r.requirements) as string[],
    responseDue: due,
    overdue: isOverdue({ type: r.type, status: r.status, responseDue: due, actionDue: r.action_due }, today),
    needsNewStage2: needsNewStage2(r, r.a_type, r.a_end, today),
    auditType: r.a_type,
    auditStartDate: r.a_start,
    clientId: r.client_id,
    clientName: r.client_name,
  };
}

/**
 * One page of the nonconformity list across audits, with the total on the first page.
 * `walkShare` is WALK_SHARE but for tests, which try both ways of finding a requirement's findings.
 */
export function findingPage(ctx: RepoContext, q: Query, { walkShare = WALK_SHARE } = {}): FindingPage {
  const req = findingFilters(q, q.today).params.req;
  const walk = typeof req !== 'string' || walksFor(ctx, req, walkShare);
  const { sql, countSql, params } = findingPageSql(q, { walk });
  const at = q.after === undefined ? BEFORE_ALL : decodeCursor(Cursor, q.after);
  const keyset = Object.fromEntries(at.map((v, i) => [`c${i}`, v]));
  // One row more than asked tells whether there is a next page.
  const rows = ctx.db.prepare(sql).all({ ...params, ...keyset, limit: q.limit + 1 }) as Row[];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const more = rows.length > q.limit && last;
  return {
    rows: page.map((r) => toRow(r, q.today)),
    next: more
      ? encodeCursor([last.a_start, last.audit_id, last.k1, last.k2, last.k3, last.created_at, last.id])
      : null,
    total: q.after === undefined ? (ctx.db.prepare(countSql).get(params) as { n: number }).n : null,
  };
}
