import type { Language } from '#shared/i18n/languages';
import type { AuditPlan } from '#shared/domain/plan';
import { getCertificationBody } from '../../repos/branding';
import type { RepoContext } from '../../repos/context';
import { getPlan } from '../../repos/plan/plan';
import type { SignOff } from '../report/model';

/** What the plan document is built from, read in the export's transaction; the worker never reads the database. */
export interface PlanDocModel {
  plan: AuditPlan;
  body: { name: string; address: string; primaryColour: string; accentColour: string };
  /** The day the document was produced (the plan's date for the client). */
  generatedAt: string;
  signOff: SignOff | null;
  /** The audit's report language, or the export's override. */
  language: Language;
}

export function collectPlanModel(
  ctx: RepoContext,
  auditId: string,
  signOff: SignOff | null,
  language: Language,
): PlanDocModel {
  const body = getCertificationBody(ctx);
  return {
    plan: getPlan(ctx, auditId),
    body: {
      name: body.name,
      address: body.address,
      primaryColour: body.primaryColour,
      accentColour: body.accentColour,
    },
    generatedAt: ctx.now().slice(0, 10),
    signOff,
    language,
  };
}
