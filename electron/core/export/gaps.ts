import type { ReportDetails } from '#shared/domain/report';
import { getCertificationBody } from '../repos/branding';
import type { RepoContext } from '../repos/context';
import { auditGates } from '../repos/gate-facts';

/** Conclusions the report needs before it is issued, with how the gap reads to the lead auditor. */
const REQUIRED: [keyof ReportDetails, string][] = [
  ['conclusionInternalAudit', 'No conclusion on the internal audit programme yet.'],
  ['conclusionManagementReview', 'No conclusion on management review yet.'],
  ['conclusionScope', 'No conclusion on whether the scope is appropriate yet.'],
  ['conclusionObjectives', 'No conclusion on whether the audit objectives were met yet.'],
  ['sampling', 'Say what was sampled (the report states that the audit was based on samples).'],
  ['riskAssessment', "Describe how the client's risk assessment and treatment were audited."],
];

/**
 * What the report would still lack, shown on the Report tab: the completeness
 * gates for issuing (shared/rules/gates: results, findings, objectives, scope,
 * criteria, the recommendation or Stage 1 conclusion, drafts, open majors), then
 * the certification body's name and the report's own conclusions.
 */
export function reportGaps(ctx: RepoContext, auditId: string, details: ReportDetails): string[] {
  const gaps = auditGates(ctx, auditId, 'issue').map((g) => g.message);
  if (getCertificationBody(ctx).name === '')
    gaps.push('The certification body has no name yet (Settings → Certification body).');
  for (const [field, message] of REQUIRED) if (details[field] === '') gaps.push(message);
  return gaps;
}
