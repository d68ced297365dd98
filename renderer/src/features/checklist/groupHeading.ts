import type { TFunction } from 'i18next';
import type { ItemGroup } from '../../lib/checklistGroups';

/**
 * "Clause 4 · Context of the organization" in the UI language: the word is ours, the
 * number and the standard's title stay as the template has them (English titles; no licence for translated ones).
 */
export const groupHeading = (t: TFunction, g: Pick<ItemGroup, 'id' | 'title' | 'kind'>): string =>
  g.kind === 'clause'
    ? t('checklist:clauseHeading', { id: g.id, title: g.title })
    : g.kind === 'theme'
      ? `${g.id} · ${g.title}`
      : g.title;
