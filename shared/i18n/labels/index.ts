import type { Catalogue } from '../catalogue';
import type { Language } from '../languages';
import { labelsDe } from './de';
import { labelsEn } from './en';
import { labelsFr } from './fr';

export type Labels = Catalogue<typeof labelsEn>;

const BY_LANGUAGE: Record<Language, Labels> = { en: labelsEn, de: labelsDe, fr: labelsFr };

/**
 * The domain's labels in one language, as plain maps (`labelsIn('de').findingType.major`).
 * Code that only needs a word for an enum value reads this; full sentences go through `t`.
 */
export function labelsIn(language: Language): Labels {
  return BY_LANGUAGE[language];
}

export { labelsEn };
