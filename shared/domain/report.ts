import { z } from 'zod';
import { AuditType } from './audit';
import { Id, text } from './common';
import { Actor } from './finding';
import { Unlock, VerifyResult } from './signing';
import { labelsEn } from '#shared/i18n/labels/en';
import { LANGUAGES } from '#shared/i18n/languages';
import { TemplateChoice } from './report-templates';

/** What the audit report says that the audit record does not already hold; written by the lead auditor. */
const detailFields = {
  /** The client's ISMS documentation the audit was held against (policy, manual, risk method…). */
  ismsDocumentation: text(4000, 'ISMS documentation').default(''),
  /** Dates and places: which site on which day. */
  places: text(4000, 'Dates and places').default(''),
  /** Time spent on the audit, in auditor-days. */
  auditorDays: z.number().min(0, 'Cannot be negative').max(1000, 'At most 1000 auditor-days').nullable().default(null),
  timeNotes: text(2000, 'Time notes').default(''),
  /** Processes and functions covered. */
  processes: text(4000, 'Processes covered').default(''),
  /** Deviations from the audit plan and why. */
  deviations: text(8000, 'Deviations from the plan').default(''),
  documentsSummary: text(8000, 'Documents reviewed summary').default(''),
  /** How the client's risk assessment and risk treatment were audited. */
  riskAssessment: text(8000, 'Risk assessment and treatment').default(''),
  /** What was sampled (the report always states that the audit was based on sampling). */
  sampling: text(8000, 'Sampling').default(''),
  conclusionInternalAudit: text(8000, 'Internal audit conclusion').default(''),
  conclusionManagementReview: text(8000, 'Management review conclusion').default(''),
  conclusionScope: text(8000, 'Scope conclusion').default(''),
  conclusionObjectives: text(8000, 'Audit objectives conclusion').default(''),
  certificateMarkUse: text(8000, 'Certificate and mark use').default(''),
  unresolvedIssues: text(8000, 'Unresolved issues').default(''),
};

export const ReportDetailsInput = z.strictObject(detailFields);
export type ReportDetailsInput = z.input<typeof ReportDetailsInput>;
export const ReportDetails = z.object({
  ...detailFields,
  updatedAt: z.string().nullable(),
  updatedBy: z.string(),
});
export type ReportDetails = z.output<typeof ReportDetails>;

/** 'plan' (the audit plan) is signed when asked but never issued: no report number, version or frozen copy. */
export const EXPORT_KINDS = ['report', 'nc_list', 'plan'] as const;
export const ExportKind = z.enum(EXPORT_KINDS, { error: 'Unknown document kind' });
export type ExportKind = z.infer<typeof ExportKind>;
/** English; other languages: labelsIn(language).exportKind (#shared/i18n/labels/index). */
export const EXPORT_KIND_LABELS: Record<ExportKind, string> = labelsEn.exportKind;
export const EXPORT_FORMATS = ['docx', 'xlsx', 'csv'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS, { error: 'Use docx, xlsx or csv' });
export type ExportFormat = z.infer<typeof ExportFormat>;

/** An issued (frozen, signed) report or nonconformity list. */
export const ReportIssue = z.object({
  id: Id,
  auditId: Id,
  kind: ExportKind,
  version: z.number().int(),
  reportNumber: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  signerName: z.string(),
  signerRole: z.string(),
  signerFingerprint: z.string(),
  /** Evidence files that were missing when it was built, and other remarks. */
  warnings: z.array(z.string()),
  /** The newest version of its kind for the audit. */
  current: z.boolean(),
});
export type ReportIssue = z.infer<typeof ReportIssue>;

export const ReportState = z.object({
  auditId: Id,
  details: ReportDetails,
  issues: z.array(ReportIssue),
  /** Per kind: whether the audit's data changed since its newest issued version (null: never issued). */
  changedSinceIssue: z.object({ report: z.boolean().nullable(), nc_list: z.boolean().nullable() }),
  /** What the report would still lack (empty conclusions, draft findings…), shown before issuing. */
  gaps: z.array(z.string()),
});
export type ReportState = z.infer<typeof ReportState>;

export const SaveReportDetailsInput = z.strictObject({ auditId: Id, details: ReportDetailsInput, by: Actor });

