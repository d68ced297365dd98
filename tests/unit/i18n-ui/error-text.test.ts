import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsDe } from '#shared/i18n/errors/de';
import { errorsEn } from '#shared/i18n/errors/en';
import { errorText } from '../../../renderer/src/i18n/errorText';
import { i18n, initI18n } from '../../../renderer/src/i18n/instance';
import { formatLocale } from '../../../renderer/src/i18n/locale';

/**
 * The one way the UI words a backend error: the catalogue text for its key in
 * the UI language, with its params; the backend's English message when there
 * is no key (older backends, un-moved errors) or the key is unknown here.
 */
describe('errorText', () => {
  beforeAll(() => initI18n()); // Node: no window or navigator, so the system default, English.
  afterAll(() => void i18n.changeLanguage('en'));

  it('renders the key in the UI language, with its params, and follows a language change', async () => {
    const error = {
      code: 'forbidden',
      message: 'English as the backend sent it',
      key: 'errors:exports.notYetValid',
      params: { identity: 'Lena Lead', from: '2027-01-01' },
    };
    expect(errorText(error)).toBe(
      errorsEn.exports.notYetValid.replace('{{identity}}', 'Lena Lead').replace('{{from}}', '2027-01-01'),
    );
    await i18n.changeLanguage('de');
    expect(errorText(error)).toBe(
      errorsDe.exports.notYetValid.replace('{{identity}}', 'Lena Lead').replace('{{from}}', '2027-01-01'),
    );
    expect(formatLocale()).toBe('de');
  });

  it('falls back to the message without a key or with a key the catalogue does not hold', async () => {
    await i18n.changeLanguage('de');
    expect(errorText({ message: 'Plain English' })).toBe('Plain English');
    expect(errorText({ message: 'Plain English', key: 'errors:no.such.key' })).toBe('Plain English');
  });
});
