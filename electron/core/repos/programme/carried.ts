import type { CarriedFinding } from '#shared/domain/programme';
import { requireAudit } from '../checklist';
import type { RepoContext } from '../context';

/**
 * Findings of earlier audits carried into this one, with their status as it is now; on a team member's copy,
 * the lead's copies of them (sync/export.ts refreshes them on each send), whose audits are not here.
 */
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
  const own = rows.map((r) => ({
    findingId: r.id,
    fromAuditId: r.audit_id,
    fromAuditType: r.audit_type,
    number: r.number,
    type: r.type,
    status: r.status,
    statement: r.statement,
  }));
  const copies = ctx.db
    .prepare(
      `SELECT finding_id, from_audit_id, from_audit_type, number, type, status, statement FROM carried_finding_copies c
       WHERE audit_id = ? AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.id = c.finding_id)
       ORDER BY from_audit_start, number`,
    )
    .all(auditId) as {
    finding_id: string;
    from_audit_id: string;
    from_audit_type: CarriedFinding['fromAuditType'];
    number: string | null;
    type: CarriedFinding['type'];
    status: string;
    statement: string;
  }[];
  return [
    ...own,
    ...copies.map((r) => ({
      findingId: r.finding_id,
      fromAuditId: r.from_audit_id,
      fromAuditType: r.from_audit_type,
      number: r.number,
      type: r.type,
      status: r.status,
      statement: r.statement,
      fromLead: true as const,
    })),
  ];
}
