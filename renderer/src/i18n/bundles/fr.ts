import { errorsFr } from '#shared/i18n/errors/fr';
import { labelsFr } from '#shared/i18n/labels/fr';
import { auditsFr } from '../audits/fr';
import { backupsFr } from '../backups/fr';
import { brandingFr } from '../branding/fr';
import { checklistFr } from '../checklist/fr';
import { clientsFr } from '../clients/fr';
import { commonFr } from '../common/fr';
import { componentsFr } from '../components/fr';
import { dashboardFr } from '../dashboard/fr';
import { evidenceFr } from '../evidence/fr';
import { findingsFr } from '../findings/fr';
import { planFr } from '../plan/fr';
import { programmeFr } from '../programme/fr';
import { recordsFr } from '../records/fr';
import { reportFr } from '../report/fr';
import { reportTemplatesFr } from '../reportTemplates/fr';
import { reviewFr } from '../review/fr';
import { securityFr } from '../security/fr';
import { shellFr } from '../shell/fr';
import { signingFr } from '../signing/fr';
import { teamFr } from '../team/fr';
import { templatesFr } from '../templates/fr';
import { verifyFr } from '../verify/fr';
import type { UiNamespace } from '../namespaces';

/** Every catalogue the UI shows in this language, one chunk: loaded when the language is in use (../catalogues.ts). */
export const bundle = {
  errors: errorsFr,
  labels: labelsFr,
  audits: auditsFr,
  backups: backupsFr,
  branding: brandingFr,
  checklist: checklistFr,
  clients: clientsFr,
  common: commonFr,
  components: componentsFr,
  dashboard: dashboardFr,
  evidence: evidenceFr,
  findings: findingsFr,
  security: securityFr,
  records: recordsFr,
  shell: shellFr,
  signing: signingFr,
  team: teamFr,
  plan: planFr,
  programme: programmeFr,
  report: reportFr,
  templates: templatesFr,
  reportTemplates: reportTemplatesFr,
  review: reviewFr,
  verify: verifyFr,
} satisfies Record<UiNamespace | 'errors' | 'labels', object>;
