import type { Language } from '#shared/i18n/languages';
import { auditsDe } from './audits/de';
import { auditsEn } from './audits/en';
import { auditsFr } from './audits/fr';
import { backupsDe } from './backups/de';
import { backupsEn } from './backups/en';
import { backupsFr } from './backups/fr';
import { brandingDe } from './branding/de';
import { brandingEn } from './branding/en';
import { brandingFr } from './branding/fr';
import { checklistDe } from './checklist/de';
import { checklistEn } from './checklist/en';
import { checklistFr } from './checklist/fr';
import { clientsDe } from './clients/de';
import { clientsEn } from './clients/en';
import { clientsFr } from './clients/fr';
import { componentsDe } from './components/de';
import { componentsEn } from './components/en';
import { componentsFr } from './components/fr';
import { commonDe } from './common/de';
import { commonEn } from './common/en';
import { commonFr } from './common/fr';
import { dashboardDe } from './dashboard/de';
import { dashboardEn } from './dashboard/en';
import { dashboardFr } from './dashboard/fr';
import { evidenceDe } from './evidence/de';
import { evidenceEn } from './evidence/en';
import { evidenceFr } from './evidence/fr';
import { findingsDe } from './findings/de';
import { findingsEn } from './findings/en';
import { findingsFr } from './findings/fr';
import { securityDe } from './security/de';
import { securityEn } from './security/en';
import { securityFr } from './security/fr';
import { recordsDe } from './records/de';
import { recordsEn } from './records/en';
import { recordsFr } from './records/fr';
import { shellDe } from './shell/de';
import { shellEn } from './shell/en';
import { shellFr } from './shell/fr';
import { signingDe } from './signing/de';
import { signingEn } from './signing/en';
import { signingFr } from './signing/fr';
import { teamDe } from './team/de';
import { teamEn } from './team/en';
import { teamFr } from './team/fr';
import { planDe } from './plan/de';
import { planEn } from './plan/en';
import { planFr } from './plan/fr';
import { programmeDe } from './programme/de';
import { programmeEn } from './programme/en';
import { programmeFr } from './programme/fr';
import { reportDe } from './report/de';
import { reportEn } from './report/en';
import { reportFr } from './report/fr';
import { templatesDe } from './templates/de';
import { templatesEn } from './templates/en';
import { templatesFr } from './templates/fr';
import { reportTemplatesDe } from './reportTemplates/de';
import { reportTemplatesEn } from './reportTemplates/en';
import { reportTemplatesFr } from './reportTemplates/fr';
import { reviewDe } from './review/de';
import { reviewEn } from './review/en';
import { reviewFr } from './review/fr';
import { verifyDe } from './verify/de';
import { verifyEn } from './verify/en';
import { verifyFr } from './verify/fr';

/**
 * The renderer's own catalogues: one namespace per feature folder, each in
 * every shipped language. New namespaces are one line here (the instance and
 * the completeness test read this list).
 */
export const UI_NAMESPACES = {
  audits: { en: auditsEn, de: auditsDe, fr: auditsFr },
  backups: { en: backupsEn, de: backupsDe, fr: backupsFr },
  branding: { en: brandingEn, de: brandingDe, fr: brandingFr },
  checklist: { en: checklistEn, de: checklistDe, fr: checklistFr },
  clients: { en: clientsEn, de: clientsDe, fr: clientsFr },
  common: { en: commonEn, de: commonDe, fr: commonFr },
  components: { en: componentsEn, de: componentsDe, fr: componentsFr },
  dashboard: { en: dashboardEn, de: dashboardDe, fr: dashboardFr },
  evidence: { en: evidenceEn, de: evidenceDe, fr: evidenceFr },
  findings: { en: findingsEn, de: findingsDe, fr: findingsFr },
  security: { en: securityEn, de: securityDe, fr: securityFr },
  records: { en: recordsEn, de: recordsDe, fr: recordsFr },
  shell: { en: shellEn, de: shellDe, fr: shellFr },
  signing: { en: signingEn, de: signingDe, fr: signingFr },
  team: { en: teamEn, de: teamDe, fr: teamFr },
  plan: { en: planEn, de: planDe, fr: planFr },
  programme: { en: programmeEn, de: programmeDe, fr: programmeFr },
  report: { en: reportEn, de: reportDe, fr: reportFr },
  templates: { en: templatesEn, de: templatesDe, fr: templatesFr },
  reportTemplates: { en: reportTemplatesEn, de: reportTemplatesDe, fr: reportTemplatesFr },
  review: { en: reviewEn, de: reviewDe, fr: reviewFr },
  verify: { en: verifyEn, de: verifyDe, fr: verifyFr },
} as const satisfies Record<string, Record<Language, object>>;

export type UiNamespace = keyof typeof UI_NAMESPACES;
