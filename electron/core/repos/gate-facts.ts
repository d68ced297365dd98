import { DomainError } from '#shared/api/result';
import type { AuditType } from '#shared/domain/audit';
import type { Recommendation } from '#shared/domain/programme';
import {
  gatesFor,
  overrideError,
  type Gap,
  type GateFacts,
  type GateItem,
  type GateStage,
} from '#shared/rules/gates/gates';
import { qualifiedNumber } from '#shared/rules/gates/cycle';
import { stamp, type RepoContext } from './context';

/** What the completeness gates (shared/rules/gates) read of one audit, in a handful of queries. */
export function gateFacts(ctx: RepoContext, auditId: string): GateFacts {
  const audit = ctx.db.prepare('SELECT type, scope, objectives, criteria FROM audits WHERE id = ?').get(auditId) as
    { type: AuditType; scope: string; objectives: string; criteria: string } | undefined;
  if (!audit) throw new DomainError('not_found', 'This audit does not exist (it may have been deleted).');
  const items = (
    ctx.db
      .prepare(
        `SELECT kind, number, title, result, soa_applicable,
           EXISTS (SELECT 1 FROM finding_items fi WHERE fi.item_id = i.id) AS has_finding
         FROM checklist_items i WHERE audit_id = ? ORDER BY position`,
      )
      .all(auditId) as (Omit<GateItem, 'excludedBySoa' | 'hasFinding'> & {
      soa_applicable: number | null;
      has_finding: number;
    })[]
  ).map(({ soa_applicable, has_finding, ...i }) => ({
    ...i,
    excludedBySoa: soa_applicable === 0,
    hasFinding: has_finding === 1,
  }));
  const { drafts } = ctx.db
    .prepare("SELECT count(*) AS drafts FROM findings WHERE audit_id = ? AND status = 'draft'")
    .get(auditId) as { drafts: number };
  // This audit's and those carried into it: numbered with their audit's prefix, as two audits may each have an NC-01.
  const openMajors = (
    ctx.db
      .prepare(
        `SELECT f.number, a.type FROM findings f JOIN audits a ON a.id = f.audit_id
         WHERE f.audit_id = @auditId AND f.type = 'major' AND f.status NOT IN ('draft', 'verified', 'closed')
         UNION ALL
         SELECT f.number, a.type FROM carried_findings c JOIN findings f ON f.id = c.finding_id
           JOIN audits a ON a.id = f.audit_id
         WHERE c.audit_id = @auditId AND f.type = 'major' AND f.status NOT IN ('draft', 'verified', 'closed')`,
      )
      .all({ auditId }) as { number: string; type: AuditType }[]
  ).map((r) => qualifiedNumber(r.type, r.number));
  const last = ctx.db
    .prepare(
      'SELECT recommendation FROM recommendations WHERE audit_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    )
    .get(auditId) as { recommendation: Recommendation } | undefined;
  const issued = ctx.db
    .prepare("SELECT 1 FROM report_issues WHERE audit_id = ? AND kind = 'report' LIMIT 1")
    .get(auditId);
  return {
    ...audit,
    items,
    draftFindings: drafts,
    openMajors,
    recommendation: last?.recommendation ?? null,
    reportIssued: issued !== undefined,
  };
}

export const auditGates = (ctx: RepoContext, auditId: string, stage: GateStage): Gap[] =>
  gatesFor(stage, gateFacts(ctx, auditId));

/** Trail fields of a decision to go ahead with gaps open; the report prints them. */
export const OVERRIDE_FIELD: Record<GateStage, string> = {
  recommend: 'gates_override_recommend',
  issue: 'gates_override_issue',
  close: 'gates_override_close',
};

/**
 * Refuses going ahead with gaps open unless a reason is typed; with one, the
 * gaps and the reason go into the audit trail (append-only) in the caller's
 * transaction. The trail has no record type for an audit itself (migration 4's
 * CHECK), so these rows are filed under 'recommendation' with the audit's id:
 * every one of them bears on the team's conclusion.
 */
export function passGates(
  ctx: RepoContext,
  auditId: string,
  stage: GateStage,
  reason: string | undefined,
  by: string,
  /** Where the reason sits in the operation's input, for the refusal's field issue. */
  reasonPath: readonly (string | number)[] = ['reason'],
): Gap[] {
  const gaps = auditGates(ctx, auditId, stage);
  const refused = overrideError(stage, gaps, reason);
  if (refused) {
    // Each gap as its own issue too, so a screen can list them beside the reason field.
    throw new DomainError('invalid_input', refused, [
      { path: [...reasonPath], message: 'Say why you go ahead with these gaps open' },
      ...gaps.map((g, i) => ({ path: ['gaps', i], message: g.message })),
    ]);
  }
  if (gaps.length > 0) {
    const s = stamp(ctx);
    ctx.db
      .prepare(
        `INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
         VALUES ('recommendation', @auditId, @auditId, @field, @gaps, @reason, @now, @by, @device)`,
      )
      .run({
        auditId,
        field: OVERRIDE_FIELD[stage],
        gaps: gaps.map((g) => g.message).join('\n'),
        reason: (reason ?? '').trim(),
        now: s.now,
        by,
        device: s.device,
      });
  }
  return gaps;
}

export interface GateOverride {
  stage: GateStage;
  gaps: string[];
  reason: string;
  by: string;
  at: string;
}

/** Every decision to go ahead with gaps open, oldest first. */
export function gateOverrides(ctx: RepoContext, auditId: string): GateOverride[] {
  const stages = new Map(Object.entries(OVERRIDE_FIELD).map(([stage, field]) => [field, stage as GateStage]));
  return (
    ctx.db
      .prepare(
        `SELECT field, old_value, new_value, changed_by, changed_at FROM audit_trail
         WHERE record_type = 'recommendation' AND record_id = ? AND field LIKE 'gates_override_%' ORDER BY id`,
      )
      .all(auditId) as { field: string; old_value: string; new_value: string; changed_by: string; changed_at: string }[]
  ).flatMap((r) => {
    const stage = stages.get(r.field);
    return stage
      ? [{ stage, gaps: r.old_value.split('\n'), reason: r.new_value, by: r.changed_by, at: r.changed_at }]
      : [];
  });
}
