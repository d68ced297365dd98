import { canonical } from '#shared/rules/merge/index';
import type { World } from './history';

/**
 * What the conflicts must be, worked out from causality alone (which write's
 * device had seen which other writes), not from the engine's bases. A field
 * value is overwritten when a later write of that field, or a deletion of the
 * row, was made by a device that had seen it; a deletion is overwritten by
 * any write of the row made after seeing it. What is left are the concurrent
 * writes: different values are a conflict, and a deletion left next to edits
 * is a conflict. Deciding a field's conflict does not decide a deletion.
 */
export interface ExpectedRow {
  deleted: boolean;
  /** Sorted: each conflict as 'field|clock,clock…' (field '†' for a deletion). */
  conflicts: string[];
}

interface Write {
  id: string;
  rowKey: string;
  field: string | null;
  clock: string;
  value?: unknown;
}

export const expectedRows = (w: World, values: Map<string, unknown>): Map<string, ExpectedRow> => {
  const byRow = new Map<string, Write[]>();
  for (const id of w.knew.keys()) {
    const [table, rowId, field, clock] = JSON.parse(id) as [string, string, string | null, string];
    const rowKey = JSON.stringify([table, rowId]);
    byRow.set(rowKey, [...(byRow.get(rowKey) ?? []), { id, rowKey, field, clock, value: values.get(id) }]);
  }
  const out = new Map<string, ExpectedRow>();
  for (const [rowKey, writes] of byRow) {
    const seenBy = (x: Write, others: Write[]) => others.some((y) => y !== x && w.knew.get(y.id)!.has(x.id));
    const tombs = writes.filter((x) => x.field === null);
    const alive = writes.filter((x) =>
      x.field === null
        ? !seenBy(
            x,
            writes.filter((y) => !w.fieldDecisions.has(y.id)),
          )
        : !seenBy(x, [...tombs, ...writes.filter((y) => y.field === x.field)]),
    );
    const byClock = (a: Write, b: Write) => (a.clock < b.clock ? -1 : 1);
    const conflicts: string[] = [];
    const edits = alive.filter((x) => x.field !== null).sort(byClock);
    for (const field of new Set(edits.map((x) => x.field!))) {
      const mine = edits.filter((x) => x.field === field);
      if (new Set(mine.map((x) => canonical(x.value))).size > 1)
        conflicts.push(`${field}|${mine.map((x) => x.clock).join(',')}`);
    }
    const aliveTombs = alive.filter((x) => x.field === null).sort(byClock);
    let deleted = false;
    if (aliveTombs.length > 0) {
      const lastEdit = edits.at(-1)?.clock ?? '';
      deleted = aliveTombs.at(-1)!.clock > lastEdit;
      if (edits.length > 0)
        conflicts.push(
          `†|${[...aliveTombs, ...edits]
            .sort(byClock)
            .map((x) => x.clock)
            .join(',')}`,
        );
    }
    out.set(rowKey, { deleted, conflicts: conflicts.sort() });
  }
  return out;
};
