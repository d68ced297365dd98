import { errorsEn } from '#shared/i18n/errors/en';
import { labelsEn } from '#shared/i18n/labels/en';
import { auditsEn } from '../audits/en';
import { backupsEn } from '../backups/en';
import { brandingEn } from '../branding/en';
import { checklistEn } from '../checklist/en';
import { clientsEn } from '../clients/en';
import { commonEn } from '../common/en';
import { componentsEn } from '../components/en';
import { dashboardEn } from '../dashboard/en';
import { evidenceEn } from '../evidence/en';
import { findingsEn } from '../findings/en';
import { planEn } from '../plan/en';
import { programmeEn } from '../programme/en';
import { recordsEn } from '../records/en';
import { reportEn } from '../report/en';
import { reportTemplatesEn } from '../reportTemplates/en';
import { reviewEn } from '../review/en';
import { securityEn } from '../security/en';
import { shellEn } from '../shell/en';
import { signingEn } from '../signing/en';
import { teamEn } from '../team/en';
import { templatesEn } from '../templates/en';
import { verifyEn } from '../verify/en';
import type { UiNamespace } from '../namespaces';

/** Every catalogue the UI shows in this language, one chunk: loaded when the language is in use (../catalogues.ts). */
export const bundle = {
  errors: errorsEn,
  labels: labelsEn,
  audits: auditsEn,
  backups: backupsEn,
  branding: brandingEn,
  checklist: checklistEn,
  clients: clientsEn,
  common: commonEn,
  components: componentsEn,
  dashboard: dashboardEn,
  evidence: evidenceEn,
  findings: findingsEn,
  security: securityEn,
  records: recordsEn,
  shell: shellEn,
  signing: signingEn,
  team: teamEn,
  plan: planEn,
  programme: programmeEn,
  report: reportEn,
  templates: templatesEn,
  reportTemplates: reportTemplatesEn,
  review: reviewEn,
  verify: verifyEn,
} satisfies Record<UiNamespace | 'errors' | 'labels', object>;
