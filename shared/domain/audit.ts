import { z } from 'zod';
import { Id, IsoDate, RowMeta, requiredText, text } from './common';
import { labelsEn } from '#shared/i18n/labels/en';
import { LANGUAGES } from '#shared/i18n/languages';

export const STANDARDS = ['ISO/IEC 27001:2022'] as const;
export const Standard = z.enum(STANDARDS, { error: 'Unsupported standard' });

export const AUDIT_TYPES = [
  'stage1',
  'stage2',
  'surveillance1',
  'surveillance2',
  'recertification',
  'special',
  /** A pre-assessment: the Stage 2 checklist, no certification recommendation; its findings are gaps, outside the cycle. */
  'gap_analysis',
] as const;
export const AuditType = z.enum(AUDIT_TYPES, { error: 'Unknown audit type' });
export type AuditType = z.infer<typeof AuditType>;
/** English; other languages: labelsIn(language).auditType (#shared/i18n/labels/index). */
export const AUDIT_TYPE_LABELS: Record<AuditType, string> = labelsEn.auditType;

export const AUDIT_STATUSES = ['planned', 'in_progress', 'reporting', 'closed'] as const;
export const AuditStatus = z.enum(AUDIT_STATUSES, { error: 'Unknown audit status' });
export type AuditStatus = z.infer<typeof AuditStatus>;
/** English; other languages: labelsIn(language).auditStatus (#shared/i18n/labels/index). */
export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = labelsEn.auditStatus;

export const AUDIT_MODES = ['on_site', 'remote'] as const;
export const AuditMode = z.enum(AUDIT_MODES, { error: 'Choose on-site or remote' });
export type AuditMode = z.infer<typeof AuditMode>;
/** English; other languages: labelsIn(language).auditMode (#shared/i18n/labels/index). */
export const AUDIT_MODE_LABELS: Record<AuditMode, string> = labelsEn.auditMode;

export const TEAM_ROLES = ['lead_auditor', 'auditor', 'technical_expert', 'observer'] as const;
export const TeamRole = z.enum(TEAM_ROLES, { error: 'Unknown team role' });
export type TeamRole = z.infer<typeof TeamRole>;
/** English; other languages: labelsIn(language).teamRole (#shared/i18n/labels/index). */
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = labelsEn.teamRole;

export const TeamMemberInput = z.strictObject({
  /** Present when editing an existing member, absent for a new one. */
  id: Id.optional(),
  name: requiredText(200, 'Team member name'),
  email: z.union([z.literal(''), z.email('Not a valid e-mail address').max(254)]).default(''),
  role: TeamRole,
});
export type TeamMemberInput = z.input<typeof TeamMemberInput>;

/** Field rules shared by create and update; cross-field rules live in auditRules. */
const auditFields = {
  clientId: Id,
  standard: Standard.default('ISO/IEC 27001:2022'),
  type: AuditType,
  scope: requiredText(8000, 'Scope statement'),
  siteIds: z.array(Id).max(500).default([]),
  startDate: IsoDate,
  endDate: IsoDate,
  mode: AuditMode.default('on_site'),
  team: z.array(TeamMemberInput).max(50, 'At most 50 team members'),
  objectives: text(8000, 'Objectives').default(''),
  criteria: text(8000, 'Criteria').default(''),
  /**
   * The language of this audit's report, NC list and plan (the client's), independent of the app's.
   * Optional: an update without it keeps the audit's setting; a new audit gets the certification body's.
   */
  reportLanguage: z.enum(LANGUAGES, { error: 'Choose English, German or French' }).optional(),
  /** A second language makes the report bilingual (side by side); null: one language. */
  reportSecondLanguage: z.enum(LANGUAGES, { error: 'Choose English, German or French' }).nullable().optional(),
};

const withAuditRules = <
  T extends z.ZodType<{
    startDate: string;
    endDate: string;
    team: { role: TeamRole }[];
    reportLanguage?: string | undefined;
    reportSecondLanguage?: string | null | undefined;
  }>,
>(
  schema: T,
) =>
  schema.superRefine((a, ctx) => {
    // Only when both are given: a first left out is the audit's, or for a new one the certification body's,
    // which the backend compares (repos/audits.ts).
    if (a.reportSecondLanguage && a.reportSecondLanguage === a.reportLanguage) {
      ctx.addIssue({
        code: 'custom',
        path: ['reportSecondLanguage'],
        message: 'The second report language must differ from the first',
      });
    }
    if (a.endDate < a.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date is before the start date' });
    }
    const leads = a.team.filter((m) => m.role === 'lead_auditor').length;
    if (leads !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['team'],
        message: leads === 0 ? 'The team needs a lead auditor' : 'The team can have only one lead auditor',
      });
    }
  });

export const AuditInput = withAuditRules(z.strictObject(auditFields));
export type AuditInput = z.input<typeof AuditInput>;

/**
 * Creating an audit also instantiates its checklist from a template (by
 * default Stage 1 for Stage 1 audits, Stage 2 otherwise). For surveillance
 * audits `sampledRefs` picks the requirements and controls sampled this time;
 * when absent, the preselected and suggested items are taken.
 */
export const AuditCreateInput = withAuditRules(
  z.strictObject({
    ...auditFields,
    templateId: z.string().min(1).max(100).optional(),
    sampledRefs: z.array(z.string().min(1).max(40)).max(2000).optional(),
  }),
);
export type AuditCreateInput = z.input<typeof AuditCreateInput>;

export const AuditUpdateInput = z.strictObject({
  id: Id,
  audit: AuditInput,
});

export const TeamMember = z.object({ id: Id, name: z.string(), email: z.string(), role: TeamRole });
export type TeamMember = z.infer<typeof TeamMember>;

export const Audit = RowMeta.extend({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  standard: Standard,
  type: AuditType,
  scope: z.string(),
  siteIds: z.array(Id),
  startDate: z.string(),
  endDate: z.string(),
  mode: AuditMode,
  team: z.array(TeamMember),
  objectives: z.string(),
  criteria: z.string(),
  status: AuditStatus,
  templateId: z.string(),
  templateVersion: z.string(),
  /** The version of the client's Statement of Applicability last imported (cited by the report). */
  soaVersion: z.string().nullable(),
  reportLanguage: z.enum(LANGUAGES),
  reportSecondLanguage: z.enum(LANGUAGES).nullable(),
});
export type Audit = z.infer<typeof Audit>;

export const AuditSummary = z.object({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  type: AuditType,
  status: AuditStatus,
  startDate: z.string(),
  endDate: z.string(),
  leadAuditor: z.string(),
  updatedAt: z.string(),
});
export type AuditSummary = z.infer<typeof AuditSummary>;

export const AuditListQuery = z.strictObject({
  search: text(200, 'Search').optional(),
  status: AuditStatus.optional(),
  type: AuditType.optional(),
  sort: z.enum(['start_asc', 'start_desc']).default('start_desc'),
});
export type AuditListQuery = z.input<typeof AuditListQuery>;

/** One page of audits, filtered and sorted in SQL; `after` is the previous page's `next` (keyset). */
export const AuditPageQuery = AuditListQuery.extend({
  clientId: Id.optional(),
  after: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(200).default(100),
});
export type AuditPageQuery = z.input<typeof AuditPageQuery>;

export const AuditPage = z.object({
  rows: z.array(AuditSummary),
  /** Pass as `after` for the next page; null on the last. */
  next: z.string().nullable(),
  /** How many audits match, counted on the first page only (null on the others). */
  total: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;
