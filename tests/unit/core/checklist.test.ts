import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { STAGE1_TEMPLATE_ID, STAGE2_TEMPLATE_ID } from '#shared/rules/checklist';
import { dumpDatabase, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { item, miniTemplate } from '../../helpers/templates';

let t: ReturnType<typeof tempBackend>;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

const newAudit = async (over: Record<string, unknown> = {}) => {
  const client = value(await t.backend.call('clients.create', sampleClient()));
  return value(await t.backend.call('audits.create', { ...sampleAudit(client.id), ...over }));
};
const checklist = async (auditId: string) => value(await t.backend.call('checklist.get', { auditId }));

describe('creating an audit instantiates its checklist', () => {
  it('gives a Stage 2 audit all 123 items of the Stage 2 template, in template order', async () => {
    const audit = await newAudit();
    expect(audit).toMatchObject({ templateId: STAGE2_TEMPLATE_ID, templateVersion: '1.0.0', soaVersion: null });
    const list = await checklist(audit.id);
    expect(list).toMatchObject({ templateId: STAGE2_TEMPLATE_ID, soaVersion: null, soaImportedAt: null });
    expect(list.templateTitle).not.toBe('');
    expect(list.items).toHaveLength(123);
    expect(list.items.map((i) => i.position)).toEqual([...Array(123).keys()]);
    expect(list.items.filter((i) => i.kind === 'control')).toHaveLength(93);
    expect(list.items[0]).toMatchObject({
      ref: '4.1',
      kind: 'clause',
      groupId: '4',
      groupKind: 'clause',
      result: 'not_audited',
      needsFinding: false,
      notes: '',
      assigneeId: null,
      sampleSize: null,
      minutesSpent: null,
      samples: [],
      soa: null,
    });
    expect(list.items.find((i) => i.ref === 'A.8.34')).toMatchObject({ number: '8.34', groupId: 'A.8' });
    for (const i of list.items) expect(i.questions.length * i.evidence.length, i.ref).toBeGreaterThan(0);
  });

  it('gives a Stage 1 audit the Stage 1 readiness topics', async () => {
    const audit = await newAudit({ type: 'stage1' });
    expect(audit.templateId).toBe(STAGE1_TEMPLATE_ID);
    const items = (await checklist(audit.id)).items;
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((i) => i.kind === 'topic' && i.clauses.length > 0)).toBe(true);
  });

  it('uses an imported template on request, its newest version by default, and never rewrites past audits', async () => {
    value(await t.backend.call('templates.import', { template: miniTemplate() }));
    const first = await newAudit({ templateId: 'cb-iso27001-short' });
    expect([first.templateId, first.templateVersion]).toEqual(['cb-iso27001-short', '1.0']);
    const before = await checklist(first.id);
    expect(before.items.map((i) => i.ref)).toEqual(['4.1', '9.2', 'A.5.1']);

    const v2 = miniTemplate({ version: '1.10', title: 'CB short checklist, revised' });
    v2.items = [item('4.1', 'clause', '4', '4.1', 'Context, reworded'), item('9.2', 'clause', '9', '9.2', 'Audit')];
    value(await t.backend.call('templates.import', { template: v2 }));
    value(await t.backend.call('templates.import', { template: miniTemplate({ version: '1.9' }) }));

    const second = await newAudit({ templateId: 'cb-iso27001-short' });
    expect(second.templateVersion).toBe('1.10');
    expect((await checklist(second.id)).items.map((i) => [i.ref, i.title])).toEqual([
      ['4.1', 'Context, reworded'],
      ['9.2', 'Audit'],
    ]);
    const after = await checklist(first.id);
    expect(after.items).toEqual(before.items);
    expect(after.templateTitle).toBe('CB short ISO/IEC 27001 checklist');
  });

  it('refuses an unknown template and changes nothing', async () => {
    const client = value(await t.backend.call('clients.create', sampleClient()));
    const before = dumpDatabase(t.backend.db);
    const r = await t.backend.call('audits.create', { ...sampleAudit(client.id), templateId: 'no-such-template' });
    expect(r.ok ? null : [r.error.code, r.error.issues?.[0]?.path]).toEqual(['invalid_input', ['templateId']]);
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });
});

