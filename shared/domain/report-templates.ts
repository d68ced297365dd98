import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { Id, text } from './common';
import { Actor } from './finding';

/**
 * A certification body's own Word template (issue 17 §3): a .docx with
 * docxtemplater placeholders (`{clientName}`, `{#findings}…{/findings}`,
 * docs/REPORT-TEMPLATES.md), per document type and report language. Exports
 * use the default template of their type and language, else the built-in layout.
 */
export const REPORT_TEMPLATE_TYPES = ['report', 'nc-list', 'plan'] as const;
export const ReportTemplateType = z.enum(REPORT_TEMPLATE_TYPES, { error: 'Use report, nc-list or plan' });
export type ReportTemplateType = z.infer<typeof ReportTemplateType>;

export const REPORT_TEMPLATE_TYPE_LABELS: Record<ReportTemplateType, string> = {
  report: 'Audit report',
  'nc-list': 'Nonconformity list',
  plan: 'Audit plan',
};

export const TemplateLanguage = z.enum(LANGUAGES, { error: 'Use en, de or fr' });

/** A Word template is a few hundred KB; well above that, well below an 8 MiB request once in base64. */
export const REPORT_TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;

/** One of the report contents ISO/IEC 17021-1 9.4.8 asks for that a template leaves out. */
export const MissingContent = z.object({ key: z.string(), label: z.string() });
export type MissingContent = z.infer<typeof MissingContent>;

export const ReportTemplate = z.object({
  id: Id,
  type: ReportTemplateType,
  language: TemplateLanguage,
  name: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  isDefault: z.boolean(),
  importedAt: z.string(),
  importedBy: z.string(),
  /** Placeholders the template uses that Fieldwork does not fill (they print empty). */
  unknownPlaceholders: z.array(z.string()),
  missingContents: z.array(MissingContent),
});
export type ReportTemplate = z.infer<typeof ReportTemplate>;

export const ReportTemplateImport = z.strictObject({
  type: ReportTemplateType,
  language: TemplateLanguage,
  name: text(200, 'Name').refine((s) => s.trim().length > 0, 'Give the template a name'),
  /** The .docx file, base64. */
  dataBase64: z
    .string()
    .max(Math.ceil(REPORT_TEMPLATE_MAX_BYTES / 3) * 4 + 4, 'The template is larger than 5 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64'),
  /** Keep it although the trial render found unknown placeholders or missing contents (the user saw them). */
  acceptWarnings: z.boolean().default(false),
  by: Actor,
});
export type ReportTemplateImport = z.input<typeof ReportTemplateImport>;

export const ReportTemplateList = z.strictObject({
  type: ReportTemplateType.optional(),
  language: TemplateLanguage.optional(),
});

/** Makes the template its type and language's default; `isDefault: false` makes it no longer the default. */
export const ReportTemplateSetDefault = z.strictObject({ id: Id, isDefault: z.boolean().default(true) });

/**
 * How an export picks its layout: a template's id, 'builtin' for the built-in
 * layout, or absent for the default template of its type and language (else built-in).
 */
export const TemplateChoice = z.union([z.literal('builtin'), Id]);
export type TemplateChoice = z.infer<typeof TemplateChoice>;
