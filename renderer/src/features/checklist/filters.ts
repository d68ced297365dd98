import type { ChecklistItem, ItemResult } from '#shared/domain/checklist';

export interface Filters {
  results: ItemResult[];
  /** A team member's id, UNASSIGNED, or null for anyone. */
  assignee: string | null;
  group: string | null;
  notAudited: boolean;
  mine: boolean;
}

export const UNASSIGNED = 'unassigned';
export const NO_FILTERS: Filters = { results: [], assignee: null, group: null, notAudited: false, mine: false };

export const isFiltered = (f: Filters): boolean =>
  f.results.length > 0 || f.assignee !== null || f.group !== null || f.notAudited || f.mine;

export function matches(item: ChecklistItem, f: Filters, me: string | null): boolean {
  if (f.results.length > 0 && !f.results.includes(item.result)) return false;
  if (f.assignee !== null && (item.assigneeId ?? UNASSIGNED) !== f.assignee) return false;
  if (f.group !== null && item.groupId !== f.group) return false;
  if (f.notAudited && item.result !== 'not_audited') return false;
  if (f.mine && (me === null || item.assigneeId !== me)) return false;
  return true;
}
