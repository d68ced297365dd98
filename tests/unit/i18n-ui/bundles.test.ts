import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '#shared/i18n/languages';
import { SHARED_RESOURCES } from '#shared/i18n/resources';
import { loadCatalogues } from '../../../renderer/src/i18n/catalogues';
import { UI_NAMESPACES } from '../../../renderer/src/i18n/namespaces';

/**
 * The UI loads one language's catalogues at a time (renderer/src/i18n/bundles/<lng>.ts, a chunk each). Each bundle
 * must hold exactly the namespaces registered in namespaces.ts, each in its own language (the types only see the
 * shape: German holding the English catalogue of a namespace would compile), with the shared errors and labels.
 */
describe('the language bundles', () => {
  it.each(LANGUAGES)('%s holds every registered namespace in that language, and nothing else', async (lng) => {
    const bundle = (await loadCatalogues(lng)) as Record<string, object>;
    const expected: Record<string, object> = {
      errors: SHARED_RESOURCES[lng].errors,
      labels: SHARED_RESOURCES[lng].labels,
    };
    for (const [ns, byLanguage] of Object.entries(UI_NAMESPACES)) expected[ns] = byLanguage[lng];
    expect(Object.keys(bundle).sort()).toEqual(Object.keys(expected).sort());
    for (const [ns, catalogue] of Object.entries(expected)) {
      expect(bundle[ns], `${lng} bundle's ${ns}`).toBe(catalogue);
    }
  });
});
