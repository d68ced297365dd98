import type { MissingContent, ReportTemplateType } from '#shared/domain/report-templates';

/**
 * What an audit report must contain (ISO/IEC 17021-1 9.4.8, in our own words),
 * each satisfied when the template uses any one of the placeholders named. A
 * template that leaves one out can be imported and used only with a confirmation
 * (report-templates/check.ts, export/prepare.ts). The nonconformity list and
 * the plan are not reports: they need less.
 */
interface RequiredContent {
  key: string;
  label: string;
  anyOf: readonly string[];
}

const REPORT: readonly RequiredContent[] = [
  { key: 'body', label: 'Who the certification body is', anyOf: ['cbName'] },
  { key: 'client', label: 'The client’s name and address', anyOf: ['clientName'] },
  { key: 'representative', label: 'The client’s representative', anyOf: ['clientRepresentative', 'clientContacts'] },
  { key: 'type', label: 'The type of audit (initial, surveillance, recertification, special)', anyOf: ['auditType'] },
  { key: 'criteria', label: 'The audit criteria', anyOf: ['auditCriteria', 'standard'] },
  { key: 'objectives', label: 'The audit objectives', anyOf: ['auditObjectives'] },
  { key: 'scope', label: 'The audit scope (units, sites and processes audited)', anyOf: ['auditScope'] },
  { key: 'team', label: 'The audit team: the lead auditor and the other members', anyOf: ['team'] },
  {
    key: 'dates',
    label: 'The dates and places of the audit activities',
    anyOf: ['auditStartDate', 'auditEndDate', 'places', 'sites'],
  },
  { key: 'deviations', label: 'Deviations from the audit plan and why', anyOf: ['deviations'] },
  { key: 'sampling', label: 'A statement that the audit was based on samples', anyOf: ['sampling'] },
  {
    key: 'findings',
    label: 'The findings, with the evidence they rest on',
    anyOf: ['findings', 'nonconformities'],
  },
  {
    key: 'conclusions',
    label: 'The team’s conclusions on conformity and the effectiveness of the management system',
    anyOf: ['conclusionObjectives', 'conclusionScope', 'conclusionInternalAudit', 'conclusionManagementReview'],
  },
  { key: 'unresolved', label: 'Issues left unresolved with the client', anyOf: ['unresolvedIssues'] },
  { key: 'recommendation', label: 'The recommendation on certification', anyOf: ['recommendation'] },
];

const NC_LIST: readonly RequiredContent[] = [
  { key: 'client', label: 'The client’s name and address', anyOf: ['clientName'] },
  { key: 'type', label: 'The type of audit', anyOf: ['auditType'] },
  { key: 'dates', label: 'The dates of the audit', anyOf: ['auditStartDate', 'auditEndDate'] },
  { key: 'findings', label: 'The nonconformities', anyOf: ['findings', 'nonconformities'] },
];

const PLAN: readonly RequiredContent[] = [
  { key: 'client', label: 'The client’s name and address', anyOf: ['clientName'] },
  { key: 'objectives', label: 'The audit objectives', anyOf: ['auditObjectives'] },
  { key: 'scope', label: 'The audit scope', anyOf: ['auditScope'] },
  { key: 'team', label: 'The audit team', anyOf: ['team'] },
  { key: 'dates', label: 'The dates of the audit', anyOf: ['auditStartDate', 'auditEndDate'] },
];

export const REQUIRED_CONTENTS: Readonly<Record<ReportTemplateType, readonly RequiredContent[]>> = {
  report: REPORT,
  'nc-list': NC_LIST,
  plan: PLAN,
};

/** The required contents no placeholder of `used` (top-level names and loop names) provides. */
export function missingContents(type: ReportTemplateType, used: ReadonlySet<string>): MissingContent[] {
  return REQUIRED_CONTENTS[type]
    .filter((c) => !c.anyOf.some((name) => used.has(name)))
    .map(({ key, label }) => ({ key, label }));
}
