import { errorsDe } from '#shared/i18n/errors/de';
import { labelsDe } from '#shared/i18n/labels/de';
import { auditsDe } from '../audits/de';
import { backupsDe } from '../backups/de';
import { brandingDe } from '../branding/de';
import { checklistDe } from '../checklist/de';
import { clientsDe } from '../clients/de';
import { commonDe } from '../common/de';
import { componentsDe } from '../components/de';
import { dashboardDe } from '../dashboard/de';
import { evidenceDe } from '../evidence/de';
import { findingsDe } from '../findings/de';
import { planDe } from '../plan/de';
import { programmeDe } from '../programme/de';
import { recordsDe } from '../records/de';
import { reportDe } from '../report/de';
import { reportTemplatesDe } from '../reportTemplates/de';
import { reviewDe } from '../review/de';
import { securityDe } from '../security/de';
import { shellDe } from '../shell/de';
import { signingDe } from '../signing/de';
import { teamDe } from '../team/de';
import { templatesDe } from '../templates/de';
import { verifyDe } from '../verify/de';
import type { UiNamespace } from '../namespaces';

/** Every catalogue the UI shows in this language, one chunk: loaded when the language is in use (../catalogues.ts). */
export const bundle = {
  errors: errorsDe,
  labels: labelsDe,
  audits: auditsDe,
  backups: backupsDe,
  branding: brandingDe,
  checklist: checklistDe,
  clients: clientsDe,
  common: commonDe,
  components: componentsDe,
  dashboard: dashboardDe,
  evidence: evidenceDe,
  findings: findingsDe,
  security: securityDe,
  records: recordsDe,
  shell: shellDe,
  signing: signingDe,
  team: teamDe,
  plan: planDe,
  programme: programmeDe,
  report: reportDe,
  templates: templatesDe,
  reportTemplates: reportTemplatesDe,
  review: reviewDe,
  verify: verifyDe,
} satisfies Record<UiNamespace | 'errors' | 'labels', object>;
