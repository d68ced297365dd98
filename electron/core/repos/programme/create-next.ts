import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import { AUDIT_TYPE_LABELS } from '#shared/domain/audit';
import { NEXT_AUDIT_TYPE } from '#shared/rules/findings';
import { createAudit, getAudit } from '../audits';
import { stamp, type RepoContext } from '../context';

/**
 * The next audit of the cycle, created from one that has taken place: same
 * client, scope, sites, mode, objectives, criteria and team (as new members, so
 * edits to one audit's team never touch another's). The checklist is made the
 * way audits.create makes it. Every issued finding of the client's other audits
 * that is not closed is carried into it, to be verified there.
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
       WHERE a.client_id = @clientId AND a.id <> @id AND f.status NOT IN ('draft', 'closed')
       ORDER BY a.start_date, f.number`,
    )
    .run({ id: created.id, clientId: from.clientId, now: s.now, device: s.device });
  return { id: created.id };
}
