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

export const resultLabel = (r: ItemResult): string => RESULT_LABELS[r];