export const IssueRequest = z.strictObject({
  identityId: Id,
  unlock: Unlock,
  /** Sign although the certificate has expired (the UI asks first). */
  acceptExpired: z.boolean().default(false),
  by: Actor,
  /**
   * Why the report is issued although the issue gates (shared/rules/gates) list gaps: required then, refused
   * otherwise by the backend; kept in the audit trail with the gaps and printed in the report.
   */
  overrideReason: text(5000, 'Reason for issuing with gaps').optional(),
});

export const ExportStartInput = z
  .strictObject({
    auditId: Id,
    kind: ExportKind,
    format: ExportFormat.default('docx'),
    /** Issue: freeze the file as a new version and sign it (DOCX only). */
    issue: IssueRequest.optional(),
    /** Write in this language instead of the audit's report language (CLI --lang). */
    language: z.enum(LANGUAGES, { error: 'Choose en, de or fr' }).optional(),
    /** A second language side by side (bilingual report), or null for one language; absent: the audit's setting. */
    secondLanguage: z.enum(LANGUAGES, { error: 'Choose en, de or fr' }).nullable().optional(),
    /** The layout: a report template's id, 'builtin', or absent for the default template of the kind and language. */
    template: TemplateChoice.optional(),
    /** Issue in a template that leaves out required report contents (the user saw the list). */
    templateConfirmed: z.boolean().optional(),
  })
  .superRefine((x, ctx) => {
    if (x.secondLanguage && x.language && x.secondLanguage === x.language) {
      ctx.addIssue({
        code: 'custom',
        path: ['secondLanguage'],
        message: 'The second language must differ from the first',
      });
    }
    if (x.kind === 'report' && x.format !== 'docx') {
      ctx.addIssue({ code: 'custom', path: ['format'], message: 'The audit report is written as DOCX only' });
    }
    if (x.kind === 'plan' && x.format !== 'docx') {
      ctx.addIssue({ code: 'custom', path: ['format'], message: 'The audit plan is written as DOCX only' });
    }
    if (x.issue && x.format !== 'docx') {
      ctx.addIssue({ code: 'custom', path: ['issue'], message: 'Only DOCX files can be signed and issued' });
    }
  });
export type ExportStartInput = z.input<typeof ExportStartInput>;

export const EXPORT_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export const ExportJob = z.object({
  id: z.string(),
  auditId: Id,
  kind: ExportKind,
  format: ExportFormat,
  state: z.enum(EXPORT_STATES),
  /** 0…1 */
  progress: z.number(),
  /** What it is doing now, e.g. "Photos 12 of 200". */
  stage: z.string(),
  fileName: z.string(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  warnings: z.array(z.string()),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Set when the export was issued (frozen and signed). */
  issueId: Id.nullable(),
});
export type ExportJob = z.infer<typeof ExportJob>;

export const JobRef = z.strictObject({ jobId: z.string().min(1).max(100) });

/** Chunked reads of a produced or issued file (like evidence.read). */
export const FILE_CHUNK_MAX = 4 * 1024 * 1024;
export const FileChunkInput = z.strictObject({
  offset: z.number().int().min(0),
  length: z.number().int().min(1).max(FILE_CHUNK_MAX),
});
export const FileChunk = z.object({ dataBase64: z.string(), size: z.number().int(), eof: z.boolean() });

/** Largest document `verify.*` accepts: it is held in memory while checked (a 200-photo report is about 100 MB). */
export const VERIFY_FILE_MAX = 256 * 1024 * 1024;

/** Checking any DOCX someone hands over: sent in ordered chunks, checked at finish. */
export const VerifyBeginInput = z.strictObject({
  name: z.string().min(1).max(255),
  size: z
    .number()
    .int()
    .min(1, 'The file is empty')
    .max(VERIFY_FILE_MAX, `The file is larger than ${VERIFY_FILE_MAX / 1024 / 1024} MB`),
});
export const VerifyRef = z.strictObject({ checkId: z.string().min(1).max(100) });
export const VerifyChunkInput = VerifyRef.extend({
  offset: z.number().int().min(0),
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil(FILE_CHUNK_MAX / 3) * 4, 'A chunk is at most 4 MiB'),
});

/** The verdict on a handed-over document, and the issued version of this data folder it is, if any. */
export const DocumentCheck = z.object({
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  verification: VerifyResult,
  issued: z
    .object({
      issueId: Id,
      auditId: Id,
      clientName: z.string(),
      auditType: AuditType,
      kind: ExportKind,
      version: z.number().int(),
      reportNumber: z.string(),
      issuedAt: z.string(),
      current: z.boolean(),
    })
    .nullable(),
});
export type DocumentCheck = z.infer<typeof DocumentCheck>;
