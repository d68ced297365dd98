import { DomainError } from '#shared/api/result';
import type { SamplingCandidate } from '#shared/domain/checklist';
import type { ChecklistTemplate } from '#shared/domain/template';
import { isAlwaysSampled } from '#shared/rules/checklist';
import type { RepoContext } from './context';

/** Certification cycles start with the initial Stage 2 or a recertification audit. */
const CYCLE_START_TYPES = new Set(['stage2', 'recertification']);

/**
 * What a surveillance audit can sample: every requirement and control of the
 * template. Internal audit, management review and improvement are preselected;
 * items that no audit of the client's current certification cycle has audited
 * yet are suggested, so the cycle covers the whole ISMS.
 */
export function samplingCandidates(
  ctx: RepoContext,
  clientId: string,
  template: ChecklistTemplate,
): SamplingCandidate[] {
  if (!ctx.db.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId)) {
    throw new DomainError('not_found', 'The chosen client does not exist (it may have been deleted).', [
      { path: ['clientId'], message: 'Choose an existing client' },
    ]);
  }
  const audited = auditedRefsInCycle(ctx, clientId);
  const groups = new Map(template.groups.map((g) => [g.id, g.title]));
  return template.items
    .filter((item) => item.kind !== 'topic')
    .map((item) => ({
      ref: item.ref,
      number: item.number,
      title: item.title,
      groupId: item.group,
      groupTitle: groups.get(item.group) ?? item.group,
      preselected: isAlwaysSampled(item.ref),
      suggested: !audited.has(item.ref),
    }));
}

/** Refs given a result (anything but "not yet audited") in the client's audits since the cycle began. */
function auditedRefsInCycle(ctx: RepoContext, clientId: string): Set<string> {
  const audits = ctx.db
    .prepare('SELECT id, type FROM audits WHERE client_id = ? ORDER BY start_date, id')
    .all(clientId) as { id: string; type: string }[];
  const start = audits.findLastIndex((a) => CYCLE_START_TYPES.has(a.type));
  const cycle = audits.slice(Math.max(start, 0)).map((a) => a.id);
  if (cycle.length === 0) return new Set();
  const rows = ctx.db
    .prepare(
      `SELECT DISTINCT ref FROM checklist_items
       WHERE result <> 'not_audited' AND audit_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(cycle)) as { ref: string }[];
  return new Set(rows.map((r) => r.ref));
}
