import { createInstance, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '#shared/i18n/languages';
import { SHARED_RESOURCES } from '#shared/i18n/resources';
import { setFormatLocale } from './locale';
import { UI_NAMESPACES } from './namespaces';
import {
  localeFor,
  resolveLanguage,
  storedLanguageChoice,
  storeLanguageChoice,
  type LanguageChoice,
} from './preference';

/** The shared namespaces the UI shows: error texts and the domain's labels (the report's words stay in the backend). */
const SHARED_FOR_UI = ['errors', 'labels'] as const;

function resources(): Resource {
  const out: Resource = {};
  for (const lng of LANGUAGES) {
    const ns: Record<string, object> = {};
    for (const name of SHARED_FOR_UI) ns[name] = SHARED_RESOURCES[lng][name];
    for (const [name, byLanguage] of Object.entries(UI_NAMESPACES)) ns[name] = byLanguage[lng];
    out[lng] = ns;
  }
  return out;
}

/** The renderer's one i18next instance; components reach it through react-i18next's useTranslation. */
export const i18n = createInstance();

function applyDocumentLanguage(language: Language): void {
  setFormatLocale(localeFor(language));
  // Typed loosely: this file also compiles without the DOM library (unit tests run in Node).
  const doc = (globalThis as { document?: { documentElement: { lang: string } } }).document;
  if (doc) doc.documentElement.lang = language;
}

/** Set up once, before the first render, in the language the user chose (or the system's). */
export function initI18n(): void {
  if (i18n.isInitialized) return;
  const language = resolveLanguage(storedLanguageChoice());
  applyDocumentLanguage(language);
  void i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: [...SHARED_FOR_UI, ...Object.keys(UI_NAMESPACES)],
    defaultNS: 'common',
    resources: resources(),
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  i18n.on('languageChanged', (lng) => applyDocumentLanguage(resolveLanguage(lng as LanguageChoice)));
}

/** The Settings choice: stored on this computer and applied at once (every translated component re-renders). */
export function chooseLanguage(choice: LanguageChoice): void {
  storeLanguageChoice(choice);
  void i18n.changeLanguage(resolveLanguage(choice));
}
