import { rollup } from '#shared/rules/rollup';
import { createAudit, deleteAudit, getAudit, listAudits, setAuditStatus, updateAudit } from '../repos/audits';
import { auditPage } from '../repos/audits-page';
import { itemRows, requireAudit } from '../repos/checklist';
import { resolveTemplate } from '../repos/checklist-instantiate';
import type { RepoContext } from '../repos/context';
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
  'audits.setStatus': tx(({ id, status }) => setAuditStatus(ctx, id, status)),
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
    }));
    return rollup(items, team);
  }),
});
