import type { Language } from '#shared/i18n/languages';
import type { bundle } from './bundles/en';

/** One language's catalogues: the UI namespaces with the shared errors and labels, keyed by namespace. */
export type Catalogues = Record<keyof typeof bundle, object>;

/**
 * Each language is a chunk of its own, loaded when it is used: the first screen parses the user's language only
 * (the three together were about a third of the app's first chunk). Literal imports, so the bundler sees them.
 */
const LOADERS: Record<Language, () => Promise<Catalogues>> = {
  en: () => import('./bundles/en').then((m) => m.bundle),
  de: () => import('./bundles/de').then((m) => m.bundle),
  fr: () => import('./bundles/fr').then((m) => m.bundle),
};

const loading = new Map<Language, Promise<Catalogues>>();

/** A language's catalogues, loaded once; main.tsx asks for the user's before the app's code has arrived. */
export function loadCatalogues(language: Language): Promise<Catalogues> {
  let p = loading.get(language);
  if (!p) {
    p = LOADERS[language]();
    // A failed load (a chunk missing after an update) may be tried again.
    p.catch(() => loading.delete(language));
    loading.set(language, p);
  }
  return p;
}