describe('checklist.updateItem', () => {
  it('applies a partial patch, flags findings, keeps sample ids and stamps only real changes', async () => {
    let now = '2026-03-02T09:00:00.000Z';
    t.backend.close();
    t.backend = openBackend({ dataDir: t.dataDir, now: () => now });
    const audit = await newAudit();
    const [lead, auditor] = audit.team;
    const target = (await checklist(audit.id)).items.find((i) => i.ref === 'A.5.15')!;

    now = '2026-03-02T10:00:00.000Z';
    const a = value(
      await t.backend.call('checklist.updateItem', {
        id: target.id,
        patch: {
          result: 'minor_nc',
          notes: '  Two leavers kept access for weeks.  ',
          assigneeId: auditor!.id,
          sampleSize: 25,
          minutesSpent: 40,
          samples: [{ identifier: 'HR-LEAVER-0112' }, { identifier: 'HR-LEAVER-0140', description: 'Contractor' }],
        },
      }),
    );
    expect(a).toMatchObject({
      result: 'minor_nc',
      needsFinding: true,
      notes: 'Two leavers kept access for weeks.',
      assigneeId: auditor!.id,
      sampleSize: 25,
      minutesSpent: 40,
      updatedAt: now,
    });
    expect(a.samples.map((s) => [s.identifier, s.description])).toEqual([
      ['HR-LEAVER-0112', ''],
      ['HR-LEAVER-0140', 'Contractor'],
    ]);

    // Only the result changes; everything absent from the patch stays.
    now = '2026-03-02T11:00:00.000Z';
    const b = value(await t.backend.call('checklist.updateItem', { id: target.id, patch: { result: 'conforming' } }));
    expect(b).toMatchObject({
      result: 'conforming',
      needsFinding: false,
      notes: a.notes,
      sampleSize: 25,
      updatedAt: now,
    });
    expect(b.samples).toEqual(a.samples);

    // Edit one sample, drop the other, add one: the kept sample keeps its id.
    now = '2026-03-02T12:00:00.000Z';
    const c = value(
      await t.backend.call('checklist.updateItem', {
        id: target.id,
        patch: {
          assigneeId: null,
          sampleSize: null,
          samples: [
            { id: a.samples[1]!.id, identifier: 'HR-LEAVER-0140', description: 'External contractor' },
            { identifier: 'HR-NEW-9' },
          ],
        },
      }),
    );
    expect(c).toMatchObject({ assigneeId: null, sampleSize: null, minutesSpent: 40 });
    expect(c.samples[0]!.id).toBe(a.samples[1]!.id);
    expect(c.samples.map((s) => s.identifier)).toEqual(['HR-LEAVER-0140', 'HR-NEW-9']);

    // A patch that changes nothing stamps nothing.
    now = '2026-03-02T13:00:00.000Z';
    const same = value(
      await t.backend.call('checklist.updateItem', {
        id: target.id,
        patch: { result: 'conforming', notes: c.notes, samples: c.samples.map((s) => ({ ...s })) },
      }),
    );
    expect(same.updatedAt).toBe('2026-03-02T12:00:00.000Z');
    const stamps = t.backend.db
      .prepare('SELECT updated_at FROM checklist_samples WHERE item_id = ? ORDER BY position')
      .all(target.id);
    expect(stamps).toEqual([{ updated_at: '2026-03-02T12:00:00.000Z' }, { updated_at: '2026-03-02T12:00:00.000Z' }]);
    // Other items were never touched.
    const untouched = (await checklist(audit.id)).items.filter((i) => i.id !== target.id);
    expect(new Set(untouched.map((i) => i.updatedAt))).toEqual(new Set(['2026-03-02T09:00:00.000Z']));
    expect(lead).toBeDefined();
  });

  // Clauses 4–10 refuse "not applicable" (tests/unit/programme/gates.test.ts); controls take every result.
  it('accepts "not applicable" for a control and every result key', async () => {
    const audit = await newAudit();
    const items = (await checklist(audit.id)).items.filter((i) => i.kind === 'control');
    for (const [i, result] of (['not_applicable', 'ofi', 'major_nc', 'not_audited'] as const).entries()) {
      const r = value(await t.backend.call('checklist.updateItem', { id: items[i]!.id, patch: { result } }));
      expect([r.result, r.needsFinding]).toEqual([result, result === 'ofi' || result === 'major_nc']);
    }
  });

  it('refuses an assignee from another audit, a sample id from another item, and edits to a closed audit', async () => {
    const audit = await newAudit();
    const other = await newAudit();
    const [first, second] = (await checklist(audit.id)).items;
    const withSample = value(
      await t.backend.call('checklist.updateItem', { id: second!.id, patch: { samples: [{ identifier: 'X-1' }] } }),
    );
    const before = dumpDatabase(t.backend.db);
    const foreign = await t.backend.call('checklist.updateItem', {
      id: first!.id,
      patch: { assigneeId: other.team[0]!.id },
    });
    expect(foreign.ok ? null : [foreign.error.code, foreign.error.issues?.[0]?.path]).toEqual([
      'invalid_input',
      ['patch', 'assigneeId'],
    ]);
    const stolen = await t.backend.call('checklist.updateItem', {
      id: first!.id,
      patch: { result: 'conforming', samples: [{ id: withSample.samples[0]!.id, identifier: 'X-1' }] },
    });
    expect(stolen.ok ? null : stolen.error.code).toBe('not_found');
    expect(dumpDatabase(t.backend.db)).toEqual(before);

    for (const status of ['in_progress', 'reporting', 'closed'] as const) {
      value(await t.backend.call('audits.setStatus', { id: audit.id, status, reason: 'Closed for the test' }));
    }
    const frozen = await t.backend.call('checklist.updateItem', { id: first!.id, patch: { notes: 'late' } });
    expect(frozen.ok ? null : frozen.error.code).toBe('conflict');
    expect((await checklist(audit.id)).items[0]!.notes).toBe('');
  });

  it('deleting a planned audit removes its checklist and samples', async () => {
    const audit = await newAudit();
    const first = (await checklist(audit.id)).items[0]!;
    value(await t.backend.call('checklist.updateItem', { id: first.id, patch: { samples: [{ identifier: 'S' }] } }));
    value(await t.backend.call('audits.delete', { id: audit.id }));
    const n = t.backend.db
      .prepare('SELECT (SELECT count(*) FROM checklist_items) + (SELECT count(*) FROM checklist_samples) AS n')
      .get();
    expect(n).toEqual({ n: 0 });
  });
});
