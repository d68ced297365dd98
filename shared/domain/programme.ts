import { z } from 'zod';
import { AuditStatus, AuditType } from './audit';
import { Result } from './checklist';
import { Id, IsoDate, text } from './common';
import { FindingType } from './finding';
import { labelsEn } from '#shared/i18n/labels/en';

/**
 * The audit programme of one client across a 3-year certification cycle:
 * initial Stage 1 + Stage 2, surveillance 1 (within 12 months of the
 * certification decision), surveillance 2, recertification before expiry.
 */

export const CertificationInput = z
  .strictObject({
    clientId: Id,
    decisionDate: IsoDate.nullable(),
    expiryDate: IsoDate.nullable(),
  })
  .superRefine((c, ctx) => {
    if (c.decisionDate && c.expiryDate && c.expiryDate <= c.decisionDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiryDate'],
        message: 'The expiry date must be after the decision date',
      });
    }
  });

export const ProgrammeStep = z.object({
  type: AuditType,
  /** The latest date by which this audit should take place; null when it cannot be known yet. */
  dueBy: z.string().nullable(),
  /** The audit of the current cycle that fills this step, if planned. */
  auditId: Id.nullable(),
  auditStatus: AuditStatus.nullable(),
  startDate: z.string().nullable(),
  overdue: z.boolean(),
});
export type ProgrammeStep = z.infer<typeof ProgrammeStep>;

export const Programme = z.object({
  clientId: Id,
  decisionDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  steps: z.array(ProgrammeStep),
  /** The type of audit that comes next, and the audit it would be created from. */
  next: z.object({ type: AuditType, fromAuditId: Id }).nullable(),
});
export type Programme = z.infer<typeof Programme>;

export const CreateNextInput = z
  .strictObject({
    fromAuditId: Id,
    startDate: IsoDate,
    endDate: IsoDate,
    /** A surveillance audit's sample, as for audits.create; absent: the preselected and suggested items. */
    sampledRefs: z.array(z.string().min(1).max(40)).max(2000).optional(),
    /** Needed when the audit it follows is not closed yet; kept in the audit trail. */
    reason: text(5000, 'Reason').optional(),
    by: text(200, 'Your name').default(''),
  })
  .refine((i) => i.endDate >= i.startDate, { path: ['endDate'], message: 'The end date is before the start date' });

/** A finding of an earlier audit carried into this one, to be verified here. */
export const CarriedFinding = z.object({
  findingId: Id,
  fromAuditId: Id,
  fromAuditType: AuditType,
  number: z.string().nullable(),
  type: FindingType,
  status: z.string(),
  statement: z.string(),
  /**
   * On a team member's copy of the audit: the lead's copy of the finding, as last sent (its own audit is not
   * here), to be seen and checked on site but verified by the lead. Absent for the findings held here.
   */
  fromLead: z.literal(true).optional(),
});
export type CarriedFinding = z.infer<typeof CarriedFinding>;

export const ComparisonRow = z.object({
  ref: z.string(),
  number: z.string(),
  title: z.string(),
  previous: Result.nullable(),
  current: Result.nullable(),
  previousFindings: z.array(z.string()),
  currentFindings: z.array(z.string()),
  changed: z.boolean(),
});
export const Comparison = z.object({
  auditId: Id,
  previousAuditId: Id.nullable(),
  previousAuditType: AuditType.nullable(),
  rows: z.array(ComparisonRow),
});
export type Comparison = z.infer<typeof Comparison>;

export const RECOMMENDATIONS = ['recommend', 'after_action_plans', 'not_recommended'] as const;
export const Recommendation = z.enum(RECOMMENDATIONS, { error: 'Unknown recommendation' });
export type Recommendation = z.infer<typeof Recommendation>;
/** English; other languages: labelsIn(language).recommendation (#shared/i18n/labels/index). */
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = labelsEn.recommendation;

export const RecommendationDecision = z.object({
  id: Id,
  recommendation: Recommendation,
  suggested: Recommendation,
  overridden: z.boolean(),
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type RecommendationDecision = z.infer<typeof RecommendationDecision>;

export const RecommendationState = z.object({
  auditId: Id,
  suggested: Recommendation,
  /** Why, in plain words: the findings that drive the suggestion. */
  reasons: z.array(z.string()),
  /** Every decision recorded, oldest first; the last is in force. */
  decisions: z.array(RecommendationDecision),
});
export type RecommendationState = z.infer<typeof RecommendationState>;

export const RecommendationInput = z.strictObject({
  auditId: Id,
  recommendation: Recommendation,
  /** Required when overriding the suggestion, and when changing an earlier decision. */
  reason: text(5000, 'Reason').default(''),
  by: text(200, 'Lead auditor').min(1, 'Say who decides (the lead auditor)'),
});
