import type { TFunction } from 'i18next';
import { RESULTS, type ItemResult } from '#shared/domain/checklist';

/**
 * The words every checklist row shows, looked up once per language instead of
 * in each of the 120+ rows: an i18next lookup is a resolve through namespaces,
 * fallbacks and options (tens of microseconds each under load), and each row
 * with its badge made five of them and subscribed twice to language changes.
 */
export interface RowLabels {
  /** The result in words: what a screen reader announces and the badge's tooltip. */
  result: Readonly<Record<ItemResult, string>>;
  /** The badge's abbreviation. */
  short: Readonly<Record<ItemResult, string>>;
  needsFinding: string;
  /** "5 sampled records", in the language's plural form (kept per count). */
  samples: (count: number) => string;
  /** The line of an item the SoA excludes, with the SoA's justification or a note that it gave none. */
  notApplicable: (justification: string | undefined) => string;
}

const byResult = (word: (r: ItemResult) => string): Record<ItemResult, string> =>
  Object.fromEntries(RESULTS.map((r) => [r, word(r)])) as Record<ItemResult, string>;

/** `t` is the checklist namespace's; react-i18next hands out a new one when the language changes. */
export function rowLabels(t: TFunction<'checklist'>): RowLabels {
  const samples = new Map<number, string>();
  return {
    result: byResult((r) => t(`labels:result.${r}`)),
    short: byResult((r) => t(`resultShort.${r}`)),
    needsFinding: t('row.needsFinding'),
    samples: (count) => {
      let text = samples.get(count);
      if (text === undefined) {
        text = t('row.samples', { count });
        samples.set(count, text);
      }
      return text;
    },
    notApplicable: (justification) =>
      t('row.notApplicable', { justification: justification || t('row.noJustification') }),
  };
}
