import { z } from 'zod';
import { Id, IsoDate, requiredText, text } from './common';
import { LocalDateTime } from './records';
import { labelsEn } from '#shared/i18n/labels/en';

/**
 * Findings: what the certification decision rests on. A finding is written
 * as a draft, issued (numbered, from then on never deleted), answered by the
 * client, accepted or returned, verified and closed — possibly in a later
 * audit of the cycle, into which open findings are carried.
 */

export const FINDING_TYPES = ['major', 'minor', 'ofi', 'positive'] as const;
export const FindingType = z.enum(FINDING_TYPES, { error: 'Unknown finding type' });
export type FindingType = z.infer<typeof FindingType>;
/** English; other languages: labelsIn(language).findingType (#shared/i18n/labels/index). */
export const FINDING_TYPE_LABELS: Record<FindingType, string> = labelsEn.findingType;
export const FINDING_TYPE_SHORT: Record<FindingType, string> = {
  major: 'Major NC',
  minor: 'Minor NC',
  ofi: 'OFI',
  positive: 'Good practice',
};

export const FINDING_STATUSES = [
  'draft',
  'open',
  'response_received',
  'response_accepted',
  'verified',
  'closed',
] as const;
export const FindingStatus = z.enum(FINDING_STATUSES, { error: 'Unknown finding status' });
export type FindingStatus = z.infer<typeof FindingStatus>;
/** English; other languages: labelsIn(language).findingStatus (#shared/i18n/labels/index). */
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = labelsEn.findingStatus;

export const VERIFICATION_METHODS = ['document_review', 'on_site'] as const;
export const VerificationMethod = z.enum(VERIFICATION_METHODS, { error: 'Choose document review or on site' });
export type VerificationMethod = z.infer<typeof VerificationMethod>;
/** English; other languages: labelsIn(language).verificationMethod (#shared/i18n/labels/index). */
export const VERIFICATION_METHOD_LABELS: Record<VerificationMethod, string> = labelsEn.verificationMethod;

/** Records a finding's objective evidence may point at (attachments are evidence links, see evidence.ts). */
export const FINDING_RECORD_TYPES = ['interview', 'observation', 'document'] as const;
export const FindingRecordType = z.enum(FINDING_RECORD_TYPES, { error: 'Unknown record type' });
export type FindingRecordType = z.infer<typeof FindingRecordType>;
export const FindingRecordRef = z.strictObject({ type: FindingRecordType, id: Id });
export type FindingRecordRef = z.infer<typeof FindingRecordRef>;

const STATEMENT_MAX = 20_000;

export const FindingInput = z.strictObject({
  type: FindingType,
  /** Checklist items of this audit the finding is against (clauses or Annex A controls). */
  itemIds: z.array(Id).max(50, 'At most 50 requirements').default([]),
  statement: text(STATEMENT_MAX, 'Statement').default(''),
  evidenceText: text(STATEMENT_MAX, 'Objective evidence').default(''),
  records: z.array(FindingRecordRef).max(200, 'At most 200 linked records').default([]),
  siteId: Id.nullable().default(null),
  raisedBy: text(200, 'Raised by').default(''),
  raisedAt: LocalDateTime,
});
export type FindingInput = z.input<typeof FindingInput>;

/** Absent fields stay as they are (no defaults, unlike FindingInput). */
export const FindingPatch = z.strictObject({
  type: FindingType.optional(),
  itemIds: z.array(Id).max(50, 'At most 50 requirements').optional(),
  statement: text(STATEMENT_MAX, 'Statement').optional(),
  evidenceText: text(STATEMENT_MAX, 'Objective evidence').optional(),
  records: z.array(FindingRecordRef).max(200, 'At most 200 linked records').optional(),
  siteId: Id.nullable().optional(),
  raisedBy: text(200, 'Raised by').optional(),
  raisedAt: LocalDateTime.optional(),
});
export type FindingPatch = z.input<typeof FindingPatch>;

/** Who is acting, as the audit trail records it (Fieldwork has no sign-in; the UI passes the chosen team member). */
export const Actor = text(200, 'Your name').default('');

export const ResponseInput = z.strictObject({
  receivedAt: IsoDate,
  correction: text(STATEMENT_MAX, 'Correction').default(''),
  rootCause: text(STATEMENT_MAX, 'Root-cause analysis').default(''),
  correctiveAction: text(STATEMENT_MAX, 'Corrective action plan').default(''),
  responsible: text(200, 'Responsible person').default(''),
  correctionDue: IsoDate.nullable().default(null),
  actionDue: IsoDate.nullable().default(null),
});
export type ResponseInput = z.input<typeof ResponseInput>;

export const ResponseDecisionInput = z.strictObject({
  id: Id,
  decision: z.enum(['accepted', 'returned'], { error: 'Accept or return the response' }),
  comment: text(STATEMENT_MAX, 'Comment').default(''),
  by: Actor,
});

export const VerificationInput = z.strictObject({
  method: VerificationMethod,
  notes: text(STATEMENT_MAX, 'Verification evidence').default(''),
  verifiedOn: IsoDate,
  verifiedBy: requiredText(200, 'Verified by'),
  /** The audit in which the verification was done (the finding's own, or one it was carried into). */
  auditId: Id,
});
export type VerificationInput = z.input<typeof VerificationInput>;

