/** An audit's tabs, each its own route (/audits/:id/checklist, …); the overview is /audits/:id. */
export const AUDIT_SECTIONS = [
  'overview',
  'plan',
  'checklist',
  'interviews',
  'observations',
  'documents',
  'evidence',
  'findings',
  'dashboard',
  'cycle',
  'report',
  'team',
] as const;
export type AuditSection = (typeof AUDIT_SECTIONS)[number];
