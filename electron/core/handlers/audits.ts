import { rollup } from '#shared/rules/rollup';
import { createAudit, deleteAudit, getAudit, listAudits, setAuditStatus, updateAudit } from '../repos/audits';
import { auditPage } from '../repos/audits-page';
import { itemRows, requireAudit } from '../repos/checklist';
import { resolveTemplate } from '../repos/checklist-instantiate';
import type { RepoContext } from '../repos/context';
import { passGates } from '../repos/gate-facts';
import { samplingCandidates } from '../repos/sampling';
import type { Handlers, Tx } from './types';

type AuditOps =
  | 'audits.list'
  | 'audits.page'
  | 'audits.get'
  | 'audits.create'
  | 'audits.update'
  | 'audits.setStatus'
  | 'audits.delete'
  | 'audits.samplingCandidates'
  | 'audits.dashboard';

export const auditHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, AuditOps> => ({
  'audits.list': tx((q) => listAudits(ctx, q)),
  'audits.page': tx((q) => auditPage(ctx, q)),
  'audits.get': tx(({ id }) => getAudit(ctx, id)),
  'audits.create': tx((input) => createAudit(ctx, input)),
  'audits.update': tx(({ id, audit }) => updateAudit(ctx, id, audit)),
  // Closing reads the completeness gates: with gaps open it needs a typed reason, kept in the audit trail.
  'audits.setStatus': tx(({ id, status, reason, by }) => {
    if (status === 'closed') {
      const audit = requireAudit(ctx, id);
      if (audit.status === 'reporting') passGates(ctx, id, 'close', reason, by.trim());
    }
    return setAuditStatus(ctx, id, status);
  }),
  'audits.delete': tx(({ id }) => {
    deleteAudit(ctx, id);
    return { id };
  }),
  // Candidates are offered before the audit exists, so they use the Stage 2 default of surveillance audits.
  'audits.samplingCandidates': tx(({ clientId, templateId }) => {
    const template = resolveTemplate(ctx, templateId, 'surveillance1');
    return {
      templateId: template.id,
      templateVersion: template.version,
      items: samplingCandidates(ctx, clientId, template),
    };
  }),
  'audits.dashboard': tx(({ auditId }) => {
    requireAudit(ctx, auditId);
    const team = ctx.db
      .prepare('SELECT id, name FROM audit_team WHERE audit_id = ? ORDER BY position')
      .all(auditId) as { id: string; name: string }[];
    const items = itemRows(ctx, auditId).map((r) => ({
      groupId: r.group_id,
      groupTitle: r.group_title,
      groupKind: r.group_kind,
      result: r.result,
      assigneeId: r.assignee_id,
      hasFinding: r.has_finding === 1,
    }));
    return rollup(items, team);
  }),
});
