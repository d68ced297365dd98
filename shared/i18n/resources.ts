import { errorsDe } from './errors/de';
import { errorsEn } from './errors/en';
import { errorsFr } from './errors/fr';
import { labelsDe } from './labels/de';
import { labelsEn } from './labels/en';
import { labelsFr } from './labels/fr';
import type { Language } from './languages';
import { reportDe } from './report/de';
import { reportEn } from './report/en';
import { reportFr } from './report/fr';

/** The namespaces shared by the backend and the renderer (the renderer adds its own UI namespaces). */
export const SHARED_NAMESPACES = ['errors', 'labels', 'report'] as const;
export type SharedNamespace = (typeof SHARED_NAMESPACES)[number];

/** Every shared catalogue, per language and namespace (i18next's `resources` shape). */
export const SHARED_RESOURCES = {
  en: { errors: errorsEn, labels: labelsEn, report: reportEn },
  de: { errors: errorsDe, labels: labelsDe, report: reportDe },
  fr: { errors: errorsFr, labels: labelsFr, report: reportFr },
} as const satisfies Record<Language, Record<SharedNamespace, object>>;
