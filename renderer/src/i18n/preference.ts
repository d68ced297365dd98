import { isLanguage, languageFromLocale, type Language } from '#shared/i18n/languages';

/** What the user picked in Settings: a language, or whatever the system speaks. */
export type LanguageChoice = 'system' | Language;

// On this computer only (like the colour scheme): a second auditor on another machine keeps their own.
const KEY = 'fieldwork-ui-language';

// Typed loosely: this file also compiles without the DOM library (unit tests run in Node).
interface Browserish {
  localStorage?: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
  navigator?: { language?: string };
}
const browser = globalThis as Browserish;

export function storedLanguageChoice(): LanguageChoice {
  try {
    const v = browser.localStorage?.getItem(KEY) ?? null;
    return isLanguage(v) ? v : 'system';
  } catch {
    return 'system'; // storage refused (private mode): the system's language
  }
}

export function storeLanguageChoice(choice: LanguageChoice): void {
  try {
    if (choice === 'system') browser.localStorage?.removeItem(KEY);
    else browser.localStorage?.setItem(KEY, choice);
  } catch {
    // Not kept across restarts; the change still applies now.
  }
}

export function systemLocale(): string {
  return browser.navigator?.language ?? 'en';
}

export function resolveLanguage(choice: LanguageChoice): Language {
  return choice === 'system' ? languageFromLocale(systemLocale()) : choice;
}

/** The system's full tag when it speaks `language` (regional formats), else the bare language. */
export function localeFor(language: Language): string {
  const system = systemLocale();
  return languageFromLocale(system) === language ? system : language;
}
