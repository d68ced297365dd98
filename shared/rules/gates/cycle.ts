import { AUDIT_STATUS_LABELS, AUDIT_TYPE_LABELS, type AuditStatus, type AuditType } from '../../domain/audit';

/**
 * The certification decision rests on a completed initial audit (or
 * recertification): ISO/IEC 17021-1 9.5.3. Null when it may be recorded.
 */
export function certificationDecisionError(facts: {
  /** Closed Stage 2 or recertification audits of the client. */
  closedCertifyingAudits: number;
  /** Issued majors of the client not yet verified or closed. */
  openMajors: readonly string[];
}): string | null {
  if (facts.closedCertifyingAudits === 0)
    return 'A certification decision can be recorded only after the Stage 2 (or recertification) audit is closed.';
  if (facts.openMajors.length > 0) {
    const list = facts.openMajors.join(', ');
    return `A certification decision cannot be recorded while a major nonconformity is open (${list}): it must be corrected and verified first.`;
  }
  return null;
}

/** The next audit of the cycle is planned once the previous one is closed, or with a typed reason. */
export function planNextError(
  from: { type: AuditType; status: AuditStatus },
  reason: string | undefined,
): string | null {
  if (from.status === 'closed' || (reason ?? '').trim() !== '') return null;
  return `The ${AUDIT_TYPE_LABELS[from.type]} audit is ${AUDIT_STATUS_LABELS[from.status].toLowerCase()}, not closed: say why the next audit is planned before it closes.`;
}

/**
 * Short audit prefixes: "ST2-NC-01" tells a Stage 2 finding from a surveillance
 * one numbered NC-01 too. Two letters and the step, never "S1"/"S2", which could
 * be read as either a stage or a surveillance. Keyed by string so a type added
 * later (the gap analysis) gets its own without this file failing first.
 */
const AUDIT_PREFIX: Readonly<Record<string, string>> = {
  stage1: 'ST1',
  stage2: 'ST2',
  surveillance1: 'SV1',
  surveillance2: 'SV2',
  recertification: 'RC',
  special: 'SP',
  gap_analysis: 'GA',
};
export const auditPrefix = (type: AuditType): string => AUDIT_PREFIX[type] ?? 'AU';

/** A finding's number as shown wherever findings of several audits meet: "ST2-NC-01". */
export const qualifiedNumber = (type: AuditType, number: string | null): string =>
  number === null || number === '' ? '' : `${auditPrefix(type)}-${number}`;
