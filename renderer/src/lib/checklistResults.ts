import { RESULT_LABELS, type ItemResult } from '#shared/domain/checklist';

/** One colour per result, the same on badges, dashboard cards and the chart. */
export const RESULT_COLORS: Record<ItemResult, string> = {
  not_audited: 'gray',
  conforming: 'teal',
  ofi: 'yellow',
  minor_nc: 'orange',
  major_nc: 'red',
  not_applicable: 'dark',
};

/** Short labels where space is tight (the result control, badges). */
export const RESULT_SHORT: Record<ItemResult, string> = {
  not_audited: 'Not audited',
  conforming: 'Conforming',
  ofi: 'OFI',
  minor_nc: 'Minor NC',
  major_nc: 'Major NC',
  not_applicable: 'N/A',
};

export const resultLabel = (r: ItemResult): string => RESULT_LABELS[r];
