import { DomainError } from '#shared/api/result';
import {
  decisionsFor,
  DECISION_LABELS,
  samePerson,
  type DecisionInput,
  type ReviewInput,
  type ReviewState,
  type TechnicalReview,
} from '#shared/domain/review';
import type { z } from 'zod';
import { stamp, type RepoContext } from './context';
import { getCertification, setCertification } from './programme/certification';
import { latestIssue } from './report-issues';

interface ReviewRow {
  audit_id: string;
  report_issue_id: string;
  report_number: string;
  report_version: number;
  reviewer_name: string;
  reviewer_email: string;
  reviewed_on: string;
  conclusion: TechnicalReview['conclusion'];
  review_notes: string;
  decision: TechnicalReview['decision'];
  decided_by: string;
  decided_on: string | null;
  decision_notes: string;
}

interface AuditHead {
  id: string;
  client_id: string;
  type: string;
}

function requireAudit(ctx: RepoContext, auditId: string): AuditHead {
  const a = ctx.db.prepare('SELECT id, client_id, type FROM audits WHERE id = ?').get(auditId) as AuditHead | undefined;
  if (!a) throw new DomainError('not_found', 'This audit does not exist (it may have been deleted).');
  return a;
}

function readReview(ctx: RepoContext, auditId: string): TechnicalReview | null {
  const r = ctx.db
    .prepare(
      `SELECT t.*, i.report_number, i.version AS report_version FROM technical_reviews t
       JOIN report_issues i ON i.id = t.report_issue_id WHERE t.audit_id = ?`,
    )
    .get(auditId) as ReviewRow | undefined;
  if (!r) return null;
  return {
    auditId: r.audit_id,
    reportIssueId: r.report_issue_id,
    reportNumber: r.report_number,
    reportVersion: r.report_version,
    reviewerName: r.reviewer_name,
    reviewerEmail: r.reviewer_email,
    reviewedOn: r.reviewed_on,
    conclusion: r.conclusion,
    notes: r.review_notes,
    decision: r.decision,
    decidedBy: r.decided_by,
    decidedOn: r.decided_on,
    decisionNotes: r.decision_notes,
  };
}

export function getReview(ctx: RepoContext, auditId: string): ReviewState {
  const audit = requireAudit(ctx, auditId);
  const issue = latestIssue(ctx, auditId, 'report');
  return {
    auditId,
    issuedReport: issue
      ? {
          id: issue.id,
          reportNumber: issue.report_number,
          version: issue.version,
          issuedOn: issue.issued_at.slice(0, 10),
        }
      : null,
    allowedDecisions: [...decisionsFor(audit.type)],
    review: readReview(ctx, auditId),
  };
}

/** Refuses a member of the audit team in the role of reviewer or decision maker (ISO/IEC 17021-1 9.5.1.2). */
function requireOutsideTeam(
  ctx: RepoContext,
  auditId: string,
  person: { name: string; email?: string },
  role: string,
  field: string,
) {
  const team = ctx.db.prepare('SELECT name, email FROM audit_team WHERE audit_id = ?').all(auditId) as {
    name: string;
    email: string;
  }[];
  const member = team.find((m) => samePerson(m, person));
  if (member) {
    throw new DomainError(
      'conflict',
      `${member.name} is on this audit's team, so cannot be its ${role}: the ${role} must not have taken part in the audit.`,
      [{ path: [field], message: `Choose someone who was not on the audit team` }],
    );
  }
}

/**
 * Records the technical review of the newest issued report. It may be
 * recorded again (a correction, or the review of a re-issued report) until
 * the certification decision is recorded.
 */
