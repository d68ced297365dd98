import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import type { Finding, FindingStatus } from '#shared/domain/finding';
import { SERIES, formatFindingNumber, missingForIssue, transitionError } from '#shared/rules/findings';
import { newId } from '../../ids';
import { stamp, type RepoContext } from '../context';
import { requireRaisingAudit } from './checks';
import { findingRow, getFinding, type FindingRow } from './rows';
import { completeness, touchFinding } from './write';

type Response = OpParsed<'findings.respond'>['response'];
type Verification = OpParsed<'findings.verify'>['verification'];

/** Refuses a lifecycle step the rules do not allow, with the rule's own words. */
function requireTransition(row: FindingRow, to: FindingStatus): void {
  const error = transitionError(row.type, row.status, to);
  if (error) throw new DomainError('conflict', error);
}

/** Numbers the draft in its series; a counter per audit and series means a number is never given twice. */
export function issueFinding(ctx: RepoContext, id: string, by: string): Finding {
  const row = findingRow(ctx, id);
  if (row.status !== 'draft') throw new DomainError('conflict', `This finding is already issued as ${row.number}.`);
  requireRaisingAudit(ctx, row.audit_id);
  const missing = missingForIssue(completeness(ctx, row));
  if (missing.length > 0) {
    throw new DomainError('invalid_input', `Before this finding can be issued it needs ${missing.join('; ')}.`);
  }
  const n = ctx.db
    .prepare(
      `INSERT INTO finding_counters (audit_id, series, last) VALUES (?, ?, 1)
       ON CONFLICT (audit_id, series) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .pluck()
    .get(row.audit_id, SERIES[row.type]) as number;
  const s = stamp(ctx);
  touchFinding(ctx, s, id, by, { status: 'open', number: formatFindingNumber(row.type, n), issued_at: s.now });
  return getFinding(ctx, id);
}

export function respondToFinding(ctx: RepoContext, id: string, response: Response, by: string): Finding {
  const row = findingRow(ctx, id);
  requireTransition(row, 'response_received');
  const raised = row.raised_at.slice(0, 10);
  if (response.receivedAt < raised) {
    throw new DomainError(
      'invalid_input',
      `The response cannot have been received before the finding was raised (${raised}); check the date received.`,
      [{ path: ['response', 'receivedAt'], message: `On or after ${raised}` }],
    );
  }
  const s = stamp(ctx);
  touchFinding(ctx, s, id, by, { status: 'response_received' });
  ctx.db
    .prepare(
      `INSERT INTO finding_responses (id, finding_id, received_at, correction, root_cause, corrective_action,
         responsible, correction_due, action_due, created_at, updated_at, device_id)
       VALUES (@rid, @id, @receivedAt, @correction, @rootCause, @correctiveAction, @responsible, @correctionDue,
         @actionDue, @now, @now, @device)`,
    )
    .run({ ...response, rid: newId(), id, now: s.now, device: s.device });
  return getFinding(ctx, id);
}

/** Accepting moves the finding on to verification; returning sends it back to the client, with the reason. */
export function decideResponse(ctx: RepoContext, input: OpParsed<'findings.decideResponse'>): Finding {
  const { id, decision, comment, by } = input;
  const row = findingRow(ctx, id);
  const to = decision === 'accepted' ? 'response_accepted' : 'open';
  if (row.status !== 'response_received') requireTransition(row, 'response_accepted');
  if (decision === 'returned' && comment.trim() === '') {
    throw new DomainError(
      'invalid_input',
      'Say why the response is returned: the client needs your comment to revise it.',
      [{ path: ['comment'], message: 'Required when returning a response' }],
    );
  }
  const pending = ctx.db
    .prepare("SELECT id FROM finding_responses WHERE finding_id = ? AND decision = 'pending' ORDER BY rowid DESC")
    .pluck()
    .get(id) as string | undefined;
  if (!pending) throw new DomainError('conflict', 'There is no response waiting for a decision.');
  const s = stamp(ctx);
  touchFinding(ctx, s, id, by, { status: to });
  ctx.db
    .prepare(
      `UPDATE finding_responses SET decision = ?, decision_comment = ?, decided_at = ?, decided_by = ?,
         updated_at = ?, device_id = ? WHERE id = ?`,
    )
    .run(decision, comment, s.now, by, s.now, s.device, pending);
  return getFinding(ctx, id);
}

/** Verification happens in the finding's own audit or in a later one it was carried into. */
export function verifyFinding(ctx: RepoContext, id: string, v: Verification, by: string): Finding {
  const row = findingRow(ctx, id);
  requireTransition(row, 'verified');
  if (v.auditId !== row.audit_id) {
    const carried = ctx.db
      .prepare('SELECT 1 FROM carried_findings WHERE audit_id = ? AND finding_id = ?')
      .get(v.auditId, id);
    if (!carried) {
      throw new DomainError(
        'invalid_input',
        'A finding is verified in its own audit or in a later audit it was carried into; choose one of those.',
        [{ path: ['verification', 'auditId'], message: 'Not this finding’s audit or one it was carried into' }],
      );
    }
  }
  const accepted = ctx.db
    .prepare(
      "SELECT received_at FROM finding_responses WHERE finding_id = ? AND decision = 'accepted' ORDER BY rowid DESC",
    )
    .pluck()
    .get(id) as string | undefined;
  if (accepted !== undefined && v.verifiedOn < accepted) {
    throw new DomainError(
      'invalid_input',
      `The verification cannot be dated before the accepted response was received (${accepted}).`,
      [{ path: ['verification', 'verifiedOn'], message: `On or after ${accepted}` }],
    );
  }
  touchFinding(ctx, stamp(ctx), id, by, {
    status: 'verified',
    verification_method: v.method,
    verification_notes: v.notes,
    verified_on: v.verifiedOn,
    verified_by: v.verifiedBy,
    verified_in_audit_id: v.auditId,
  });
  return getFinding(ctx, id);
}

export function closeFinding(ctx: RepoContext, id: string, by: string): Finding {
  const row = findingRow(ctx, id);
  if (row.status === 'draft') {
    throw new DomainError('conflict', 'A draft is not closed: issue it, or delete it if it is not needed.');
  }
  requireTransition(row, 'closed');
  const s = stamp(ctx);
  touchFinding(ctx, s, id, by, { status: 'closed', closed_at: s.now });
  return getFinding(ctx, id);
}
