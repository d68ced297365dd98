import { DomainError } from '#shared/api/result';
import type { AuditType } from '#shared/domain/audit';
import type { Finding, FindingRecordType, FindingResponse, FindingStatus, FindingType } from '#shared/domain/finding';
import type { VerificationMethod } from '#shared/domain/finding';
import { isOverdue, needsNewStage2, responseDue } from '#shared/rules/findings';
import type { RepoContext } from '../context';
import { localDate } from './time';

export interface FindingRow {
  id: string;
  audit_id: string;
  type: FindingType;
  status: FindingStatus;
  number: string | null;
  statement: string;
  evidence_text: string;
  site_id: string | null;
  raised_by: string;
  raised_at: string;
  issued_at: string | null;
  verification_method: VerificationMethod | null;
  verification_notes: string;
  verified_on: string | null;
  verified_by: string;
  verified_in_audit_id: string | null;
  closed_at: string | null;
  updated_by: string;
  created_at: string;
  updated_at: string;
  device_id: string;
}

/** What the derived fields (due date, overdue, new Stage 2) need to know about the finding's audit. */
export interface AuditDates {
  id: string;
  type: AuditType;
  status: string;
  end_date: string;
  closing_meeting_date: string | null;
  response_days_major: number;
  response_days_minor: number;
}

export function findingRow(ctx: RepoContext, id: string): FindingRow {
  const row = ctx.db.prepare('SELECT * FROM findings WHERE id = ?').get(id) as FindingRow | undefined;
  if (!row) throw new DomainError('not_found', { key: 'errors:findings.notFound' });
  return row;
}

export function auditDates(ctx: RepoContext, auditId: string): AuditDates {
  const audit = ctx.db
    .prepare(
      `SELECT id, type, status, end_date, closing_meeting_date, response_days_major, response_days_minor
       FROM audits WHERE id = ?`,
    )
    .get(auditId) as AuditDates | undefined;
  if (!audit) throw new DomainError('not_found', { key: 'errors:audits.notFound' });
  return audit;
}

interface ResponseRow {
  id: string;
  finding_id: string;
  received_at: string;
  correction: string;
  root_cause: string;
  corrective_action: string;
  responsible: string;
  correction_due: string | null;
  action_due: string | null;
  decision: FindingResponse['decision'];
  decision_comment: string;
  decided_at: string | null;
  decided_by: string;
}

/** Everything a finding points at, for a set of findings, grouped by finding id. */
interface Children {
  requirements: Map<string, Finding['requirements']>;
  records: Map<string, Finding['records']>;
  evidence: Map<string, string[]>;
  verificationEvidence: Map<string, string[]>;
  responses: Map<string, FindingResponse[]>;
}

function group<T>(rows: readonly (T & { finding_id: string })[]): Map<string, Omit<T, 'finding_id'>[]> {
  const out = new Map<string, Omit<T, 'finding_id'>[]>();
  for (const { finding_id, ...rest } of rows) {
    const list = out.get(finding_id);
    if (list) list.push(rest);
    else out.set(finding_id, [rest]);
  }
  return out;
}

