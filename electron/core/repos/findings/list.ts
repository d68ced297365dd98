import type { OpParsed } from '#shared/api/contract';
import type { FindingSummary } from '#shared/domain/finding';
import type { RepoContext } from '../context';
import { toFindings, type FindingRow } from './rows';

type Query = OpParsed<'findings.list'>;

/**
 * "8.5", "A.5.15" and "5.15" all find their item: a query matches an item's
 * ref or its number exactly, or its ref as a prefix of whole parts ("A.5"
 * finds every A.5 control, "8" every clause 8 requirement but no A.8 control).
 */
const REQUIREMENT_MATCH = `EXISTS (SELECT 1 FROM finding_items fi JOIN checklist_items c ON c.id = fi.item_id
  WHERE fi.finding_id = f.id AND (upper(c.ref) = @req OR upper(c.number) = @req
    OR substr(upper(c.ref), 1, length(@req) + 1) = @req || '.'))`;

/** By series, then numerically (formatFindingNumber's `NC-07`): NC-100 after NC-99, not after NC-10. */
const NUMBER_ORDER = `substr(f.number, 1, instr(f.number, '-')), CAST(substr(f.number, instr(f.number, '-') + 1) AS INTEGER)`;

/** The nonconformity list across audits, newest audit first and by number within an audit. */
export function listFindings(ctx: RepoContext, q: Query): FindingSummary[] {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (q.auditId) {
    where.push('f.audit_id = @auditId');
    params.auditId = q.auditId;
  }
  if (q.clientId) {
    where.push('a.client_id = @clientId');
    params.clientId = q.clientId;
  }
  if (q.status && q.status.length > 0) {
    where.push('f.status IN (SELECT value FROM json_each(@status))');
    params.status = JSON.stringify(q.status);
  }
  if (q.type && q.type.length > 0) {
    where.push('f.type IN (SELECT value FROM json_each(@type))');
    params.type = JSON.stringify(q.type);
  }
  const req = q.requirement?.trim().toUpperCase().replace(/\.$/, '');
  if (req) {
    where.push(REQUIREMENT_MATCH);
    params.req = req;
  }
  const rows = ctx.db
    .prepare(
      `SELECT f.*, a.type AS a_type, a.start_date AS a_start, a.client_id AS a_client, c.name AS c_name
       FROM findings f JOIN audits a ON a.id = f.audit_id JOIN clients c ON c.id = a.client_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.start_date DESC, a.id, f.number IS NULL, ${NUMBER_ORDER}, f.created_at, f.id`,
    )
    .all(params) as (FindingRow & { a_type: string; a_start: string; a_client: string; c_name: string })[];
  const findings = toFindings(ctx, rows);
  // Overdue depends on today's date and the responses, so it is filtered after computing.
  return findings
    .map((f, i) => ({
      ...f,
      auditType: rows[i]!.a_type,
      auditStartDate: rows[i]!.a_start,
      clientId: rows[i]!.a_client,
      clientName: rows[i]!.c_name,
    }))
    .filter((f) => q.overdue === undefined || f.overdue === q.overdue);
}
