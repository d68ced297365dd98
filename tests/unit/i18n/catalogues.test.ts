import { describe, expect, it } from 'vitest';
import { translator } from '#shared/i18n/instance';
import { LANGUAGES, languageFromLocale } from '#shared/i18n/languages';
import { SHARED_NAMESPACES, SHARED_RESOURCES } from '#shared/i18n/resources';

/**
 * Every shipped language has every key of the English catalogues, none empty,
 * with the same {{params}} — checked at run time too (the types catch a missing
 * key at compile time, not an empty string or a misspelt parameter).
 */

type Tree = { readonly [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

const params = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('the shared catalogues (errors, labels, report)', () => {
  it('have every English key in every language, none empty, with the same {{params}}', () => {
    const problems: string[] = [];
    for (const ns of SHARED_NAMESPACES) {
      const en = leaves(SHARED_RESOURCES.en[ns]);
      expect(en.size).toBeGreaterThan(0);
      for (const lng of LANGUAGES) {
        const other = leaves(SHARED_RESOURCES[lng][ns]);
        for (const [key, text] of en) {
          const t = other.get(key);
          if (t === undefined) problems.push(`${lng} ${ns}:${key} is missing`);
          else if (t.trim() === '') problems.push(`${lng} ${ns}:${key} is empty`);
          else if (params(t).join() !== params(text).join()) {
            problems.push(
              `${lng} ${ns}:${key} has {{${params(t).join(', ')}}}, English {{${params(text).join(', ')}}}`,
            );
          }
        }
        for (const key of other.keys()) if (!en.has(key)) problems.push(`${lng} ${ns}:${key} is not in English`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('render through i18next: plurals by the language, params filled in, English as the fallback', () => {
    expect(translator('de')('report:approach.interviews', { count: 1 })).toBe('1 Interview');
    expect(translator('fr')('report:evidence.bytes', { count: 2 })).toBe('2 octets');
    expect(translator('en')('report:evidence.bytes', { count: 1 })).toBe('1 byte');
    expect(translator('de')('labels:findingType.minor')).toBe('Nebenabweichung');
    expect(translator('fr')('labels:findingType.ofi')).toBe("Piste d'amélioration");
  });

  it('picks the language of a locale tag, English for anything else', () => {
    expect(['de-AT', 'fr_CH.UTF-8', 'en-US', 'es-ES', '', undefined].map(languageFromLocale)).toEqual([
      'de',
      'fr',
      'en',
      'en',
      'en',
      'en',
    ]);
  });
});
