import { z } from 'zod';
import { Id, IsoDate, requiredText, text } from './common';
import { labelsEn } from '#shared/i18n/labels/en';

/**
 * Technical review and certification decision (ISO/IEC 17021-1 9.5): made on
 * the issued report by people who were not on the audit team.
 */
export const REVIEW_CONCLUSIONS = ['confirmed', 'returned'] as const;
export const ReviewConclusion = z.enum(REVIEW_CONCLUSIONS, { error: 'Choose the review conclusion' });
export type ReviewConclusion = z.infer<typeof ReviewConclusion>;
/** English; other languages: labelsIn(language).reviewConclusion (#shared/i18n/labels/index). */
export const REVIEW_CONCLUSION_LABELS: Record<ReviewConclusion, string> = labelsEn.reviewConclusion;

export const DECISIONS = ['grant', 'renew', 'maintain', 'suspend', 'withdraw', 'refuse'] as const;
export const Decision = z.enum(DECISIONS, { error: 'Unknown certification decision' });
export type Decision = z.infer<typeof Decision>;
/** English; other languages: labelsIn(language).decision (#shared/i18n/labels/index). */
export const DECISION_LABELS: Record<Decision, string> = labelsEn.decision;

/** The decisions an audit of each type can lead to; none for a Stage 1 or a gap analysis. */
export function decisionsFor(type: string): readonly Decision[] {
  switch (type) {
    case 'stage2':
      return ['grant', 'refuse'];
    case 'recertification':
      return ['renew', 'refuse'];
    case 'surveillance1':
    case 'surveillance2':
    case 'special':
      return ['maintain', 'suspend', 'withdraw'];
    default:
      return [];
  }
}

const fold = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** Same person: the same name (case, spacing and Unicode forms aside) or the same e-mail address. */
export function samePerson(a: { name: string; email?: string }, b: { name: string; email?: string }): boolean {
  if (fold(a.name) !== '' && fold(a.name) === fold(b.name)) return true;
  return !!a.email && !!b.email && fold(a.email) === fold(b.email);
}

export const ReviewInput = z.strictObject({
  auditId: Id,
  reviewerName: requiredText(200, 'Reviewer'),
  reviewerEmail: z.union([z.literal(''), z.email('Not a valid e-mail address').max(254)]).default(''),
  reviewedOn: IsoDate,
  conclusion: ReviewConclusion,
  notes: text(8000, 'Review notes').default(''),
  by: text(200, 'Your name').default(''),
});
export type ReviewInput = z.input<typeof ReviewInput>;

export const DecisionInput = z.strictObject({
  auditId: Id,
  decision: Decision,
  decidedBy: requiredText(200, 'Decision maker'),
  decidedOn: IsoDate,
  notes: text(8000, 'Decision notes').default(''),
  by: text(200, 'Your name').default(''),
});
export type DecisionInput = z.input<typeof DecisionInput>;

export const TechnicalReview = z.object({
  auditId: Id,
  reportIssueId: Id,
  reportNumber: z.string(),
  reportVersion: z.number().int(),
  reviewerName: z.string(),
  reviewerEmail: z.string(),
  reviewedOn: z.string(),
  conclusion: ReviewConclusion,
  notes: z.string(),
  decision: Decision.nullable(),
  decidedBy: z.string(),
  decidedOn: z.string().nullable(),
  decisionNotes: z.string(),
});
export type TechnicalReview = z.infer<typeof TechnicalReview>;

export const ReviewState = z.object({
  auditId: Id,
  /** The issued report's number and version the review is made on, or null before the report is issued. */
  issuedReport: z
    .object({ id: Id, reportNumber: z.string(), version: z.number().int(), issuedOn: z.string() })
    .nullable(),
  allowedDecisions: z.array(Decision),
  review: TechnicalReview.nullable(),
});
export type ReviewState = z.infer<typeof ReviewState>;
