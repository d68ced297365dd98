/**
 * The checklist's rows take their words from one object per language (features/checklist/rowLabels) instead of
 * looking each up per row, and the select hint splits its bold part itself instead of <Trans>. What could go wrong
 * there and nowhere else: a plural form kept for the wrong count, a language change that keeps the old words, an
 * exclusion without its "no justification" note, a catalogue whose <b> markup the split no longer finds.
 */
import { createInstance } from 'i18next';
import { isValidElement, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { labelsDe } from '#shared/i18n/labels/de';
import { labelsEn } from '#shared/i18n/labels/en';
import { labelsFr } from '#shared/i18n/labels/fr';
import { rowLabels } from '../../../renderer/src/features/checklist/rowLabels';
import { checklistDe } from '../../../renderer/src/i18n/checklist/de';
import { checklistEn } from '../../../renderer/src/i18n/checklist/en';
import { checklistFr } from '../../../renderer/src/i18n/checklist/fr';

// A .tsx module, outside this project's TypeScript files (so named by a variable): typed by what the test reads.
const SELECT_HINT = '../../../renderer/src/features/checklist/SelectHint';
const { withBold } = (await import(/* @vite-ignore */ SELECT_HINT)) as unknown as {
  withBold: (text: string) => (string | ReactElement<{ children: string }>)[];
};

/** The screen's two namespaces from the real catalogues, with the options the app's instance sets. */
const i18n = createInstance();
await i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  ns: ['checklist', 'labels'],
  defaultNS: 'checklist',
  resources: {
    en: { checklist: checklistEn, labels: labelsEn },
    de: { checklist: checklistDe, labels: labelsDe },
    fr: { checklist: checklistFr, labels: labelsFr },
  },
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

describe('checklist row labels', () => {
  const labelsIn = async (lng: string) => {
    await i18n.changeLanguage(lng);
    return rowLabels(i18n.getFixedT(lng, 'checklist'));
  };

  it('keeps each count in its own plural form, asked in any order', async () => {
    const en = await labelsIn('en');
    expect(en.samples(5)).toBe('5 sampled records');
    expect(en.samples(1)).toBe('1 sampled record');
    expect(en.samples(5)).toBe('5 sampled records');
    const de = await labelsIn('de');
    expect(de.samples(1)).toBe('1 Stichprobe');
    expect(de.samples(2)).toBe('2 Stichproben');
  });

  it('has the words of the language it was made in, for every result', async () => {
    const en = await labelsIn('en');
    const de = await labelsIn('de');
    expect(de.result.conforming).toBe('Konform');
    expect(de.result.major_nc).toBe('Hauptabweichung');
    expect(de.needsFinding).toBe('Braucht eine Feststellung');
    expect(en.result.conforming).toBe('Conforming');
    for (const r of Object.keys(en.result) as (keyof typeof en.result)[]) {
      expect(de.result[r]).toBe(i18n.getFixedT('de', 'labels')(`result.${r}`));
      expect(de.short[r]).toBe(i18n.getFixedT('de', 'checklist')(`resultShort.${r}`));
      expect(de.short[r]).not.toBe('');
    }
  });

  it('words an exclusion with the SoA justification, or says it gave none', async () => {
    const de = await labelsIn('de');
    expect(de.notApplicable('Keine eigenen Räume')).toBe('Nicht anwendbar – Keine eigenen Räume');
    expect(de.notApplicable('')).toBe('Nicht anwendbar – keine Begründung in der Erklärung zur Anwendbarkeit');
    expect(de.notApplicable(undefined)).toBe(de.notApplicable(''));
  });
});

describe('the select hint', () => {
  it('bolds exactly the key in every language, and leaves no markup as text', async () => {
    for (const lng of ['en', 'de', 'fr']) {
      await i18n.changeLanguage(lng);
      const parts = withBold(i18n.t('checklist:list.selectHint'));
      const bold = parts.filter((p) => isValidElement(p));
      expect(bold.map((b) => (b as ReactElement<{ children: string }>).props.children)).toEqual(['?']);
      expect(bold[0]!.type).toBe('b');
      const text = parts.filter((p): p is string => typeof p === 'string').join('');
      expect(text).not.toMatch(/<\/?b>/);
      expect(text.length).toBeGreaterThan(40);
    }
  });

  it('leaves text without markup whole', () => {
    expect(withBold('Nothing bold here')).toEqual(['Nothing bold here']);
  });
});
