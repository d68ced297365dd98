import type { AuditStatus } from '#shared/domain/audit';

/** What a step means to the auditor, by target status (and where it comes from). */
export function transitionLabel(from: AuditStatus, to: AuditStatus): string {
  if (to === 'in_progress') return from === 'reporting' ? 'Back to fieldwork' : 'Start fieldwork';
  if (to === 'reporting') return 'Start reporting';
  if (to === 'closed') return 'Close audit';
  return 'Back to planning';
}

/** Closing freezes the record for good, so it is confirmed first. */
export const needsConfirmation = (to: AuditStatus): boolean => to === 'closed';
