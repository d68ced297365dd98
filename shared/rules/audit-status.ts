import type { AuditStatus } from '../domain/audit';

/**
 * The engagement moves forward one step at a time. Reporting may go back to
 * fieldwork when the lead auditor needs more evidence; a closed audit is the
 * record of a certification decision and never reopens.
 */
const NEXT: Record<AuditStatus, readonly AuditStatus[]> = {
  planned: ['in_progress'],
  in_progress: ['reporting'],
  reporting: ['closed', 'in_progress'],
  closed: [],
};

export const allowedTransitions = (from: AuditStatus): readonly AuditStatus[] => NEXT[from];
export const canTransition = (from: AuditStatus, to: AuditStatus): boolean => NEXT[from].includes(to);

/** Only an audit that has not started yet can be deleted: anything later is audit evidence. */
export const canDeleteAudit = (status: AuditStatus): boolean => status === 'planned';

/** A closed audit is frozen: its record backs a certification decision. */
export const canEditAudit = (status: AuditStatus): boolean => status !== 'closed';
