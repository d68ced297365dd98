import { RESULTS, type Dashboard, type ItemResult } from '../domain/checklist';
import { isAudited, stillNeedsFinding } from './checklist';

/** What the roll-up needs of a checklist item. */
export interface RollupItem {
  groupId: string;
  groupTitle: string;
  groupKind: Dashboard['byGroup'][number]['groupKind'];
  result: ItemResult;
  assigneeId: string | null;
  /** A finding (any status) is linked to the item: it no longer needs one. */
  hasFinding?: boolean;
}

export const UNASSIGNED_LABEL = 'Unassigned';

const zeroCounts = (): Record<ItemResult, number> =>
  Object.fromEntries(RESULTS.map((r) => [r, 0])) as Record<ItemResult, number>;

/**
 * The audit dashboard from its checklist items: counts by result, by group
 * (in checklist order), the items still to audit per team member (in team
 * order, then "Unassigned"), and how many items still need a written finding.
 */
export function rollup(items: readonly RollupItem[], team: readonly { id: string; name: string }[]): Dashboard {
  const byResult = zeroCounts();
  const groups = new Map<string, Dashboard['byGroup'][number]>();
  const open = new Map<string | null, number>([...team.map((m) => [m.id, 0] as const), [null, 0]]);
  let findings = 0;
  for (const item of items) {
    byResult[item.result] += 1;
    let group = groups.get(item.groupId);
    if (!group) {
      group = {
        groupId: item.groupId,
        groupTitle: item.groupTitle,
        groupKind: item.groupKind,
        total: 0,
        audited: 0,
        byResult: zeroCounts(),
      };
      groups.set(item.groupId, group);
    }
    group.total += 1;
    group.byResult[item.result] += 1;
    if (isAudited(item.result)) group.audited += 1;
    else {
      // An assignee no longer on the team counts as unassigned.
      const key = item.assigneeId !== null && open.has(item.assigneeId) ? item.assigneeId : null;
      open.set(key, (open.get(key) ?? 0) + 1);
    }
    if (stillNeedsFinding(item.result, item.hasFinding ?? false)) findings += 1;
  }
  const names = new Map(team.map((m) => [m.id, m.name]));
  return {
    total: items.length,
    byResult,
    byGroup: [...groups.values()],
    notAuditedByAuditor: [...open].map(([assigneeId, count]) => ({
      assigneeId,
      name: assigneeId === null ? UNASSIGNED_LABEL : (names.get(assigneeId) ?? UNASSIGNED_LABEL),
      count,
    })),
    needsFinding: findings,
  };
}
