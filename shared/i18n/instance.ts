import { createInstance, type i18n, type Resource, type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages';
import { SHARED_NAMESPACES, SHARED_RESOURCES } from './resources';

/**
 * A fresh i18next instance fixed to one language, holding the shared
 * namespaces (errors, labels, report) plus any `extra` resources (the renderer
 * adds its UI namespaces). Isolated rather than the global i18next so a German
 * report rendered while the UI is in French never switches anyone's language.
 * Initialised synchronously: the catalogues are in-memory objects.
 */
export function createI18n(language: Language, extra?: Resource): i18n {
  const resources: Resource = {};
  for (const lng of LANGUAGES) {
    resources[lng] = { ...SHARED_RESOURCES[lng], ...(extra?.[lng] ?? {}) };
  }
  const instance = createInstance();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: [...SHARED_NAMESPACES, ...Object.keys(extra?.[DEFAULT_LANGUAGE] ?? {})],
    defaultNS: SHARED_NAMESPACES[0],
    resources,
    initAsync: false,
    // Our output is never HTML: React escapes, docx escapes XML, the CLI prints plain text.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

const cache = new Map<Language, TFunction>();

/** A cached `t` for one language over the shared namespaces (backend and shared code). */
export function translator(language: Language): TFunction {
  let t = cache.get(language);
  if (!t) {
    t = createI18n(language).t;
    cache.set(language, t);
  }
  return t;
}
