import type { AuditStatus } from '#shared/domain/audit';

/** What a step means to the auditor, by target status (and where it comes from): its key in the audits namespace. */
export function transitionLabel(from: AuditStatus, to: AuditStatus): `transition.${string}` {
  if (to === 'in_progress') return from === 'reporting' ? 'transition.backToFieldwork' : 'transition.startFieldwork';
  if (to === 'reporting') return 'transition.startReporting';
  if (to === 'closed') return 'transition.close';
  return 'transition.backToPlanning';
}

/** Closing freezes the record for good, so it is confirmed first. */
export const needsConfirmation = (to: AuditStatus): boolean => to === 'closed';
