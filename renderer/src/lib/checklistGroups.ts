import type { ChecklistItem } from '#shared/domain/checklist';

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
