/**
 * The languages Fieldwork ships: the UI, the domain labels, the errors and the
 * reports are all catalogued in each of them. English is the source language
 * (every other catalogue is typed against it) and the fallback.
 */
export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's name in its own words (for pickers: a German reader looks for "Deutsch"). */
export const LANGUAGE_NATIVE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The shipped language for a BCP 47 tag or POSIX locale: "de-AT" → de,
 * "fr_CH.UTF-8" → fr, anything unknown or empty → en.
 */
export function languageFromLocale(tag: string | null | undefined): Language {
  if (!tag) return DEFAULT_LANGUAGE;
  const primary =
    tag
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0] ?? '';
  return isLanguage(primary) ? primary : DEFAULT_LANGUAGE;
}
