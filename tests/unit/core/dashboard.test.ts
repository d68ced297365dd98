import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESULTS } from '#shared/domain/checklist';
import { rollup, type RollupItem } from '#shared/rules/rollup';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

const zero = Object.fromEntries(RESULTS.map((r) => [r, 0]));

describe('rollup (pure)', () => {
  const team = [
    { id: 'lead', name: 'Lena Lead' },
    { id: 'aud', name: 'Arno Auditor' },
  ];
  const row = (groupId: string, result: RollupItem['result'], assigneeId: string | null = null): RollupItem => ({
    groupId,
    groupTitle: `Group ${groupId}`,
    groupKind: groupId.startsWith('A.') ? 'theme' : 'clause',
    result,
    assigneeId,
  });

  it('counts by result, by group in checklist order, open items per auditor and findings', () => {
    const d = rollup(
      [
        row('4', 'conforming', 'lead'),
        row('4', 'not_audited', 'lead'),
        row('A.5', 'ofi', 'aud'),
        row('A.5', 'minor_nc'),
        row('A.5', 'not_audited', 'aud'),
        row('A.5', 'not_audited'),
        row('4', 'not_applicable'),
        row('A.5', 'not_audited', 'someone-removed'),
      ],
      team,
    );
    expect(d.total).toBe(8);
    expect(d.byResult).toEqual({ ...zero, conforming: 1, not_audited: 4, ofi: 1, minor_nc: 1, not_applicable: 1 });
    expect(d.byGroup).toEqual([
      {
        groupId: '4',
        groupTitle: 'Group 4',
        groupKind: 'clause',
        total: 3,
        audited: 2,
        byResult: { ...zero, conforming: 1, not_audited: 1, not_applicable: 1 },
      },
      {
        groupId: 'A.5',
        groupTitle: 'Group A.5',
        groupKind: 'theme',
        total: 5,
        audited: 2,
        byResult: { ...zero, ofi: 1, minor_nc: 1, not_audited: 3 },
      },
    ]);
    expect(d.notAuditedByAuditor).toEqual([
      { assigneeId: 'lead', name: 'Lena Lead', count: 1 },
      { assigneeId: 'aud', name: 'Arno Auditor', count: 1 },
      { assigneeId: null, name: 'Unassigned', count: 2 },
    ]);
    expect(d.needsFinding).toBe(2);
  });

  it('answers zeros with every result key for an empty checklist', () => {
    expect(rollup([], [])).toEqual({
      total: 0,
      byResult: zero,
      byGroup: [],
      notAuditedByAuditor: [{ assigneeId: null, name: 'Unassigned', count: 0 }],
      needsFinding: 0,
    });
  });
});

describe('audits.dashboard', () => {
  let t: ReturnType<typeof tempBackend>;
  beforeEach(() => {
    t = tempBackend();
  });
  afterEach(() => t.cleanup());

  it('rolls up a Stage 2 checklist after some fieldwork', async () => {
    const client = value(await t.backend.call('clients.create', sampleClient()));
    const audit = value(await t.backend.call('audits.create', sampleAudit(client.id)));
    const [lead, auditor] = audit.team;
    const items = value(await t.backend.call('checklist.get', { auditId: audit.id })).items;
    const set = async (ref: string, patch: Record<string, unknown>) =>
      value(await t.backend.call('checklist.updateItem', { id: items.find((i) => i.ref === ref)!.id, patch }));
    await set('4.1', { result: 'conforming', assigneeId: lead!.id });
    await set('4.2', { result: 'ofi' });
    await set('A.5.1', { result: 'major_nc', assigneeId: auditor!.id });
    await set('A.5.2', { assigneeId: auditor!.id });
    await set('A.8.1', { assigneeId: auditor!.id });

    const d = value(await t.backend.call('audits.dashboard', { auditId: audit.id }));
    expect(d.total).toBe(123);
    expect(d.byResult).toEqual({ ...zero, not_audited: 120, conforming: 1, ofi: 1, major_nc: 1 });
    expect(d.needsFinding).toBe(2);
    expect(d.byGroup.map((g) => g.groupId)).toEqual(['4', '5', '6', '7', '8', '9', '10', 'A.5', 'A.6', 'A.7', 'A.8']);
    expect(d.byGroup.filter((g) => g.groupKind === 'theme').map((g) => g.total)).toEqual([37, 8, 14, 34]);
    expect(d.byGroup.find((g) => g.groupId === '4')).toMatchObject({ total: 4, audited: 2 });
    expect(d.byGroup.find((g) => g.groupId === 'A.5')).toMatchObject({ audited: 1 });
    expect(d.notAuditedByAuditor).toEqual([
      { assigneeId: lead!.id, name: 'Lena Lead', count: 0 },
      { assigneeId: auditor!.id, name: 'Arno Auditor', count: 2 },
      { assigneeId: null, name: 'Unassigned', count: 118 },
    ]);

    const missing = await t.backend.call('audits.dashboard', { auditId: client.id });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });
});
