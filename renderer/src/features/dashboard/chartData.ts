import { RESULTS, RESULT_LABELS, type Dashboard } from '#shared/domain/checklist';
import { RESULT_COLORS } from '../../lib/checklistResults';

type GroupRow = Dashboard['byGroup'][number];

/** A short axis label: "Cl. 4" (`clause` words it in the UI language), "A.5", or the topic group's title. */
export const groupLabel = (
  g: Pick<GroupRow, 'groupId' | 'groupTitle' | 'groupKind'>,
  clause: (id: string) => string = (id) => `Cl. ${id}`,
): string => (g.groupKind === 'clause' ? clause(g.groupId) : g.groupKind === 'theme' ? g.groupId : g.groupTitle);

/** Chart shades: the badge colour one step stronger, so light/dark themes both read. */
const shade = (color: string) => (color === 'gray' ? 'gray.4' : color === 'dark' ? 'dark.2' : `${color}.6`);

export const RESULT_SERIES = RESULTS.map((r) => ({ name: r, label: RESULT_LABELS[r], color: shade(RESULT_COLORS[r]) }));

export function chartRows(
  byGroup: Dashboard['byGroup'],
  clause?: (id: string) => string,
): Record<string, string | number>[] {
  return byGroup.map((g) => ({ group: groupLabel(g, clause), ...g.byResult }));
}
