import { DomainError } from '#shared/api/result';
import type { ReportDetails, ReportDetailsInput } from '#shared/domain/report';
import type { z } from 'zod';
import { stamp, type RepoContext } from './context';

type DetailsData = z.output<typeof ReportDetailsInput>;
type Field = Exclude<keyof DetailsData, never>;

/** camelCase field → column of audit_reports. */
const COLUMNS: Record<Field, string> = {
  ismsDocumentation: 'isms_documentation',
  places: 'places',
  auditorDays: 'auditor_days',
  timeNotes: 'time_notes',
  processes: 'processes',
  deviations: 'deviations',
  documentsSummary: 'documents_summary',
  riskAssessment: 'risk_assessment',
  sampling: 'sampling',
  conclusionInternalAudit: 'conclusion_internal_audit',
  conclusionManagementReview: 'conclusion_management_review',
  conclusionScope: 'conclusion_scope',
  conclusionObjectives: 'conclusion_objectives',
  certificateMarkUse: 'certificate_mark_use',
  unresolvedIssues: 'unresolved_issues',
};
const FIELDS = Object.keys(COLUMNS) as Field[];

function requireAudit(ctx: RepoContext, auditId: string): void {
  if (!ctx.db.prepare('SELECT 1 FROM audits WHERE id = ?').get(auditId)) {
    throw new DomainError('not_found', 'That audit does not exist (it may have been deleted).');
  }
}

/** The lead auditor's report texts; empty until first saved. */
export function getReportDetails(ctx: RepoContext, auditId: string): ReportDetails {
  requireAudit(ctx, auditId);
  const row = ctx.db.prepare('SELECT * FROM audit_reports WHERE audit_id = ?').get(auditId) as
    Record<string, unknown> | undefined;
  const out = Object.fromEntries(
    FIELDS.map((f) => [f, row ? row[COLUMNS[f]] : f === 'auditorDays' ? null : '']),
  ) as DetailsData;
  return {
    ...out,
    updatedAt: (row?.updated_at as string | undefined) ?? null,
    updatedBy: (row?.updated_by as string | undefined) ?? '',
  };
}

export function saveReportDetails(ctx: RepoContext, auditId: string, data: DetailsData, by: string): ReportDetails {
  requireAudit(ctx, auditId);
  const s = stamp(ctx);
  const cols = FIELDS.map((f) => COLUMNS[f]);
  ctx.db
    .prepare(
      `INSERT INTO audit_reports (audit_id, ${cols.join(', ')}, updated_by, created_at, updated_at, device_id)
       VALUES (@auditId, ${FIELDS.map((f) => `@${f}`).join(', ')}, @by, @now, @now, @device)
       ON CONFLICT (audit_id) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')},
         updated_by = excluded.updated_by, updated_at = excluded.updated_at, device_id = excluded.device_id`,
    )
    .run({ ...data, auditId, by, now: s.now, device: s.device });
  return getReportDetails(ctx, auditId);
}
