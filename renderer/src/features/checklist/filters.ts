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

export interface ItemGroup {
  id: string;
  title: string;
  kind: ChecklistItem['groupKind'];
  items: ChecklistItem[];
}

/** Items in template order, grouped by clause, Annex A theme or Stage 1 topic group. */
export function groupItems(items: readonly ChecklistItem[]): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  for (const item of items) {
    let g = groups.get(item.groupId);
    if (!g) {
      g = { id: item.groupId, title: item.groupTitle, kind: item.groupKind, items: [] };
      groups.set(item.groupId, g);
    }
    g.items.push(item);
  }
  return [...groups.values()];
}

export const GROUP_KIND_LABELS: Record<ItemGroup['kind'], string> = {
  clause: 'Clauses',
  theme: 'Annex A themes',
  topic: 'Topics',
};

/** "Clause 4 · Context of the organization", "A.5 · Organizational controls", or a topic group's own title. */
export const groupHeading = (g: Pick<ItemGroup, 'id' | 'title' | 'kind'>): string =>
  g.kind === 'clause' ? `Clause ${g.id} · ${g.title}` : g.kind === 'theme' ? `${g.id} · ${g.title}` : g.title;
