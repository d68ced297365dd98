import { afterEach, describe, expect, it } from 'vitest';
import { setFormatLocale } from '../../../renderer/src/i18n/locale';
import { formatDay, formatInstantDay } from '../../../renderer/src/lib/format';

// lib/identity reaches window (keychainAvailable), outside this project's TypeScript files: named by a variable.
const IDENTITY = '../../../renderer/src/lib/identity';
const { formatCertDate } = (await import(/* @vite-ignore */ IDENTITY)) as unknown as {
  formatCertDate: (iso: string) => string;
};

// Dates follow the UI language (i18n/locale), not the system's: a German screen shows German month names.
describe('dates in the UI language', () => {
  afterEach(() => setFormatLocale('en-GB'));

  it('a certificate date is written in the chosen language, like an audit day', () => {
    setFormatLocale('de');
    expect(formatDay('2027-03-15')).toBe('15.03.2027');
    expect(formatCertDate('2027-03-15T12:00:00Z')).toBe('15.03.2027');
    setFormatLocale('fr');
    expect(formatCertDate('2027-03-15T12:00:00Z')).toBe('15 mars 2027');
    setFormatLocale('en-GB');
    expect(formatCertDate('2027-03-15T12:00:00Z')).toBe('15 Mar 2027');
  });

  it('keeps text that is not a date as it is', () => {
    expect(formatInstantDay('not a date')).toBe('not a date');
  });
});