export const FindingResponse = z.object({
  id: Id,
  receivedAt: z.string(),
  correction: z.string(),
  rootCause: z.string(),
  correctiveAction: z.string(),
  responsible: z.string(),
  correctionDue: z.string().nullable(),
  actionDue: z.string().nullable(),
  decision: z.enum(['pending', 'accepted', 'returned']),
  decisionComment: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string(),
});
export type FindingResponse = z.infer<typeof FindingResponse>;

export const FindingVerification = z.object({
  method: VerificationMethod,
  notes: z.string(),
  verifiedOn: z.string(),
  verifiedBy: z.string(),
  auditId: Id,
});
export type FindingVerification = z.infer<typeof FindingVerification>;

export const FindingRequirement = z.object({ itemId: Id, ref: z.string(), number: z.string(), title: z.string() });

export const Finding = z.object({
  id: Id,
  auditId: Id,
  /** e.g. "NC-03"; null while a draft. */
  number: z.string().nullable(),
  type: FindingType,
  status: FindingStatus,
  requirements: z.array(FindingRequirement),
  statement: z.string(),
  evidenceText: z.string(),
  records: z.array(z.object({ type: FindingRecordType, id: Id, label: z.string() })),
  /** Ids of attachments linked as objective evidence, and as verification evidence. */
  evidenceIds: z.array(Id),
  verificationEvidenceIds: z.array(Id),
  siteId: Id.nullable(),
  raisedBy: z.string(),
  raisedAt: z.string(),
  issuedAt: z.string().nullable(),
  /** Every response received, oldest first; the last is the current one. */
  responses: z.array(FindingResponse),
  verification: FindingVerification.nullable(),
  closedAt: z.string().nullable(),
  /** When the client's response is due (closing meeting + the audit's response days); null for OFIs and drafts. */
  responseDue: z.string().nullable(),
  overdue: z.boolean(),
  /** A major NC from a Stage 2 still unverified 6 months after its last day: another Stage 2 is needed. */
  needsNewStage2: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deviceId: z.string(),
});
export type Finding = z.infer<typeof Finding>;

/** A row of the nonconformity list (across audits): the finding plus where it comes from. */
export const FindingSummary = Finding.extend({
  auditType: z.string(),
  auditStartDate: z.string(),
  clientId: Id,
  clientName: z.string(),
});
export type FindingSummary = z.infer<typeof FindingSummary>;

export const FindingListQuery = z.strictObject({
  auditId: Id.optional(),
  clientId: Id.optional(),
  status: z.array(FindingStatus).max(10).optional(),
  type: z.array(FindingType).max(10).optional(),
  /** A clause or control number, e.g. "8.5" or "A.5.15". */
  requirement: text(40, 'Requirement').optional(),
  overdue: z.boolean().optional(),
});
export type FindingListQuery = z.input<typeof FindingListQuery>;

/** One append-only audit-trail entry. */
export const TrailEntry = z.object({
  id: z.number().int(),
  recordType: z.enum(['finding', 'checklist_item', 'recommendation']),
  recordId: Id,
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string(),
  deviceId: z.string(),
});
export type TrailEntry = z.infer<typeof TrailEntry>;

/** Per-audit settings that drive due dates. The closing meeting defaults to the audit's last day. */
export const FindingSettingsInput = z.strictObject({
  auditId: Id,
  closingMeetingDate: IsoDate.nullable(),
  responseDaysMajor: z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days'),
  responseDaysMinor: z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days'),
});
export const FindingSettings = z.object({
  auditId: Id,
  closingMeetingDate: z.string().nullable(),
  responseDaysMajor: z.number().int(),
  responseDaysMinor: z.number().int(),
});
export type FindingSettings = z.infer<typeof FindingSettings>;
export const DEFAULT_RESPONSE_DAYS = { major: 30, minor: 90 } as const;

/**
 * One page of the nonconformity list across audits: the filters of
 * FindingListQuery, evaluated in SQL, "overdue" against the caller's own date.
 * Newest audit first, by number within an audit; `after` is the `next` of the
 * previous page (keyset: a row inserted meanwhile never repeats or shifts one).
 */
export const FindingPageQuery = FindingListQuery.extend({
  /** The caller's calendar date, what "overdue" is judged against. */
  today: IsoDate,
  after: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(200).default(100),
});
export type FindingPageQuery = z.input<typeof FindingPageQuery>;

/** A list row: only what the table shows (the statement cut short; the drawer loads the finding itself). */
export const FindingListRow = FindingSummary.pick({
  id: true,
  auditId: true,
  number: true,
  type: true,
  status: true,
  responseDue: true,
  overdue: true,
  needsNewStage2: true,
  auditType: true,
  auditStartDate: true,
  clientId: true,
  clientName: true,
}).extend({
  /** The first characters of the statement. */
  statement: z.string(),
  /** Each requirement's number, or its ref when it has none, in checklist order. */
  requirements: z.array(z.string()),
});
export type FindingListRow = z.infer<typeof FindingListRow>;

export const FindingPage = z.object({
  rows: z.array(FindingListRow),
  /** Pass as `after` for the next page; null on the last. */
  next: z.string().nullable(),
  /** How many findings match, counted on the first page only (null on the others). */
  total: z.number().int().nullable(),
});
export type FindingPage = z.infer<typeof FindingPage>;
