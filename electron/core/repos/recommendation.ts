import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import type { AuditType } from '#shared/domain/audit';
import type { FindingStatus, FindingType } from '#shared/domain/finding';
import type { Recommendation, RecommendationState } from '#shared/domain/programme';
import { suggestRecommendation } from '#shared/rules/findings';
import { qualifiedNumber } from '#shared/rules/gates/cycle';
import { recommendationLabel } from '#shared/rules/recommendation-label';
import { newId } from '../ids';
import { requireAudit } from './checklist';
import { stamp, type RepoContext } from './context';
import { passGates } from './gate-facts';

interface DecisionRow {
  id: string;
  recommendation: Recommendation;
  suggested: Recommendation;
  reason: string;
  decided_by: string;
  created_at: string;
}

/**
 * What the suggestion rests on: this audit's issued findings, and those carried into it that are still not closed.
 * Numbered with their audit's prefix ("ST2-NC-01"): a carried finding and one of this audit may both be NC-01.
 */
function bearingFindings(ctx: RepoContext, auditId: string) {
  return (
    ctx.db
      .prepare(
        `SELECT f.number, f.type, f.status, a.type AS audit_type FROM findings f JOIN audits a ON a.id = f.audit_id
         WHERE f.audit_id = @auditId AND f.status <> 'draft'
         UNION ALL
         SELECT f.number, f.type, f.status, a.type FROM carried_findings c JOIN findings f ON f.id = c.finding_id
           JOIN audits a ON a.id = f.audit_id
         WHERE c.audit_id = @auditId AND f.status NOT IN ('draft', 'closed')`,
      )
      .all({ auditId }) as { number: string | null; type: FindingType; status: FindingStatus; audit_type: AuditType }[]
  ).map(({ audit_type, ...f }) => ({ ...f, number: qualifiedNumber(audit_type, f.number) || null }));
}

export function getRecommendation(ctx: RepoContext, auditId: string): RecommendationState {
  requireAudit(ctx, auditId);
  const { suggested, reasons } = suggestRecommendation(bearingFindings(ctx, auditId));
  const rows = ctx.db
    .prepare(
      `SELECT id, recommendation, suggested, reason, decided_by, created_at FROM recommendations
       WHERE audit_id = ? ORDER BY created_at, rowid`,
    )
    .all(auditId) as DecisionRow[];
  return {
    auditId,
    suggested,
    reasons,
    decisions: rows.map((r) => ({
      id: r.id,
      recommendation: r.recommendation,
      suggested: r.suggested,
      overridden: r.recommendation !== r.suggested,
      reason: r.reason,
      decidedBy: r.decided_by,
      decidedAt: r.created_at,
    })),
  };
}

/**
 * The lead auditor confirms or overrides the suggestion. Decisions are only
 * ever added (the table refuses changes): overriding the suggestion, or
 * changing a recommendation already recorded, needs a reason on the record;
 * so does recording one while the completeness gates (shared/rules/gates)
 * still list gaps, and those gaps go into the audit trail with the reason.
 */
export function decideRecommendation(ctx: RepoContext, input: OpParsed<'recommendation.decide'>): RecommendationState {
  const audit = requireAudit(ctx, input.auditId);
  if (audit.status === 'planned') {
    throw new DomainError(
      'conflict',
      'A recommendation can be recorded only once the audit has taken place; this audit is still planned.',
    );
  }
  const type = (ctx.db.prepare('SELECT type FROM audits WHERE id = ?').get(input.auditId) as { type: AuditType }).type;
  if (type === 'gap_analysis') {
    throw new DomainError('conflict', 'A gap analysis (pre-assessment) makes no certification recommendation.');
  }
  const state = getRecommendation(ctx, input.auditId);
  const reason = input.reason.trim();
  const chosen = recommendationLabel(type, input.recommendation).toLowerCase();
  if (input.recommendation !== state.suggested && reason === '') {
    throw new DomainError(
      'invalid_input',
      `Overriding the suggestion (${recommendationLabel(type, state.suggested).toLowerCase()}) needs a reason.`,
      [{ path: ['reason'], message: 'Say why you override the suggested recommendation' }],
    );
  }
  const last = state.decisions.at(-1);
  if (last && last.recommendation !== input.recommendation && reason === '') {
    throw new DomainError('invalid_input', `Changing the recorded recommendation to "${chosen}" needs a reason.`, [
      { path: ['reason'], message: 'Say why the recorded recommendation changes' },
    ]);
  }
  passGates(ctx, input.auditId, 'recommend', reason, input.by.trim());
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `INSERT INTO recommendations (id, audit_id, recommendation, suggested, reason, decided_by, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      newId(),
      input.auditId,
      input.recommendation,
      state.suggested,
      reason,
      input.by.trim(),
      s.now,
      s.now,
      s.device,
    );
  return getRecommendation(ctx, input.auditId);
}
