import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '#shared/i18n/languages';
import { UI_NAMESPACES } from '../../../renderer/src/i18n/namespaces';
import { catalogueProblems } from './problems';

/**
 * The UI's catalogues are complete in every shipped language: no key missing or
 * empty, none extra, and the same {{params}} and <tags> as English (a German
 * text that drops {{count}} would show a sentence without its number).
 */
describe('UI catalogues', () => {
  it('lists every renderer namespace in every language', () => {
    for (const [ns, byLanguage] of Object.entries(UI_NAMESPACES)) {
      expect(Object.keys(byLanguage).sort(), ns).toEqual([...LANGUAGES].sort());
    }
  });

  it('has every English key, non-empty, with the same params, in German and French', () => {
    const problems = Object.entries(UI_NAMESPACES).flatMap(([ns, byLanguage]) =>
      catalogueProblems(ns, byLanguage as Record<string, unknown>),
    );
    expect(problems, `Catalogue problems:\n${problems.join('\n')}`).toEqual([]);
  });

  it('reports a missing key, an empty text, a changed param and a tag named like a void element', () => {
    const problems = catalogueProblems('demo', {
      en: { a: 'A {{count}}', b: { c: 'C' }, d: 'D <key>x</key>', e: '<link>E</link>' },
      de: { a: 'A {{anzahl}}', b: { c: '' }, d: 'D x', e: '<link>E</link>' },
      fr: { a: 'A {{count}}', b: {}, e: '<link>E</link>' },
    });
    expect(problems).toEqual([
      'demo:e: <link> is an HTML void element, so its text would be lost; name it otherwise',
      'demo:a (de): params {{anzahl}} differ from English {{count}}',
      'demo:b.c (de): empty',
      'demo:d (de): tags  differ from English <key>',
      'demo:b.c (fr): missing',
      'demo:d (fr): missing',
    ]);
  });
});
