import type { Language } from '#shared/i18n/languages';
import { auditsDe } from './audits/de';
import { auditsEn } from './audits/en';
import { auditsFr } from './audits/fr';
import { checklistDe } from './checklist/de';
import { checklistEn } from './checklist/en';
import { checklistFr } from './checklist/fr';
import { clientsDe } from './clients/de';
import { clientsEn } from './clients/en';
import { clientsFr } from './clients/fr';
import { commonDe } from './common/de';
import { commonEn } from './common/en';
import { commonFr } from './common/fr';
import { dashboardDe } from './dashboard/de';
import { dashboardEn } from './dashboard/en';
import { dashboardFr } from './dashboard/fr';
import { findingsDe } from './findings/de';
import { findingsEn } from './findings/en';
import { findingsFr } from './findings/fr';
import { shellDe } from './shell/de';
import { shellEn } from './shell/en';
import { shellFr } from './shell/fr';
import { reportTemplatesDe } from './reportTemplates/de';
import { reportTemplatesEn } from './reportTemplates/en';
import { reportTemplatesFr } from './reportTemplates/fr';

/**
 * The renderer's own catalogues: one namespace per feature folder, each in
 * every shipped language. New namespaces are one line here (the instance and
 * the completeness test read this list).
 */
export const UI_NAMESPACES = {
  audits: { en: auditsEn, de: auditsDe, fr: auditsFr },
  checklist: { en: checklistEn, de: checklistDe, fr: checklistFr },
  clients: { en: clientsEn, de: clientsDe, fr: clientsFr },
  common: { en: commonEn, de: commonDe, fr: commonFr },
  dashboard: { en: dashboardEn, de: dashboardDe, fr: dashboardFr },
  findings: { en: findingsEn, de: findingsDe, fr: findingsFr },
  shell: { en: shellEn, de: shellDe, fr: shellFr },
  reportTemplates: { en: reportTemplatesEn, de: reportTemplatesDe, fr: reportTemplatesFr },
} as const satisfies Record<string, Record<Language, object>>;

export type UiNamespace = keyof typeof UI_NAMESPACES;
