import type { ReportDetails } from '#shared/domain/report';
import { getCertificationBody } from '../repos/branding';
import type { RepoContext } from '../repos/context';

/** Conclusions the report needs before it is issued, with how the gap reads to the lead auditor. */
const REQUIRED: [keyof ReportDetails, string][] = [
  ['conclusionInternalAudit', 'No conclusion on the internal audit programme yet.'],
  ['conclusionManagementReview', 'No conclusion on management review yet.'],
  ['conclusionScope', 'No conclusion on whether the scope is appropriate yet.'],
  ['conclusionObjectives', 'No conclusion on whether the audit objectives were met yet.'],
  ['sampling', 'Say what was sampled (the report states that the audit was based on samples).'],
  ['riskAssessment', "Describe how the client's risk assessment and treatment were audited."],
];

/** What the report would still lack; shown before issuing, never blocking an export. */
export function reportGaps(ctx: RepoContext, auditId: string, details: ReportDetails): string[] {
  const gaps: string[] = [];
  if (getCertificationBody(ctx).name === '')
    gaps.push('The certification body has no name yet (Settings → Certification body).');
  const { drafts } = ctx.db
    .prepare("SELECT count(*) AS drafts FROM findings WHERE audit_id = ? AND status = 'draft'")
    .get(auditId) as { drafts: number };
  if (drafts > 0) {
    gaps.push(`${drafts} draft finding${drafts === 1 ? ' is' : 's are'} not issued and will not appear in the report.`);
  }
  const decided = ctx.db.prepare('SELECT 1 FROM recommendations WHERE audit_id = ? LIMIT 1').get(auditId);
  if (!decided) gaps.push("The team's recommendation has not been confirmed yet (Cycle tab).");
  for (const [field, message] of REQUIRED) if (details[field] === '') gaps.push(message);
  return gaps;
}
