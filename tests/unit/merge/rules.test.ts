import { describe, expect, it } from 'vitest';
import {
  applyPackage,
  emptyReplica,
  exportPackage,
  listConflicts,
  localDelete,
  localEdit,
  resolveConflict,
  rowKey,
  type ReplicaState,
} from '#shared/rules/merge/index';
import { clk } from './clocks';

const GROW = ['interviews'];
const A = 'dev-a';
const B = 'dev-b';
let pkgN = 0;
const send = (from: ReplicaState, to: ReplicaState) => applyPackage(to, exportPackage(from, `p${++pkgN}`, to.vv));
const set = (s: ReplicaState, wall: number, value: string, field = 'title', rowId = 'r1', table = 'results') =>
  localEdit(s, { table, rowId, field, value, clock: clk(wall, s.device), author: s.device });
const shown = (s: ReplicaState, field = 'title', rowId = 'r1', table = 'results') =>
  s.view[rowKey(table, rowId)]?.fields[field]?.value;

/** A and B both hold row r1 with title 'base' (written by A at wall 1). */
const synced = () => {
  const a = set(emptyReplica(A, { growOnly: GROW }), 1, 'base');
  const b = send(a, emptyReplica(B, { growOnly: GROW })).state;
  return { a, b };
};

describe('merge rules (issue 13, three-way per field)', () => {
  it('a field changed on one side only takes that change, with no conflict', () => {
    const { a, b } = synced();
    const { state, summary } = send(set(b, 2, 'edited by B'), a);
    expect(shown(state)).toBe('edited by B');
    expect(listConflicts(state)).toEqual([]);
    expect(summary).toEqual({ added: 0, changed: 1, conflicts: 0, alreadyImported: false });
  });

  it('an old value does not come back over a newer one the sender had already overwritten', () => {
    const { a, b } = synced();
    const a2 = set(a, 3, 'A later');
    // B's package still carries only 'base' (already held): nothing changes on A.
    expect(shown(send(b, a2).state)).toBe('A later');
  });

  it('the same value set on both sides is no conflict; both writes stay in the history', () => {
    const { a, b } = synced();
    const merged = send(set(b, 3, 'same'), set(a, 2, 'same')).state;
    expect(shown(merged)).toBe('same');
    expect(listConflicts(merged)).toEqual([]);
    expect(Object.keys(merged.history[rowKey('results', 'r1')]!.fields.title!).sort()).toEqual(
      [clk(1, A), clk(2, A), clk(3, B)].sort(),
    );
  });

  it('different values set concurrently are a conflict: both kept, the later clock shows, whichever arrives first', () => {
    const { a, b } = synced();
    const a2 = set(a, 5, 'from A'); // later clock
    const b2 = set(b, 4, 'from B');
    const onA = send(b2, a2);
    const onB = send(a2, b2);
    for (const s of [onA.state, onB.state]) {
      expect(shown(s)).toBe('from A');
      expect(listConflicts(s)).toEqual([
        {
          table: 'results',
          rowId: 'r1',
          field: 'title',
          candidates: [
            { value: 'from B', clock: clk(4, B), device: B, author: B },
            { value: 'from A', clock: clk(5, A), device: A, author: A },
          ],
        },
      ]);
    }
    expect(onA.summary.conflicts).toBe(1);
  });

  it('a deletion against a concurrent edit is a conflict, never a silent loss', () => {
    const { a, b } = synced();
    const deleted = localDelete(a, { table: 'results', rowId: 'r1', clock: clk(6, A), author: A });
    const edited = set(b, 5, 'kept by B');
    for (const s of [send(edited, deleted).state, send(deleted, edited).state]) {
      const [conflict] = listConflicts(s);
      expect(conflict?.field).toBeNull();
      expect(conflict?.candidates).toEqual([
        { value: 'kept by B', clock: clk(5, B), device: B, author: B },
        { deleted: true, clock: clk(6, A), device: A, author: A },
      ]);
      expect(s.view[rowKey('results', 'r1')]?.deleted).toBe(true); // the later clock shows
    }
  });

  it('a deletion made after seeing the edit deletes without conflict', () => {
    const { a, b } = synced();
    const b2 = set(b, 2, 'B edit');
    const a2 = localDelete(send(b2, a).state, { table: 'results', rowId: 'r1', clock: clk(3, A), author: A });
    const onB = send(a2, b2).state;
    expect(onB.view[rowKey('results', 'r1')]?.deleted).toBe(true);
    expect(listConflicts(onB)).toEqual([]);
  });

  it('records that only grow are united by id and are never deleted', () => {
    const a = set(emptyReplica(A, { growOnly: GROW }), 1, 'interview A', 'notes', 'i-a', 'interviews');
    const b = set(emptyReplica(B, { growOnly: GROW }), 2, 'interview B', 'notes', 'i-b', 'interviews');
    const { state, summary } = send(b, a);
    expect(Object.keys(state.view).sort()).toEqual([rowKey('interviews', 'i-a'), rowKey('interviews', 'i-b')]);
    expect(summary.added).toBe(1);
    expect(() => localDelete(state, { table: 'interviews', rowId: 'i-a', clock: clk(3, A), author: A })).toThrow(
      /never deleted/,
    );
  });

  it('resolving a conflict is a change that later merges carry to the other side', () => {
    const { a, b } = synced();
    const b2 = set(b, 4, 'from B');
    const a2 = send(b2, set(a, 5, 'from A')).state;
    const resolved = resolveConflict(a2, { table: 'results', rowId: 'r1', field: 'title' }, 'combined', clk(7, A), A);
    expect(listConflicts(resolved)).toEqual([]);
    expect(shown(resolved)).toBe('combined');
    const onB = send(resolved, b2).state;
    expect(listConflicts(onB)).toEqual([]);
    expect(shown(onB)).toBe('combined');
  });

  it('deciding a field conflict leaves a concurrent deletion of the record open', () => {
    const { a, b } = synced();
    const c = send(a, emptyReplica('dev-c', { growOnly: GROW })).state;
    const deleted = localDelete(b, { table: 'results', rowId: 'r1', clock: clk(4, B), author: B });
    const merged = send(set(c, 3, 'from C'), send(deleted, set(a, 2, 'from A')).state).state;
    const decided = resolveConflict(merged, { table: 'results', rowId: 'r1', field: 'title' }, 'from C', clk(5, A), A);
    expect(listConflicts(decided).map((k) => k.field)).toEqual([null]);
    expect(shown(decided)).toBe('from C');
  });

  it('keeping a record whose deletion conflicted shows every field again', () => {
    const { a, b } = synced();
    const a2 = set(a, 2, 'A body', 'body');
    const b2 = send(a2, b).state;
    const deleted = localDelete(a2, { table: 'results', rowId: 'r1', clock: clk(3, A), author: A });
    const merged = send(deleted, set(b2, 4, 'B title')).state;
    const kept = resolveConflict(merged, { table: 'results', rowId: 'r1', field: null }, 'keep', clk(5, B), B);
    expect(listConflicts(kept)).toEqual([]);
    expect(kept.view[rowKey('results', 'r1')]?.deleted).toBe(false);
    expect(shown(kept)).toBe('B title');
    expect(shown(kept, 'body')).toBe('A body');
  });

  it('an edit made while a conflicting deletion showed the record kept brings it back with every field', () => {
    // Issue 13, found by the team property test: A deletes, B edits the title, B receives the deletion
    // (a conflict: B's later edit shows the record) and edits the title again. That edit overwrites the
    // deletion, which had overwritten the body: the body must still show, on B and on A.
    const { a, b } = synced();
    const a2 = set(a, 2, 'A body', 'body');
    const b2 = send(a2, b).state;
    const deleted = localDelete(a2, { table: 'results', rowId: 'r1', clock: clk(3, A), author: A });
    const conflicted = send(deleted, set(b2, 4, 'B title')).state;
    expect(shown(conflicted, 'body')).toBe('A body');
    const again = set(conflicted, 5, 'B title again');
    const onA = send(again, deleted).state;
    for (const s of [again, onA]) {
      expect(s.view[rowKey('results', 'r1')]?.deleted).toBe(false);
      expect(shown(s)).toBe('B title again');
      expect(shown(s, 'body')).toBe('A body');
      expect(listConflicts(s)).toEqual([]);
    }
    expect(onA.view).toEqual(again.view);
  });

  it('importing the same package twice changes nothing the second time and says so', () => {
    const { a, b } = synced();
    const pkg = exportPackage(set(b, 2, 'x'), 'same-package');
    const once = applyPackage(a, pkg);
    const twice = applyPackage(once.state, pkg);
    expect(twice.summary).toEqual({ added: 0, changed: 0, conflicts: 0, alreadyImported: true });
    expect(twice.state).toEqual(once.state);
  });

  it('refuses a package whose entries its version vector does not declare, changing nothing', () => {
    const { a, b } = synced();
    const pkg = { ...exportPackage(set(b, 2, 'x'), 'bad'), vv: {} };
    expect(() => applyPackage(a, pkg)).toThrow(/does not declare/);
  });
});
