import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import type { FindingSettings } from '#shared/domain/finding';
import { requireEditableAudit } from '../checklist';
import { stamp, type RepoContext } from '../context';

export function findingSettings(ctx: RepoContext, auditId: string): FindingSettings {
  const row = ctx.db
    .prepare(
      `SELECT id AS auditId, closing_meeting_date AS closingMeetingDate, response_days_major AS responseDaysMajor,
         response_days_minor AS responseDaysMinor FROM audits WHERE id = ?`,
    )
    .get(auditId) as FindingSettings | undefined;
  if (!row) throw new DomainError('not_found', { key: 'errors:audits.notFound' });
  return row;
}

/** The closing meeting and response days drive every due date of the audit's findings. */
export function setFindingSettings(ctx: RepoContext, input: OpParsed<'findings.setSettings'>): FindingSettings {
  requireEditableAudit(ctx, input.auditId);
  const start = ctx.db.prepare('SELECT start_date FROM audits WHERE id = ?').pluck().get(input.auditId) as string;
  if (input.closingMeetingDate !== null && input.closingMeetingDate < start) {
    throw new DomainError('invalid_input', { key: 'errors:findings.closingBeforeStart', params: { start } }, [
      { path: ['closingMeetingDate'], message: `On or after ${start}` },
    ]);
  }
  const current = findingSettings(ctx, input.auditId);
  if (
    current.closingMeetingDate === input.closingMeetingDate &&
    current.responseDaysMajor === input.responseDaysMajor &&
    current.responseDaysMinor === input.responseDaysMinor
  ) {
    return current;
  }
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `UPDATE audits SET closing_meeting_date = ?, response_days_major = ?, response_days_minor = ?,
         updated_at = ?, device_id = ? WHERE id = ?`,
    )
    .run(input.closingMeetingDate, input.responseDaysMajor, input.responseDaysMinor, s.now, s.device, input.auditId);
  return findingSettings(ctx, input.auditId);
}
