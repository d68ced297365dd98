import type { REPORT_LANGUAGES } from '#shared/domain/branding';
import { STRINGS_EN, type ReportStrings } from './strings-en';

type Language = (typeof REPORT_LANGUAGES)[number];

const BY_LANGUAGE: Record<Language, ReportStrings> = { en: STRINGS_EN };

/** The fixed texts of a report in the certification body's language. */
export const reportStrings = (language: Language): ReportStrings => BY_LANGUAGE[language];