/** Child rows of the findings `ids` (a JSON array bound once, so any number of findings is one query each). */
function loadChildren(ctx: RepoContext, ids: readonly string[]): Children {
  const json = JSON.stringify(ids);
  const inIds = 'IN (SELECT value FROM json_each(?))';
  const requirements = ctx.db
    .prepare(
      `SELECT fi.finding_id, c.id AS itemId, c.ref, c.number, c.title FROM finding_items fi
       JOIN checklist_items c ON c.id = fi.item_id WHERE fi.finding_id ${inIds} ORDER BY c.position, c.id`,
    )
    .all(json) as (Finding['requirements'][number] & { finding_id: string })[];
  const records = ctx.db
    .prepare(
      `SELECT fr.finding_id, fr.record_type AS type, fr.record_id AS id,
         CASE fr.record_type
           WHEN 'interview' THEN (SELECT interviewee_name FROM interviews WHERE id = fr.record_id)
           WHEN 'observation' THEN (SELECT CASE WHEN location = '' THEN substr(description, 1, 80) ELSE location END
                                    FROM observations WHERE id = fr.record_id)
           ELSE (SELECT title FROM documents_reviewed WHERE id = fr.record_id)
         END AS label
       FROM finding_records fr WHERE fr.finding_id ${inIds} ORDER BY fr.rowid`,
    )
    .all(json) as { finding_id: string; type: FindingRecordType; id: string; label: string | null }[];
  const links = ctx.db
    .prepare(
      `SELECT target_id AS finding_id, target_type AS type, evidence_id AS id FROM evidence_links
       WHERE target_type IN ('finding', 'finding_verification') AND target_id ${inIds} ORDER BY rowid`,
    )
    .all(json) as { finding_id: string; type: string; id: string }[];
  const responses = ctx.db
    .prepare(`SELECT * FROM finding_responses WHERE finding_id ${inIds} ORDER BY created_at, rowid`)
    .all(json) as ResponseRow[];
  const linkIds = (type: string) =>
    new Map([...group(links.filter((l) => l.type === type))].map(([k, v]) => [k, v.map((l) => l.id)] as const));
  return {
    requirements: group(requirements),
    records: new Map([...group(records)].map(([k, v]) => [k, v.map((r) => ({ ...r, label: r.label ?? '' }))])),
    evidence: linkIds('finding'),
    verificationEvidence: linkIds('finding_verification'),
    responses: new Map([...group(responses)].map(([k, v]) => [k, v.map(toResponse)])),
  };
}

const toResponse = (r: Omit<ResponseRow, 'finding_id'>): FindingResponse => ({
  id: r.id,
  receivedAt: r.received_at,
  correction: r.correction,
  rootCause: r.root_cause,
  correctiveAction: r.corrective_action,
  responsible: r.responsible,
  correctionDue: r.correction_due,
  actionDue: r.action_due,
  decision: r.decision,
  decisionComment: r.decision_comment,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
});

/** Findings as the API answers them, with due date, overdue and new-Stage-2 flags computed for today. */
export function toFindings(ctx: RepoContext, rows: readonly FindingRow[]): Finding[] {
  if (rows.length === 0) return [];
  const children = loadChildren(
    ctx,
    rows.map((r) => r.id),
  );
  const audits = new Map<string, AuditDates>();
  const today = localDate(ctx.now());
  return rows.map((row) => {
    let audit = audits.get(row.audit_id);
    if (!audit) {
      audit = auditDates(ctx, row.audit_id);
      audits.set(row.audit_id, audit);
    }
    const responses = children.responses.get(row.id) ?? [];
    const due =
      row.status === 'draft'
        ? null
        : responseDue(row.type, audit.closing_meeting_date ?? audit.end_date, {
            major: audit.response_days_major,
            minor: audit.response_days_minor,
          });
    const accepted = responses.findLast((r) => r.decision === 'accepted');
    return {
      id: row.id,
      auditId: row.audit_id,
      number: row.number,
      type: row.type,
      status: row.status,
      requirements: children.requirements.get(row.id) ?? [],
      statement: row.statement,
      evidenceText: row.evidence_text,
      records: children.records.get(row.id) ?? [],
      evidenceIds: children.evidence.get(row.id) ?? [],
      verificationEvidenceIds: children.verificationEvidence.get(row.id) ?? [],
      siteId: row.site_id,
      raisedBy: row.raised_by,
      raisedAt: row.raised_at,
      issuedAt: row.issued_at,
      responses,
      verification:
        row.verification_method && row.verified_on && row.verified_in_audit_id
          ? {
              method: row.verification_method,
              notes: row.verification_notes,
              verifiedOn: row.verified_on,
              verifiedBy: row.verified_by,
              auditId: row.verified_in_audit_id,
            }
          : null,
      closedAt: row.closed_at,
      responseDue: due,
      overdue: isOverdue(
        { type: row.type, status: row.status, responseDue: due, actionDue: accepted?.actionDue ?? null },
        today,
      ),
      needsNewStage2: needsNewStage2(row, audit.type, audit.end_date, today),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deviceId: row.device_id,
    };
  });
}

export const getFinding = (ctx: RepoContext, id: string): Finding => toFindings(ctx, [findingRow(ctx, id)])[0]!;
