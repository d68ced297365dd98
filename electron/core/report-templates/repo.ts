import { DomainError } from '#shared/api/result';
import type { ExportKind } from '#shared/domain/report';
import type {
  MissingContent,
  ReportTemplate,
  ReportTemplateImport,
  ReportTemplateType,
  TemplateChoice,
} from '#shared/domain/report-templates';
import type { Language } from '#shared/i18n/languages';
import { newId } from '../ids';
import { stamp, type RepoContext } from '../repos/context';
import type { TemplateCheck } from './check';

interface Row {
  id: string;
  type: ReportTemplateType;
  language: Language;
  name: string;
  sha256: string;
  size: number;
  is_default: number;
  imported_at: string;
  imported_by: string;
  unknown_placeholders: string;
  missing_contents: string;
}

const COLUMNS =
  'id, type, language, name, sha256, size, is_default, imported_at, imported_by, unknown_placeholders, missing_contents';

const NOT_FOUND = 'This report template does not exist (it may have been removed).';

const toTemplate = (r: Row): ReportTemplate => ({
  id: r.id,
  type: r.type,
  language: r.language,
  name: r.name,
  sha256: r.sha256,
  size: r.size,
  isDefault: r.is_default === 1,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
  unknownPlaceholders: JSON.parse(r.unknown_placeholders) as string[],
  missingContents: JSON.parse(r.missing_contents) as MissingContent[],
});

export function listReportTemplates(
  ctx: RepoContext,
  filter: { type?: ReportTemplateType | undefined; language?: Language | undefined } = {},
): ReportTemplate[] {
  const rows = ctx.db
    .prepare(
      `SELECT ${COLUMNS} FROM report_templates
       WHERE (@type IS NULL OR type = @type) AND (@language IS NULL OR language = @language)
       ORDER BY type, language, name COLLATE NOCASE, id`,
    )
    .all({ type: filter.type ?? null, language: filter.language ?? null }) as Row[];
  return rows.map(toTemplate);
}

export function getReportTemplate(ctx: RepoContext, id: string): ReportTemplate {
  const row = ctx.db.prepare(`SELECT ${COLUMNS} FROM report_templates WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new DomainError('not_found', NOT_FOUND);
  return toTemplate(row);
}

/** The refusal of an import whose trial render found problems, unless the user saw them and kept it anyway. */
export function importWarnings(check: TemplateCheck): string | null {
  const parts: string[] = [];
  if (check.unknownPlaceholders.length > 0) {
    parts.push(
      `it uses placeholders Fieldwork does not fill, which would print empty: ${check.unknownPlaceholders.join(', ')}`,
    );
  }
  if (check.missingContents.length > 0) {
    parts.push(
      `it leaves out contents a report must have (ISO/IEC 17021-1 9.4.8): ${check.missingContents.map((m) => m.label).join('; ')}`,
    );
  }
  if (parts.length === 0) return null;
  return `The template was not imported: ${parts.join('; and ')}. Correct it in Word, or import it anyway confirming that you saw this (issuing with missing contents asks again).`;
}

type ParsedImport = Omit<ReportTemplateImport, 'acceptWarnings' | 'by'> & { by?: string };

/** Stores a checked template (the handler checks it before this transaction). */
export function insertReportTemplate(
  ctx: RepoContext,
  input: ParsedImport,
  bytes: Buffer,
  check: TemplateCheck,
): ReportTemplate {
  const s = stamp(ctx);
  const id = newId();
  ctx.db
    .prepare(
      `INSERT INTO report_templates (id, type, language, name, sha256, size, bytes, unknown_placeholders,
         missing_contents, is_default, imported_at, imported_by, created_at, updated_at, device_id)
       VALUES (@id, @type, @language, @name, @sha256, @size, @bytes, @unknown, @missing, 0, @now, @by, @now, @now, @device)`,
    )
    .run({
      id,
      type: input.type,
      language: input.language,
      name: input.name.trim(),
      sha256: check.sha256,
      size: bytes.length,
      bytes,
      unknown: JSON.stringify(check.unknownPlaceholders),
      missing: JSON.stringify(check.missingContents),
      by: input.by ?? '',
      now: s.now,
      device: s.device,
    });
  return getReportTemplate(ctx, id);
}

export function removeReportTemplate(ctx: RepoContext, id: string): { id: string } {
  getReportTemplate(ctx, id);
  ctx.db.prepare('DELETE FROM report_templates WHERE id = ?').run(id);
  return { id };
}

/** Makes a template the default of its type and language (the one before stops being it), or no longer the default. */
export function setDefaultReportTemplate(ctx: RepoContext, id: string, isDefault: boolean): ReportTemplate {
  const t = getReportTemplate(ctx, id);
  const now = ctx.now();
  if (isDefault) {
    ctx.db
      .prepare(
        'UPDATE report_templates SET is_default = 0, updated_at = ?, device_id = ? WHERE type = ? AND language = ? AND is_default = 1 AND id <> ?',
      )
      .run(now, ctx.deviceId, t.type, t.language, id);
  }
  ctx.db
    .prepare('UPDATE report_templates SET is_default = ?, updated_at = ?, device_id = ? WHERE id = ?')
    .run(isDefault ? 1 : 0, now, ctx.deviceId, id);
  return getReportTemplate(ctx, id);
}

/** A stored template with its bytes, as an export takes it. */
export interface TemplateForExport extends ReportTemplate {
  bytes: Buffer;
}

const TYPE_OF: Readonly<Record<ExportKind, ReportTemplateType>> = {
  report: 'report',
  nc_list: 'nc-list',
  plan: 'plan',
};

/**
 * The layout an export uses: the template chosen (it must be of the export's
 * kind), the built-in one when asked, else the default template of the kind
 * and language, else the built-in layout (null).
 */
export function templateForExport(
  ctx: RepoContext,
  kind: ExportKind,
  language: Language,
  choice: TemplateChoice | undefined,
): TemplateForExport | null {
  if (choice === 'builtin') return null;
  const id =
    choice ??
    (ctx.db
      .prepare('SELECT id FROM report_templates WHERE type = ? AND language = ? AND is_default = 1')
      .pluck()
      .get(TYPE_OF[kind], language) as string | undefined);
  if (id === undefined) return null;
  const t = getReportTemplate(ctx, id);
  if (t.type !== TYPE_OF[kind]) {
    throw new DomainError(
      'invalid_input',
      `The template "${t.name}" is for the ${t.type === 'nc-list' ? 'nonconformity list' : t.type === 'plan' ? 'audit plan' : 'audit report'}, not for this document.`,
    );
  }
  const bytes = ctx.db.prepare('SELECT bytes FROM report_templates WHERE id = ?').pluck().get(id) as Buffer;
  return { ...t, bytes };
}
