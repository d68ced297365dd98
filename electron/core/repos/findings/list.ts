import type { OpParsed } from '#shared/api/contract';
import type { FindingSummary } from '#shared/domain/finding';
import type { RepoContext } from '../context';
import { findingFilters } from './filters';
import { toFindings, type FindingRow } from './rows';
import { localDate } from './time';

type Query = OpParsed<'findings.list'>;

/** By series, then numerically (formatFindingNumber's `NC-07`): NC-100 after NC-99, not after NC-10. */
const NUMBER_ORDER = `substr(f.number, 1, instr(f.number, '-')), CAST(substr(f.number, instr(f.number, '-') + 1) AS INTEGER)`;

/**
 * The nonconformity list across audits, newest audit first and by number within
 * an audit; filtered like findings.page, "overdue" against the machine's date
 * (the one toFindings() computes the flag for).
 */
export function listFindings(ctx: RepoContext, q: Query): FindingSummary[] {
  const { where, params } = findingFilters(q, localDate(ctx.now()));
  const rows = ctx.db
    .prepare(
      `SELECT f.*, a.type AS a_type, a.start_date AS a_start, a.client_id AS a_client, c.name AS c_name
       FROM findings f JOIN audits a ON a.id = f.audit_id JOIN clients c ON c.id = a.client_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.start_date DESC, a.id, f.number IS NULL, ${NUMBER_ORDER}, f.created_at, f.id`,
    )
    .all(params) as (FindingRow & { a_type: string; a_start: string; a_client: string; c_name: string })[];
  return toFindings(ctx, rows).map((f, i) => ({
    ...f,
    auditType: rows[i]!.a_type,
    auditStartDate: rows[i]!.a_start,
    clientId: rows[i]!.a_client,
    clientName: rows[i]!.c_name,
  }));
}
