import { DomainError } from '#shared/api/result';
import type { ExportKind } from '#shared/domain/report';
import type { TemplateChoice } from '#shared/domain/report-templates';
import type { ReportModel } from '../export/report/model';
import { stamp, type RepoContext } from '../repos/context';
import { templateForExport } from './repo';
import type { TemplateTask } from './write';

/** The trail's field for "issued in this template" (migration 4's trail: filed under the audit's conclusion). */
export const TEMPLATE_TRAIL_FIELD = 'report_template';

/**
 * The template an export is rendered from (export/prepare.ts), in its
 * transaction: the one chosen, else the default of the document's type and
 * language, else none (the built-in layout). The audit plan is always built in:
 * its model is not the report's. Issuing in a template that leaves out required
 * contents needs `confirmed`; the issue records in the audit trail which
 * template (name and SHA-256) and what it lacked, and who confirmed.
 */
export function templateTaskFor(
  ctx: RepoContext,
  input: { auditId: string; kind: ExportKind; template?: TemplateChoice | undefined; templateConfirmed?: boolean },
  model: ReportModel,
  issuedBy: string | null,
): TemplateTask | null {
  if (input.kind === 'plan') {
    if (input.template && input.template !== 'builtin') {
      throw new DomainError('invalid_input', 'The audit plan is written in the built-in layout only, for now.');
    }
    return null;
  }
  const t = templateForExport(ctx, input.kind, model.language, input.template);
  if (!t) return null;
  if (issuedBy !== null) {
    if (t.missingContents.length > 0 && !input.templateConfirmed) {
      throw new DomainError(
        'invalid_input',
        `The template "${t.name}" leaves out contents a report must have (ISO/IEC 17021-1 9.4.8): ${t.missingContents.map((m) => m.label).join('; ')}. Confirm to issue in it anyway, or choose another layout.`,
        [{ path: ['templateConfirmed'], message: 'Confirm that you issue in a template with contents missing' }],
      );
    }
    const s = stamp(ctx);
    ctx.db
      .prepare(
        `INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
         VALUES ('recommendation', @auditId, @auditId, @field, @missing, @template, @now, @by, @device)`,
      )
      .run({
        auditId: input.auditId,
        field: TEMPLATE_TRAIL_FIELD,
        missing: t.missingContents.map((m) => m.label).join('\n'),
        template: `${t.name} (SHA-256 ${t.sha256})`,
        now: s.now,
        by: issuedBy,
        device: s.device,
      });
  }
  return { bytes: t.bytes, sha256: t.sha256, name: t.name, language: t.language };
}
