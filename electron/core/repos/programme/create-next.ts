import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import { AUDIT_TYPE_LABELS } from '#shared/domain/audit';
import { NEXT_AUDIT_TYPE } from '#shared/rules/findings';
import { planNextError } from '#shared/rules/gates/cycle';
import { createAudit, getAudit } from '../audits';
import { stamp, type RepoContext } from '../context';

/**
 * The next audit of the cycle, created from one that has taken place: same
 * client, scope, sites, mode, objectives, criteria and team (as new members, so
 * edits to one audit's team never touch another's). The checklist is made the
 * way audits.create makes it. Every issued finding of the client's other audits
 * that is not closed is carried into it, to be verified there. The audit it
 * follows must be closed, or a reason given (kept in the audit trail); the
 * client's Statement of Applicability is carried into the new checklist, so the
 * next SoA import shows what changed since.
 */
export function createNextAudit(ctx: RepoContext, input: OpParsed<'programme.createNext'>): { id: string } {
  const from = getAudit(ctx, input.fromAuditId);
  if (from.status === 'planned') {
    throw new DomainError(
      'conflict',
      'The next audit can be created only from an audit that has taken place; this one is still planned.',
    );
  }
  const type = NEXT_AUDIT_TYPE[from.type];
  if (!type) {
    throw new DomainError(
      'conflict',
      `A ${AUDIT_TYPE_LABELS[from.type].toLowerCase()} audit is outside the certification cycle; create the next audit from the latest Stage 2, surveillance or recertification audit.`,
    );
  }
  const refused = planNextError(from, input.reason);
  if (refused) throw new DomainError('invalid_input', refused, [{ path: ['reason'], message: refused }]);
  const created = createAudit(ctx, {
    clientId: from.clientId,
    standard: from.standard,
    type,
    scope: from.scope,
    siteIds: from.siteIds,
    startDate: input.startDate,
    endDate: input.endDate,
    mode: from.mode,
    team: from.team.map((m) => ({ name: m.name, email: m.email, role: m.role })),
    objectives: from.objectives,
    criteria: from.criteria,
    ...(input.sampledRefs ? { sampledRefs: input.sampledRefs } : {}),
  });
  const s = stamp(ctx);
  ctx.db.prepare('UPDATE audits SET previous_audit_id = ? WHERE id = ?').run(from.id, created.id);
  ctx.db
    .prepare(
      `INSERT INTO carried_findings (audit_id, finding_id, created_at, updated_at, device_id)
       SELECT @id, f.id, @now, @now, @device FROM findings f JOIN audits a ON a.id = f.audit_id
       WHERE a.client_id = @clientId AND a.id <> @id AND f.status NOT IN ('draft', 'closed') AND a.type <> 'gap_analysis'
       ORDER BY a.start_date, f.number`,
    )
    .run({ id: created.id, clientId: from.clientId, now: s.now, device: s.device });
  carrySoa(ctx, from.id, created.id, s);
  if (from.status !== 'closed') {
    ctx.db
      .prepare(
        `INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
         VALUES ('recommendation', @from, @from, 'next_planned_before_close', @status, @reason, @now, @by, @device)`,
      )
      .run({
        from: from.id,
        status: from.status,
        reason: (input.reason ?? '').trim(),
        now: s.now,
        by: input.by.trim(),
        device: s.device,
      });
  }
  return { id: created.id };
}

/** The previous audit's SoA entries and version, by ref, into the new checklist; excluded controls are N/A there too, as soa.apply makes them. */
function carrySoa(ctx: RepoContext, fromId: string, toId: string, s: { now: string; device: string }): void {
  const head = ctx.db.prepare('SELECT soa_version, soa_imported_at FROM audits WHERE id = ?').get(fromId) as {
    soa_version: string | null;
    soa_imported_at: string | null;
  };
  if (head.soa_imported_at === null) return;
  ctx.db
    .prepare(
      `UPDATE checklist_items AS n SET soa_applicable = p.soa_applicable, soa_justification = p.soa_justification,
         soa_status = p.soa_status, updated_at = @now, device_id = @device,
         result = CASE WHEN p.soa_applicable = 0 THEN 'not_applicable' ELSE n.result END
       FROM checklist_items AS p
       WHERE n.audit_id = @to AND n.kind = 'control' AND p.audit_id = @from AND p.ref = n.ref
         AND p.soa_applicable IS NOT NULL`,
    )
    .run({ to: toId, from: fromId, now: s.now, device: s.device });
  ctx.db
    .prepare('UPDATE audits SET soa_version = ?, soa_imported_at = ?, updated_at = ?, device_id = ? WHERE id = ?')
    .run(head.soa_version, head.soa_imported_at, s.now, s.device, toId);
}
