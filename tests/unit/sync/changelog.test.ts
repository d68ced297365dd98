import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { HLC_PATTERN } from '#shared/domain/sync';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

interface LogRow {
  seq: number;
  table_name: string;
  row_id: string;
  field: string;
  value: string | null;
  clock: string;
  device_id: string;
  author: string;
}

let t: ReturnType<typeof tempBackend>;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

const log = (): LogRow[] => t.backend.db.prepare('SELECT * FROM change_log ORDER BY seq').all() as LogRow[];
const lastSeq = () =>
  (t.backend.db.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number) ?? 0;
const since = (seq: number) => log().filter((r) => r.seq > seq);

async function auditWithItem() {
  const client = value(await t.backend.call('clients.create', sampleClient()));
  const audit = value(await t.backend.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id])));
  const item = value(await t.backend.call('checklist.get', { auditId: audit.id })).items[0]!;
  return { client, audit, item };
}

describe('change log (migration 9 triggers, stamped by the transaction wrapper)', () => {
  it("creating an audit logs its fields with that transaction's clock; a notes edit logs one field with its author", async () => {
    const { audit, item } = await auditWithItem();
    const created = log().filter((r) => r.table_name === 'audits' && r.row_id === audit.id);
    expect(Object.fromEntries(created.map((r) => [r.field, JSON.parse(r.value!) as unknown]))).toMatchObject({
      id: audit.id,
      scope: 'Software development and hosting',
      start_date: '2026-03-02',
      status: 'planned',
    });
    // The audit, its team, sites and checklist were written by one transaction: one clock for all.
    const auditClock = created[0]!.clock;
    expect(HLC_PATTERN.test(auditClock)).toBe(true);
    expect(auditClock.endsWith(t.backend.deviceId)).toBe(true);
    const sameTx = log().filter((r) => r.clock === auditClock);
    expect(new Set(sameTx.map((r) => r.table_name))).toEqual(
      new Set(['audits', 'audit_sites', 'audit_team', 'checklist_items']),
    );

    const before = lastSeq();
    value(
      await t.backend.call('checklist.updateItem', { id: item.id, patch: { notes: 'Policy seen' }, by: 'Lena Lead' }),
    );
    const edit = since(before);
    // The repository's UPDATE sets result, assignee, sample size… too; only the fields whose value changed are logged.
    expect(edit.map((r) => [r.table_name, r.row_id, r.field, r.value, r.author])).toEqual([
      ['checklist_items', item.id, 'notes', '"Policy seen"', 'Lena Lead'],
      ['checklist_items', item.id, 'updated_by', '"Lena Lead"', 'Lena Lead'],
    ]);
    expect(edit[0]!.clock > auditClock).toBe(true);
    expect(edit[0]!.device_id).toBe(t.backend.deviceId);
  });

  it('an edit that changes no field writes nothing to the log, and reads write nothing at all', async () => {
    const { audit, item } = await auditWithItem();
    value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { notes: 'Same' }, by: 'Lena Lead' }));
    const before = lastSeq();
    const context = t.backend.db.prepare('SELECT * FROM write_context').get();
    value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { notes: 'Same' }, by: 'Lena Lead' }));
    value(await t.backend.call('checklist.get', { auditId: audit.id }));
    expect(lastSeq()).toBe(before);
    expect(t.backend.db.prepare('SELECT * FROM write_context').get()).toEqual(context);
  });

  it('deleting an interview leaves a tombstone with the clock of the delete', async () => {
    const { audit } = await auditWithItem();
    const interview = value(
      await t.backend.call('interviews.create', {
        auditId: audit.id,
        interview: {
          intervieweeName: 'Maria Keller',
          intervieweeRole: 'CISO',
          department: 'IT',
          heldAt: '2026-03-02T09:30',
          notes: '',
        },
      }),
    );
    const createdClock = since(0).find((r) => r.row_id === interview.id)!.clock;
    value(await t.backend.call('interviews.delete', { id: interview.id }));
    const stones = t.backend.db.prepare("SELECT * FROM tombstones WHERE table_name = 'interviews'").all() as {
      row_id: string;
      clock: string;
      device_id: string;
    }[];
    expect(stones).toHaveLength(1);
    expect(stones[0]).toMatchObject({ row_id: interview.id, device_id: t.backend.deviceId });
    expect(stones[0]!.clock > createdClock).toBe(true);
    // The deleted interview's values leave the log with it: deleted words must not stay readable in the file.
    expect(log().filter((r) => r.row_id === interview.id)).toEqual([]);
  });

  it('a refused operation leaves the log, tombstones and clock unchanged', async () => {
    const { item } = await auditWithItem();
    const dump = () =>
      ['change_log', 'tombstones', 'write_context'].map((tb) => t.backend.db.prepare(`SELECT * FROM ${tb}`).all());
    const before = dump();
    // Refused inside the handler (after the clock stepped): the transaction rolls back whole.
    const r = await t.backend.call('checklist.updateItem', {
      id: item.id,
      patch: { assigneeId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' },
      by: 'Lena Lead',
    });
    expect(r.ok).toBe(false);
    expect(dump()).toEqual(before);
  });

  it('clocks strictly increase across transactions, and the log and clock survive reopening', async () => {
    const { item } = await auditWithItem();
    for (let i = 0; i < 5; i++) {
      value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { notes: `n${i}` }, by: 'A' }));
    }
    const clocks = [...new Set(log().map((r) => r.clock))];
    expect(clocks).toEqual([...clocks].sort());
    expect(clocks.length).toBeGreaterThanOrEqual(7);
    const kept = log();
    t.backend.close();
    // Reopened with the wall clock far behind: the next write still sorts after everything logged.
    t.backend = openBackend({ appVersion: 'test', dataDir: t.dataDir, now: () => '2020-01-01T00:00:00.000Z' });
    expect(log()).toEqual(kept);
    const realNow = Date.now;
    Date.now = () => Date.UTC(2020, 0, 1);
    try {
      value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { notes: 'after' }, by: 'A' }));
    } finally {
      Date.now = realNow;
    }
    const after = since(kept.at(-1)!.seq);
    expect(after[0]!.clock > kept.at(-1)!.clock).toBe(true);
  });
});
