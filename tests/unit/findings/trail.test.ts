import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { value } from '../../helpers/backend';
import { createFinding, findingsBackend, findingsWorld, issued, response, type FindingsWorld } from './world';

let t: ReturnType<typeof findingsBackend>;
let w: FindingsWorld;
beforeEach(async () => {
  t = findingsBackend();
  w = await findingsWorld(t.backend);
});
afterEach(() => t.cleanup());

const trail = async (recordType: 'finding' | 'checklist_item', recordId: string) =>
  value(await t.backend.call('findings.trail', { recordType, recordId }));

describe('the audit trail', () => {
  it('cannot be changed or deleted, even with SQL on the database file', async () => {
    const f = await createFinding(t.backend, w);
    value(await t.backend.call('findings.update', { id: f.id, patch: { statement: 'Changed' }, by: 'Lena' }));
    const db = new Database(join(t.dataDir, 'fieldwork.sqlite'));
    try {
      const before = db.prepare('SELECT * FROM audit_trail ORDER BY id').all();
      expect(before.length).toBeGreaterThan(1);
      expect(() => db.prepare("UPDATE audit_trail SET changed_by = 'Mallory'").run()).toThrow(
        'The audit trail is append-only',
      );
      expect(() => db.prepare('DELETE FROM audit_trail').run()).toThrow('The audit trail is append-only');
      expect(() => db.prepare('DELETE FROM audit_trail WHERE id = 1').run()).toThrow('The audit trail is append-only');
      expect(db.prepare('SELECT * FROM audit_trail ORDER BY id').all()).toEqual(before);
    } finally {
      db.close();
    }
  });

  it('records who changed which field of a finding, when, from what to what', async () => {
    t.clock.setDay('2026-03-03');
    const f = await createFinding(t.backend, w, { statement: 'First wording' });
    t.clock.setDay('2026-03-04');
    value(
      await t.backend.call('findings.update', {
        id: f.id,
        patch: { statement: 'Second wording', itemIds: [w.item('8.2').id] },
        by: 'Arno Auditor',
      }),
    );
    const entries = await trail('finding', f.id);
    expect(
      entries.map(({ field, oldValue, newValue, changedBy }) => ({ field, oldValue, newValue, changedBy })),
    ).toEqual([
      { field: 'created', oldValue: null, newValue: 'minor', changedBy: 'Lena' },
      { field: 'requirement', oldValue: null, newValue: w.item('8.1').id, changedBy: 'Lena' },
      { field: 'statement', oldValue: 'First wording', newValue: 'Second wording', changedBy: 'Arno Auditor' },
      { field: 'requirement', oldValue: w.item('8.1').id, newValue: null, changedBy: 'Arno Auditor' },
      { field: 'requirement', oldValue: null, newValue: w.item('8.2').id, changedBy: 'Arno Auditor' },
    ]);
    expect(entries[0]!.changedAt.slice(0, 10)).toBe('2026-03-03');
    expect(entries[2]!.changedAt.slice(0, 10)).toBe('2026-03-04');
    expect(entries.every((e) => e.deviceId === t.backend.deviceId && e.recordId === f.id)).toBe(true);
    // Oldest first.
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => a - b));
  });

  it('records the lifecycle: issue, response and its decision, each by whoever acted', async () => {
    const f = await issued(t.backend, w);
    value(await t.backend.call('findings.respond', { id: f.id, response: response(), by: 'Arno Auditor' }));
    value(
      await t.backend.call('findings.decideResponse', {
        id: f.id,
        decision: 'returned',
        comment: 'Root cause too shallow',
        by: 'Lena Lead',
      }),
    );
    const entries = (await trail('finding', f.id)).filter((e) => e.field !== 'created' && e.field !== 'requirement');
    const rows = entries.map((e) => [e.field, e.oldValue, e.changedBy]);
    // Issuing changes two columns in one UPDATE; SQLite runs their triggers in no promised order.
    expect(rows.slice(0, 2)).toEqual(
      expect.arrayContaining([
        ['status', 'draft', 'Lena'],
        ['number', null, 'Lena'],
      ]),
    );
    expect(rows.slice(2)).toEqual([
      ['status', 'open', 'Arno Auditor'],
      ['response', null, 'Arno Auditor'],
      ['status', 'response_received', 'Lena Lead'],
      ['response decision', 'pending', 'Lena Lead'],
    ]);
    expect(entries.find((e) => e.field === 'number')!.newValue).toBe('NC-01');
    expect(entries.at(-1)!.newValue).toBe('returned: Root cause too shallow');
  });

  it('records a checklist result change with who made it', async () => {
    const item = w.item('A.5.15');
    value(
      await t.backend.call('checklist.updateItem', { id: item.id, patch: { result: 'minor_nc' }, by: 'Arno Auditor' }),
    );
    value(
      await t.backend.call('checklist.updateItem', { id: item.id, patch: { result: 'major_nc' }, by: 'Lena Lead' }),
    );
    // Notes are not results: not in the trail.
    value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { notes: 'x' }, by: 'Lena Lead' }));
    const entries = await trail('checklist_item', item.id);
    expect(
      entries.map(({ field, oldValue, newValue, changedBy }) => ({ field, oldValue, newValue, changedBy })),
    ).toEqual([
      { field: 'result', oldValue: 'not_audited', newValue: 'minor_nc', changedBy: 'Arno Auditor' },
      { field: 'result', oldValue: 'minor_nc', newValue: 'major_nc', changedBy: 'Lena Lead' },
    ]);
  });

  it('outlives a deleted draft, and answers not found for a record that never existed', async () => {
    const f = await createFinding(t.backend, w);
    value(await t.backend.call('findings.delete', { id: f.id }));
    expect((await trail('finding', f.id)).map((e) => e.field)).toEqual(['created', 'requirement']);
    const r = await t.backend.call('findings.trail', { recordType: 'finding', recordId: w.audit.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
