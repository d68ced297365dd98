import type { AuditType } from '../domain/audit';
import type { FindingStatus, FindingType } from '../domain/finding';
import type { Recommendation } from '../domain/programme';

/** Numbering series: majors and minors share "NC", so a regrade between them keeps the number. */
export const SERIES: Record<FindingType, 'NC' | 'OFI' | 'GP'> = {
  major: 'NC',
  minor: 'NC',
  ofi: 'OFI',
  positive: 'GP',
};
export const formatFindingNumber = (type: FindingType, n: number): string =>
  `${SERIES[type]}-${String(n).padStart(2, '0')}`;

/** Series order in reports and NC lists: nonconformities, then OFIs, then good practice. */
export const SERIES_ORDER = { NC: 0, OFI: 1, GP: 2 } as const;

/** Numbers of one series in numeric order: NC-100 comes after NC-99, not between NC-10 and NC-11. */
export const compareFindingNumbers = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

export const isNonconformity = (type: FindingType): boolean => type === 'major' || type === 'minor';

/**
 * The lifecycle. Nonconformities need the client's answer, its acceptance and
 * a verification before closing; OFIs and good practice are closed once noted.
 * A returned response sends the finding back to open (the history is kept).
 */
const NEXT: Record<FindingStatus, readonly FindingStatus[]> = {
  draft: ['open'],
  open: ['response_received', 'closed'],
  response_received: ['response_accepted', 'open'],
  response_accepted: ['verified'],
  verified: ['closed'],
  closed: [],
};
export function transitionError(type: FindingType, from: FindingStatus, to: FindingStatus): string | null {
  if (!isNonconformity(type)) {
    if (from === 'open' && to === 'closed') return null;
    if (from === 'draft' && to === 'open') return null;
    return 'Opportunities for improvement and good practice are only issued and closed; they need no response.';
  }
  if (from === 'open' && to === 'closed')
    return 'A nonconformity cannot be closed before it has been verified effective.';
  if (to === 'closed' && from !== 'verified')
    return 'A nonconformity cannot be closed before it has been verified effective.';
  if (to === 'verified' && from !== 'response_accepted') {
    return "A nonconformity can be verified only after the client's response has been accepted.";
  }
  if (to === 'response_accepted' && from !== 'response_received') return 'There is no response waiting for a decision.';
  if (!NEXT[from].includes(to)) return `A finding cannot go from ${from.replace('_', ' ')} to ${to.replace('_', ' ')}.`;
  return null;
}

/** What a draft still lacks before it can be issued, in words for the user; empty when complete. */
export function missingForIssue(f: {
  type: FindingType;
  requirementCount: number;
  statement: string;
  evidenceText: string;
  evidenceLinks: number;
}): string[] {
  const missing: string[] = [];
  if (f.statement.trim() === '') missing.push('a statement of what was required and what was found');
  if (isNonconformity(f.type)) {
    if (f.requirementCount === 0) missing.push('the requirement it is against (a clause or Annex A control)');
    if (f.evidenceText.trim() === '' && f.evidenceLinks === 0) {
      missing.push('objective evidence (a description, or linked attachments, interviews, observations or documents)');
    }
  }
  return missing;
}

/** Adds days to an ISO date (UTC arithmetic; dates carry no time zone). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function responseDue(
  type: FindingType,
  closingMeeting: string,
  days: { major: number; minor: number },
): string | null {
  if (type === 'major') return addDays(closingMeeting, days.major);
  if (type === 'minor') return addDays(closingMeeting, days.minor);
  return null;
}

/**
 * Overdue: the client's response is late (no response, or only a returned one,
 * after the due date), or an accepted plan's action date passed without verification.
 */
export function isOverdue(
  f: { type: FindingType; status: FindingStatus; responseDue: string | null; actionDue: string | null },
  today: string,
): boolean {
  if (!isNonconformity(f.type)) return false;
  if (f.status === 'open' && f.responseDue !== null) return today > f.responseDue;
  if (f.status === 'response_accepted' && f.actionDue !== null) return today > f.actionDue;
  return false;
}

/** A major found at Stage 2 and still not verified six months after the audit's last day. */
export function needsNewStage2(
  f: { type: FindingType; status: FindingStatus },
  auditType: AuditType,
  auditEndDate: string,
  today: string,
): boolean {
  if (f.type !== 'major' || auditType !== 'stage2') return false;
  if (f.status === 'verified' || f.status === 'closed' || f.status === 'draft') return false;
  return today > addMonths(auditEndDate, 6);
}

/** The suggestion follows the findings still unresolved that bear on this audit. */
export function suggestRecommendation(
  findings: readonly { number: string | null; type: FindingType; status: FindingStatus }[],
): { suggested: Recommendation; reasons: string[] } {
  const issued = findings.filter((f) => f.status !== 'draft');
  const majors = issued.filter((f) => f.type === 'major' && f.status !== 'verified' && f.status !== 'closed');
  if (majors.length > 0) {
    return {
      suggested: 'not_recommended',
      reasons: majors.map((f) => `${f.number ?? 'A major nonconformity'} is not yet corrected and verified`),
    };
  }
  const minors = issued.filter((f) => f.type === 'minor' && (f.status === 'open' || f.status === 'response_received'));
  if (minors.length > 0) {
    return {
      suggested: 'after_action_plans',
      reasons: minors.map((f) => `${f.number ?? 'A minor nonconformity'} has no accepted corrective action plan yet`),
    };
  }
  return {
    suggested: 'recommend',
    reasons: ['No major nonconformity is open and every minor one has an accepted plan'],
  };
}

/** The audit that follows each type in the certification cycle. */
export const NEXT_AUDIT_TYPE: Partial<Record<AuditType, AuditType>> = {
  stage1: 'stage2',
  stage2: 'surveillance1',
  surveillance1: 'surveillance2',
  surveillance2: 'recertification',
  recertification: 'surveillance1',
};
