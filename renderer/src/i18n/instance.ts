import { createInstance, type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '#shared/i18n/languages';
import { loadCatalogues } from './catalogues';
import { setFormatLocale } from './locale';
import {
  localeFor,
  resolveLanguage,
  storedLanguageChoice,
  storeLanguageChoice,
  type LanguageChoice,
} from './preference';

/**
 * i18next reads a language's namespaces from its catalogue chunk (catalogues.ts) when the language is first used:
 * at start, and on a change of language (changeLanguage resolves once they are in).
 */
const cataloguesBackend: BackendModule = {
  type: 'backend',
  init: () => {},
  read(language, namespace, callback) {
    if (!isLanguage(language)) return callback(null, {});
    loadCatalogues(language).then(
      (catalogues) => callback(null, ((catalogues as Record<string, unknown>)[namespace] ?? {}) as ResourceKey),
      (e: unknown) => callback(e instanceof Error ? e : new Error(String(e)), null),
    );
  },
};

/** The renderer's one i18next instance; components reach it through react-i18next's useTranslation. */
export const i18n = createInstance();

function applyDocumentLanguage(language: Language): void {
  setFormatLocale(localeFor(language));
  // Typed loosely: this file also compiles without the DOM library (unit tests run in Node).
  const doc = (globalThis as { document?: { documentElement: { lang: string } } }).document;
  if (doc) doc.documentElement.lang = language;
}

let ready: Promise<void> | undefined;

/**
 * Set up once, before the first render, in the language the user chose (or the system's), with that language's
 * catalogues only. No fallback language: every catalogue holds every key (typed against English, and
 * tests/unit/i18n-ui/catalogue.test.ts), so English would be loaded for nothing.
 */
export function initI18n(): Promise<void> {
  return (ready ??= (async () => {
    const language = resolveLanguage(storedLanguageChoice());
    const catalogues = await loadCatalogues(language);
    applyDocumentLanguage(language);
    await i18n
      .use(cataloguesBackend)
      .use(initReactI18next)
      .init({
        lng: language,
        fallbackLng: false,
        supportedLngs: [...LANGUAGES],
        ns: Object.keys(catalogues),
        defaultNS: 'common',
        // React escapes what it renders.
        interpolation: { escapeValue: false },
        returnNull: false,
        react: { useSuspense: false },
      });
    i18n.on('languageChanged', (lng) => applyDocumentLanguage(resolveLanguage(lng as LanguageChoice)));
  })());
}

/** The Settings choice: stored on this computer and applied at once (every translated component re-renders). */
export function chooseLanguage(choice: LanguageChoice): void {
  storeLanguageChoice(choice);
  void i18n.changeLanguage(resolveLanguage(choice));
}