export function recordReview(ctx: RepoContext, input: z.output<typeof ReviewInput>): ReviewState {
  const audit = requireAudit(ctx, input.auditId);
  if (audit.type === 'gap_analysis') {
    throw new DomainError(
      'conflict',
      'A gap analysis leads to no certification decision, so it has no technical review.',
    );
  }
  const issue = latestIssue(ctx, input.auditId, 'report');
  if (!issue) {
    throw new DomainError('conflict', 'Issue the report first: the technical review is made on the issued report.');
  }
  const before = readReview(ctx, input.auditId);
  if (before?.decision) {
    throw new DomainError('conflict', 'The certification decision is recorded; its review can no longer be changed.');
  }
  requireOutsideTeam(
    ctx,
    input.auditId,
    { name: input.reviewerName, email: input.reviewerEmail },
    'technical reviewer',
    'reviewerName',
  );
  const issuedOn = issue.issued_at.slice(0, 10);
  if (input.reviewedOn < issuedOn) {
    throw new DomainError('invalid_input', `The review cannot be dated before the report was issued (${issuedOn}).`, [
      { path: ['reviewedOn'], message: `Choose ${issuedOn} or later` },
    ]);
  }
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `INSERT INTO technical_reviews (audit_id, report_issue_id, reviewer_name, reviewer_email, reviewed_on, conclusion,
         review_notes, created_at, updated_at, device_id)
       VALUES (@auditId, @issue, @name, @email, @on, @conclusion, @notes, @now, @now, @device)
       ON CONFLICT (audit_id) DO UPDATE SET report_issue_id = @issue, reviewer_name = @name, reviewer_email = @email,
         reviewed_on = @on, conclusion = @conclusion, review_notes = @notes, updated_at = @now, device_id = @device`,
    )
    .run({
      auditId: input.auditId,
      issue: issue.id,
      name: input.reviewerName,
      email: input.reviewerEmail,
      on: input.reviewedOn,
      conclusion: input.conclusion,
      notes: input.notes,
      now: s.now,
      device: s.device,
    });
  return getReview(ctx, input.auditId);
}

/** The same day `years` later; 29 February becomes the 28th in a year without it. */
function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const md = date.slice(5) === '02-29' && !leap ? '02-28' : date.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/**
 * Records the certification decision on a review that confirmed the report.
 * Final: the database refuses any later change. A grant or renewal dates the
 * client's certification (the programme's cycle runs from it): granted for
 * three years, a renewal three years past the current expiry.
 */
export function recordDecision(ctx: RepoContext, input: z.output<typeof DecisionInput>): ReviewState {
  const audit = requireAudit(ctx, input.auditId);
  const allowed = decisionsFor(audit.type);
  if (allowed.length === 0) {
    throw new DomainError(
      'conflict',
      audit.type === 'gap_analysis'
        ? 'A gap analysis leads to no certification decision.'
        : 'A Stage 1 audit leads to no certification decision; the decision follows Stage 2.',
    );
  }
  if (!allowed.includes(input.decision)) {
    throw new DomainError(
      'invalid_input',
      `"${DECISION_LABELS[input.decision]}" is not a decision this audit can lead to; choose ${allowed.map((d) => `"${DECISION_LABELS[d]}"`).join(' or ')}.`,
      [{ path: ['decision'], message: 'Choose a decision for this type of audit' }],
    );
  }
  const review = readReview(ctx, input.auditId);
  if (!review) throw new DomainError('conflict', 'Record the technical review first: the decision follows it.');
  if (review.decision)
    throw new DomainError('conflict', 'The certification decision is already recorded and is final.');
  if (review.conclusion !== 'confirmed') {
    throw new DomainError(
      'conflict',
      'The technical review returned the report to the audit team: issue a corrected report and review it again before deciding.',
    );
  }
  const newest = latestIssue(ctx, input.auditId, 'report')!;
  if (newest.id !== review.reportIssueId) {
    throw new DomainError(
      'conflict',
      `The report was issued again (version ${newest.version}) after the review: review the new version before deciding.`,
    );
  }
  requireOutsideTeam(ctx, input.auditId, { name: input.decidedBy }, 'certification decision maker', 'decidedBy');
  if (input.decidedOn < review.reviewedOn) {
    throw new DomainError('invalid_input', `The decision cannot be dated before the review (${review.reviewedOn}).`, [
      { path: ['decidedOn'], message: `Choose ${review.reviewedOn} or later` },
    ]);
  }
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `UPDATE technical_reviews SET decision = ?, decided_by = ?, decided_on = ?, decision_notes = ?, updated_at = ?, device_id = ?
       WHERE audit_id = ?`,
    )
    .run(input.decision, input.decidedBy, input.decidedOn, input.notes, s.now, s.device, input.auditId);
  if (input.decision === 'grant' || input.decision === 'renew') {
    const current = getCertification(ctx, audit.client_id);
    const from = input.decision === 'renew' && current.expiryDate ? current.expiryDate : input.decidedOn;
    setCertification(ctx, audit.client_id, { decisionDate: input.decidedOn, expiryDate: addYears(from, 3) });
  }
  return getReview(ctx, input.auditId);
}
