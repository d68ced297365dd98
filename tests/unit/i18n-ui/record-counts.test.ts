import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n, initI18n } from '../../../renderer/src/i18n/instance';

/**
 * What the completeness test cannot see: the records' and evidence's counted
 * sentences pick the right plural form per language through i18next's suffixes
 * (French says "0 entretien", English "0 interviews"), numbers are grouped the
 * language's way, and a kind-by-kind sentence resolves to the kind's own words.
 */
describe('records and evidence counts', () => {
  beforeAll(() => initI18n()); // Node: the system default, English.
  afterAll(() => void i18n.changeLanguage('en'));

  it('pluralises per language, 0 singular in French, numbers grouped by the locale', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('records:interview.count', { count: 0 })).toBe('0 interviews');
    expect(i18n.t('records:interview.count', { count: 1 })).toBe('1 interview');
    expect(i18n.t('evidence:library.count', { count: 1200 })).toBe('1,200 attachments');
    await i18n.changeLanguage('de');
    expect(i18n.t('records:observation.count', { count: 1 })).toBe('1 Beobachtung');
    expect(i18n.t('records:observation.count', { count: 2 })).toBe('2 Beobachtungen');
    expect(i18n.t('evidence:library.count', { count: 1200 })).toBe('1.200 Anhänge');
    await i18n.changeLanguage('fr');
    expect(i18n.t('records:interview.count', { count: 0 })).toBe('0 entretien');
    expect(i18n.t('records:interview.count', { count: 2 })).toBe('2 entretiens');
  });

  it('words a sentence about the record an attachment is on as that kind says it', async () => {
    await i18n.changeLanguage('de');
    expect(i18n.t('evidence:target.observation.linked', { count: 2 })).toBe(
      '2 Anhänge mit dieser Beobachtung verknüpft',
    );
    expect(i18n.t('evidence:target.interview.linked', { count: 1 })).toBe('1 Anhang mit diesem Interview verknüpft');
    expect(i18n.t('records:observation.new')).toBe('Neue Beobachtung');
  });
});
