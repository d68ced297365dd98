import type { AuditPlan, PlanSaveInput } from '#shared/domain/plan';
import type { z } from 'zod';
import { getAudit } from '../audits';
import { requireEditableAudit } from '../checklist';
import { stamp, type RepoContext } from '../context';
import { listSessions } from './sessions';

type SaveInput = z.output<typeof PlanSaveInput>;

/** The audit's plan: its own fields, sites and team as recorded on the audit, plus the plan's notes and sessions. */
export function getPlan(ctx: RepoContext, auditId: string): AuditPlan {
  const audit = getAudit(ctx, auditId);
  const row = ctx.db
    .prepare('SELECT notes, updated_at, updated_by FROM audit_plans WHERE audit_id = ?')
    .get(auditId) as { notes: string; updated_at: string; updated_by: string } | undefined;
  const sites = ctx.db
    .prepare(
      `SELECT s.id, s.name, s.address FROM audit_sites a JOIN client_sites s ON s.id = a.site_id
       WHERE a.audit_id = ? ORDER BY s.position`,
    )
    .all(auditId) as AuditPlan['sites'];
  return {
    auditId,
    clientName: audit.clientName,
    type: audit.type,
    standard: audit.standard,
    startDate: audit.startDate,
    endDate: audit.endDate,
    mode: audit.mode,
    objectives: audit.objectives,
    scope: audit.scope,
    criteria: audit.criteria,
    notes: row?.notes ?? '',
    sites,
    team: audit.team,
    sessions: listSessions(ctx, auditId),
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? '',
  };
}

/**
 * Saves the plan's texts. Objectives, scope and criteria are the audit's own
 * fields (the report prints them), so they are written to the audit; only
 * what changed gets new stamps.
 */
export function savePlan(ctx: RepoContext, input: SaveInput): AuditPlan {
  requireEditableAudit(ctx, input.auditId);
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `UPDATE audits SET objectives = @objectives, scope = @scope, criteria = @criteria, updated_at = @now, device_id = @device
       WHERE id = @id AND (objectives IS NOT @objectives OR scope IS NOT @scope OR criteria IS NOT @criteria)`,
    )
    .run({
      id: input.auditId,
      objectives: input.objectives,
      scope: input.scope,
      criteria: input.criteria,
      now: s.now,
      device: s.device,
    });
  ctx.db
    .prepare(
      `INSERT INTO audit_plans (audit_id, notes, updated_by, created_at, updated_at, device_id)
       VALUES (@id, @notes, @by, @now, @now, @device)
       ON CONFLICT (audit_id) DO UPDATE SET notes = @notes, updated_by = @by, updated_at = @now, device_id = @device
       WHERE notes IS NOT @notes`,
    )
    .run({ id: input.auditId, notes: input.notes, by: input.by, now: s.now, device: s.device });
  return getPlan(ctx, input.auditId);
}
