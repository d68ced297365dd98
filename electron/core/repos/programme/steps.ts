import type { AuditStatus, AuditType } from '#shared/domain/audit';
import type { Programme, ProgrammeStep } from '#shared/domain/programme';
import { addMonths, NEXT_AUDIT_TYPE } from '#shared/rules/findings';
import type { RepoContext } from '../context';
import { getCertification, requireClient } from './certification';

interface AuditRow {
  id: string;
  type: AuditType;
  status: AuditStatus;
  start_date: string;
}

/** The client's audits, oldest first (ties broken by creation, so the order is stable). */
export function clientAudits(ctx: RepoContext, clientId: string): AuditRow[] {
  return ctx.db
    .prepare('SELECT id, type, status, start_date FROM audits WHERE client_id = ? ORDER BY start_date, created_at, id')
    .all(clientId) as AuditRow[];
}

/**
 * The current cycle's steps with their due dates. Surveillance 1 is due within
 * 12 months of the certification decision and surveillance 2 within 24; common
 * practice is one surveillance audit in each calendar year, and the lead auditor
 * may plan them earlier. Recertification must take place before expiry.
 */
export function getProgramme(ctx: RepoContext, clientId: string): Programme {
  requireClient(ctx, clientId);
  const { decisionDate, expiryDate } = getCertification(ctx, clientId);
  const audits = clientAudits(ctx, clientId);
  const today = ctx.now().slice(0, 10);

  const latest = (type: AuditType, from: string | null, before: string | null): AuditRow | null =>
    audits.findLast(
      (a) => a.type === type && (from === null || a.start_date >= from) && (before === null || a.start_date < before),
    ) ?? null;
  const step = (type: AuditType, dueBy: string | null, audit: AuditRow | null): ProgrammeStep => {
    // "Done" by the due date: the audit took place (it is no longer just planned) and began in time.
    const held = audit !== null && audit.status !== 'planned' && (dueBy === null || audit.start_date <= dueBy);
    return {
      type,
      dueBy,
      auditId: audit?.id ?? null,
      auditStatus: audit?.status ?? null,
      startDate: audit?.start_date ?? null,
      overdue: dueBy !== null && today > dueBy && !held,
    };
  };

  const steps: ProgrammeStep[] = [];
  // Stage 1 and 2 belong to the initial cycle: shown until a decision, or when they led to it
  // (a recertification before the decision means this is a later cycle).
  const stage1 = latest('stage1', null, decisionDate);
  const stage2 = latest('stage2', null, decisionDate);
  const initial = decisionDate === null || latest('recertification', null, decisionDate) === null;
  if (initial && (decisionDate === null || stage1 || stage2)) {
    steps.push(step('stage1', null, stage1), step('stage2', null, stage2));
  }
  steps.push(
    step(
      'surveillance1',
      decisionDate && addMonths(decisionDate, 12),
      decisionDate ? latest('surveillance1', decisionDate, null) : null,
    ),
    step(
      'surveillance2',
      decisionDate && addMonths(decisionDate, 24),
      decisionDate ? latest('surveillance2', decisionDate, null) : null,
    ),
    step('recertification', expiryDate, decisionDate ? latest('recertification', decisionDate, null) : null),
  );

  // Special audits and gap analyses are outside the cycle's sequence.
  const last = audits.findLast((a) => a.type !== 'special' && a.type !== 'gap_analysis');
  const nextType = last ? NEXT_AUDIT_TYPE[last.type] : undefined;
  return {
    clientId,
    decisionDate,
    expiryDate,
    steps,
    next: last && nextType ? { type: nextType, fromAuditId: last.id } : null,
  };
}
