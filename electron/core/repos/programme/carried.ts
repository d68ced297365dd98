import type { CarriedFinding } from '#shared/domain/programme';
import { requireAudit } from '../checklist';
import type { RepoContext } from '../context';

/** Findings of earlier audits carried into this one, with their status as it is now. */
export function carriedFindings(ctx: RepoContext, auditId: string): CarriedFinding[] {
  requireAudit(ctx, auditId);
  const rows = ctx.db
    .prepare(
      `SELECT f.id, f.audit_id, a.type AS audit_type, f.number, f.type, f.status, f.statement
       FROM carried_findings c JOIN findings f ON f.id = c.finding_id JOIN audits a ON a.id = f.audit_id
       WHERE c.audit_id = ? ORDER BY a.start_date, a.created_at, f.number`,
    )
    .all(auditId) as {
    id: string;
    audit_id: string;
    audit_type: CarriedFinding['fromAuditType'];
    number: string | null;
    type: CarriedFinding['type'];
    status: string;
    statement: string;
  }[];
  return rows.map((r) => ({
    findingId: r.id,
    fromAuditId: r.audit_id,
    fromAuditType: r.audit_type,
    number: r.number,
    type: r.type,
    status: r.status,
    statement: r.statement,
  }));
}
