import { DomainError } from '#shared/api/result';
import { ChecklistTemplate, type TemplateSummary } from '#shared/domain/template';
import { STAGE1_TEMPLATE_ID, STAGE2_TEMPLATE_ID } from '#shared/rules/checklist';
import { newId } from '../ids';
import { stamp, type RepoContext } from '../repos/context';
import { describeTemplateIssues } from './issues';

export interface ResolvedTemplate {
  template: ChecklistTemplate;
  builtin: boolean;
}

interface ImportedRow {
  template_id: string;
  version: string;
  title: string;
  language: string;
  stage: TemplateSummary['stage'];
  standard: string;
  item_count: number;
}

/** "1.10" is newer than "1.9": digit runs compare as numbers, everything else as text. */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => v.match(/\d+|\D+/g) ?? [];
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1;
    const d = /^\d/.test(p) && /^\d/.test(q) ? Number(p) - Number(q) : p < q ? -1 : p > q ? 1 : 0;
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

const summaryOf = (t: ChecklistTemplate, builtin: boolean): TemplateSummary => ({
  id: t.id,
  version: t.version,
  title: t.title,
  language: t.language,
  stage: t.stage,
  standard: t.standard,
  builtin,
  itemCount: t.items.length,
});

const newestFirst = <T extends { id: string; version: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => (a.id === b.id ? compareVersions(b.version, a.version) : a.id < b.id ? -1 : 1));

const newestPerId = <T extends { id: string; version: string }>(list: T[]): T[] =>
  newestFirst(list).filter((t, i, all) => i === 0 || all[i - 1]!.id !== t.id);

/** The templates an audit can be created from: built-in ones first, then imported ones; the newest version of each. */
export function listTemplates(ctx: RepoContext): TemplateSummary[] {
  const imported = (
    ctx.db
      .prepare(
        `SELECT template_id, version, title, language, stage, standard,
                json_array_length(body, '$.items') AS item_count
         FROM checklist_templates`,
      )
      .all() as ImportedRow[]
  ).map((r): TemplateSummary => ({
    id: r.template_id,
    version: r.version,
    title: r.title,
    language: r.language,
    stage: r.stage,
    standard: r.standard,
    builtin: false,
    itemCount: r.item_count,
  }));
  const builtin = ctx.builtinTemplates.map((t) => summaryOf(t, true));
  return [...newestPerId(builtin), ...newestPerId(imported)];
}

/** One template by id: the given version, or the newest one when no version is given. */
export function findTemplate(ctx: RepoContext, id: string, version?: string): ResolvedTemplate | null {
  const builtin = newestFirst(ctx.builtinTemplates.filter((t) => t.id === id && (!version || t.version === version)));
  if (builtin[0]) return { template: builtin[0], builtin: true };
  const rows = ctx.db.prepare('SELECT version, body FROM checklist_templates WHERE template_id = ?').all(id) as {
    version: string;
    body: string;
  }[];
  const row = rows
    .filter((r) => !version || r.version === version)
    .sort((a, b) => compareVersions(b.version, a.version))[0];
  // Stored bodies were validated on import; parsing again restores defaults and types.
  return row ? { template: ChecklistTemplate.parse(JSON.parse(row.body)), builtin: false } : null;
}

/** The title an audit's checklist shows: its exact version's, else the template's newest, else the bare id. */
export function templateTitle(ctx: RepoContext, id: string, version: string): string {
  if (!id) return '';
  return (findTemplate(ctx, id, version) ?? findTemplate(ctx, id))?.template.title ?? id;
}

/**
 * Imports a certification body's own template. Built-in ids are reserved, and
 * a version once imported is immutable (audits cite it): the same content
 * again is accepted as a no-op, different content needs a new version.
 */
export function importTemplate(ctx: RepoContext, raw: unknown): TemplateSummary {
  const parsed = ChecklistTemplate.safeParse(raw);
  if (!parsed.success) {
    const { message, issues } = describeTemplateIssues(parsed.error);
    throw new DomainError('invalid_input', `This template is not valid — ${message}`, issues);
  }
  const t = parsed.data;
  const reserved = [STAGE1_TEMPLATE_ID, STAGE2_TEMPLATE_ID, ...ctx.builtinTemplates.map((b) => b.id)];
  if (reserved.includes(t.id)) {
    throw new DomainError(
      'conflict',
      `"${t.id}" is the id of a built-in template and cannot be replaced; give your template its own id.`,
    );
  }
  const body = JSON.stringify(t);
  const existing = ctx.db
    .prepare('SELECT body FROM checklist_templates WHERE template_id = ? AND version = ?')
    .get(t.id, t.version) as { body: string } | undefined;
  if (existing) {
    if (existing.body === body) return summaryOf(t, false);
    throw new DomainError(
      'conflict',
      `Template ${t.id} version ${t.version} is already imported with different content; bump the version to import the changes.`,
    );
  }
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `INSERT INTO checklist_templates (id, template_id, version, title, language, stage, standard, body, imported_at,
                                        created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(newId(), t.id, t.version, t.title, t.language, t.stage, t.standard, body, s.now, s.now, s.now, s.device);
  return summaryOf(t, false);
}
