import { LANGUAGE_NATIVE_NAMES, LANGUAGES } from '#shared/i18n/languages';

/**
 * The report languages for a Select, each in its own name: the client's language is picked by someone who may
 * not read the UI's (an audit's form, the certification body's default).
 */
export const reportLanguageOptions = LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NATIVE_NAMES[l] }));
