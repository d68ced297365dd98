import { z } from 'zod';

/**
 * A checklist template: data, not code. Built-in ones live in resources/templates,
 * a certification body may import its own. Wording (questions, evidence hints)
 * is always our own or the certification body's, never the standard's text.
 */
export const TEMPLATE_STAGES = ['stage1', 'stage2'] as const;
export const TemplateStage = z.enum(TEMPLATE_STAGES);
export type TemplateStage = z.infer<typeof TemplateStage>;

export const ITEM_KINDS = ['clause', 'control', 'topic'] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

const slug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Use lower-case letters, digits, dots, dashes or underscores');

export const TemplateGroup = z.strictObject({
  /** e.g. "4" (clause 4) or "A.5" (organizational controls) or "s1-docs". */
  id: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  /** Clause groups and Annex A themes are filtered separately on the checklist screen. */
  kind: z.enum(['clause', 'theme', 'topic']),
});
export type TemplateGroup = z.infer<typeof TemplateGroup>;

export const TemplateItem = z.strictObject({
  /** Unique within the template; stable across versions: "4.1", "6.1.2", "A.5.1", "S1.scope". */
  ref: z.string().min(1).max(40),
  kind: ItemKind,
  /** The group's id this item belongs to. */
  group: z.string().min(1).max(40),
  /** Clause or control number as printed: "4.1", "5.1"; empty for Stage 1 topics. */
  number: z.string().max(20),
  title: z.string().min(1).max(300),
  questions: z.array(z.string().min(1).max(1000)).min(1, 'Every item needs at least one audit question').max(4),
  evidence: z.array(z.string().min(1).max(1000)).min(1, 'Every item needs at least one evidence hint').max(10),
  /** For Stage 1 topics: the clauses (and controls) they cover, e.g. ["4.3", "6.1.3"]. */
  clauses: z.array(z.string().min(1).max(20)).max(30).default([]),
});
export type TemplateItem = z.infer<typeof TemplateItem>;

export const ChecklistTemplate = z
  .strictObject({
    id: slug,
    version: z.string().min(1).max(40),
    title: z.string().min(1).max(300),
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Use a language tag such as "en" or "de-DE"'),
    stage: TemplateStage,
    standard: z.string().min(1).max(100),
    groups: z.array(TemplateGroup).min(1).max(100),
    items: z.array(TemplateItem).min(1).max(2000),
  })
  .superRefine((t, ctx) => {
    const groups = new Set<string>();
    t.groups.forEach((g, i) => {
      if (groups.has(g.id))
        ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: `Duplicate group "${g.id}"` });
      groups.add(g.id);
    });
    const refs = new Set<string>();
    t.items.forEach((item, i) => {
      if (refs.has(item.ref))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'ref'], message: `Duplicate item "${item.ref}"` });
      refs.add(item.ref);
      if (!groups.has(item.group)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'group'], message: `Unknown group "${item.group}"` });
      }
    });
  });
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;

export const TemplateSummary = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  language: z.string(),
  stage: TemplateStage,
  standard: z.string(),
  builtin: z.boolean(),
  itemCount: z.number().int(),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;
