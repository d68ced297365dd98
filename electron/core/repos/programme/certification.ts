import { DomainError } from '#shared/api/result';
import type { AuditType } from '#shared/domain/audit';
import { certificationDecisionError, qualifiedNumber } from '#shared/rules/gates/cycle';
import type { RepoContext } from '../context';
import { stamp } from '../context';

export interface Certification {
  decisionDate: string | null;
  expiryDate: string | null;
}

export function requireClient(ctx: RepoContext, clientId: string): void {
  if (!ctx.db.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId)) {
    throw new DomainError('not_found', 'This client does not exist (it may have been deleted).', [
      { path: ['clientId'], message: 'Choose an existing client' },
    ]);
  }
}

export function getCertification(ctx: RepoContext, clientId: string): Certification {
  const row = ctx.db
    .prepare('SELECT decision_date, expiry_date FROM client_certification WHERE client_id = ?')
    .get(clientId) as { decision_date: string | null; expiry_date: string | null } | undefined;
  return { decisionDate: row?.decision_date ?? null, expiryDate: row?.expiry_date ?? null };
}

/** What the certification decision rests on: closed certifying audits, and majors still open. */
function decisionFacts(ctx: RepoContext, clientId: string) {
  const { closed } = ctx.db
    .prepare(
      `SELECT count(*) AS closed FROM audits
       WHERE client_id = ? AND status = 'closed' AND type IN ('stage2', 'recertification')`,
    )
    .get(clientId) as { closed: number };
  const openMajors = (
    ctx.db
      .prepare(
        `SELECT f.number, a.type FROM findings f JOIN audits a ON a.id = f.audit_id
         WHERE a.client_id = ? AND f.type = 'major' AND f.status NOT IN ('draft', 'verified', 'closed')
         ORDER BY a.start_date, f.number`,
      )
      .all(clientId) as { number: string; type: AuditType }[]
  ).map((r) => qualifiedNumber(r.type, r.number)); // the client's cycle: several audits may each have an NC-01
  return { closedCertifyingAudits: closed, openMajors };
}

/**
 * The certification decision and expiry dates, as entered by the lead
 * auditor. A new decision date is refused until a Stage 2 or recertification
 * audit is closed and no major nonconformity is open (shared/rules/gates/cycle);
 * changing only the expiry keeps the decision already recorded.
 */
export function setCertification(ctx: RepoContext, clientId: string, c: Certification): void {
  requireClient(ctx, clientId);
  // The input schema checks this too; repeated here so no caller can store an impossible cycle.
  if (c.decisionDate && c.expiryDate && c.expiryDate <= c.decisionDate) {
    throw new DomainError('invalid_input', 'The expiry date must be after the decision date.', [
      { path: ['expiryDate'], message: 'The expiry date must be after the decision date' },
    ]);
  }
  if (c.decisionDate !== null && c.decisionDate !== getCertification(ctx, clientId).decisionDate) {
    const refused = certificationDecisionError(decisionFacts(ctx, clientId));
    if (refused) throw new DomainError('conflict', refused, [{ path: ['decisionDate'], message: refused }]);
  }
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `INSERT INTO client_certification (client_id, decision_date, expiry_date, created_at, updated_at, device_id)
       VALUES (@clientId, @decision, @expiry, @now, @now, @device)
       ON CONFLICT (client_id) DO UPDATE SET decision_date = @decision, expiry_date = @expiry,
         updated_at = @now, device_id = @device`,
    )
    .run({ clientId, decision: c.decisionDate, expiry: c.expiryDate, now: s.now, device: s.device });
}
