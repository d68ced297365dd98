import { DomainError } from '#shared/api/result';
import type { AuditType } from '#shared/domain/audit';
import type { ChecklistTemplate, TemplateItem } from '#shared/domain/template';
import { defaultTemplateFor, isSurveillance } from '#shared/rules/checklist';
import { newId } from '../ids';
import { findTemplate } from '../templates/store';
import type { RepoContext, Stamp } from './context';
import { samplingCandidates } from './sampling';

export interface ChosenChecklist {
  template: ChecklistTemplate;
  items: TemplateItem[];
}

/** The template named by `templateId`, else the default for the audit type; unknown ids are the caller's mistake. */
export function resolveTemplate(ctx: RepoContext, templateId: string | undefined, type: AuditType): ChecklistTemplate {
  const id = templateId ?? defaultTemplateFor(type);
  const found = findTemplate(ctx, id);
  if (!found) {
    throw new DomainError('invalid_input', `There is no checklist template "${id}".`, [
      { path: ['templateId'], message: 'Choose one of the available checklist templates' },
    ]);
  }
  return found.template;
}

/**
 * Which template items a new audit gets: all of them, or for a surveillance
 * audit the sampled subset (by default the preselected and suggested ones).
 */
export function chooseChecklist(
  ctx: RepoContext,
  input: { clientId: string; type: AuditType; templateId?: string | undefined; sampledRefs?: string[] | undefined },
): ChosenChecklist {
  const template = resolveTemplate(ctx, input.templateId, input.type);
  if (!isSurveillance(input.type)) {
    if (input.sampledRefs !== undefined) {
      throw new DomainError('invalid_input', 'Only surveillance audits sample a subset of the checklist.', [
        { path: ['sampledRefs'], message: 'Only surveillance audits sample a subset of the checklist' },
      ]);
    }
    return { template, items: template.items };
  }
  const candidates = samplingCandidates(ctx, input.clientId, template);
  const known = new Set(candidates.map((c) => c.ref));
  const refs = input.sampledRefs ?? candidates.filter((c) => c.preselected || c.suggested).map((c) => c.ref);
  const unknown = refs.map((ref, i) => ({ ref, i })).filter(({ ref }) => !known.has(ref));
  if (unknown.length > 0) {
    const names = unknown.map((u) => u.ref);
    const list = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
    throw new DomainError(
      'invalid_input',
      `These sampled items are not requirements or controls of ${template.title}: ${list}.`,
      unknown.map((u) => ({ path: ['sampledRefs', u.i], message: `"${u.ref}" is not in the template` })),
    );
  }
  if (refs.length === 0) {
    throw new DomainError('invalid_input', 'Choose at least one requirement or control to sample.', [
      { path: ['sampledRefs'], message: 'Choose at least one requirement or control to sample' },
    ]);
  }
  const chosen = new Set(refs);
  return { template, items: template.items.filter((item) => chosen.has(item.ref)) };
}

/** Copies the chosen items into the audit: later template changes never reach an existing audit. */
export function insertChecklistItems(ctx: RepoContext, s: Stamp, auditId: string, chosen: ChosenChecklist): void {
  const groups = new Map(chosen.template.groups.map((g) => [g.id, g]));
  const insert = ctx.db.prepare(
    `INSERT INTO checklist_items (id, audit_id, position, ref, kind, group_id, group_title, group_kind, number, title,
                                  questions, evidence, clauses, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  chosen.items.forEach((item, position) => {
    const group = groups.get(item.group)!; // ChecklistTemplate guarantees every item's group exists
    insert.run(
      newId(),
      auditId,
      position,
      item.ref,
      item.kind,
      group.id,
      group.title,
      group.kind,
      item.number,
      item.title,
      JSON.stringify(item.questions),
      JSON.stringify(item.evidence),
      JSON.stringify(item.clauses),
      s.now,
      s.now,
      s.device,
    );
  });
}
