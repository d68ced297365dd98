import { afterEach, describe, expect, it } from 'vitest';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

let t: ReturnType<typeof tempBackend>;
afterEach(() => t.cleanup());

// Issue 19 (6): comparing a Stage 2 with a Stage 1 (another checklist) listed every row as "Not in this audit".
describe('programme.compare picks a comparable audit', () => {
  it('compares only with an earlier audit on the same checklist template, skipping others in between', async () => {
    t = tempBackend();
    const client = value(await t.backend.call('clients.create', sampleClient()));
    const plan = async (type: 'stage1' | 'stage2', startDate: string) =>
      value(await t.backend.call('audits.create', { ...sampleAudit(client.id), type, startDate, endDate: startDate }));
    const earlierStage2 = await plan('stage2', '2026-03-02');
    const stage1 = await plan('stage1', '2026-06-01');
    const stage2 = await plan('stage2', '2026-09-01');
    const templateOf = async (id: string) => value(await t.backend.call('audits.get', { id })).templateId;
    expect(await templateOf(stage1.id)).not.toBe(await templateOf(stage2.id));

    // The latest earlier audit is the Stage 1; the comparable one is the Stage 2 before it.
    const cmp = value(await t.backend.call('programme.compare', { auditId: stage2.id }));
    expect(cmp).toMatchObject({ previousAuditId: earlierStage2.id, previousAuditType: 'stage2' });
    expect(cmp.rows.every((r) => r.current !== null || r.previous !== null)).toBe(true);

    // A Stage 1 has no earlier audit on its checklist: nothing to compare, not a list of "Not in this audit".
    const first = value(await t.backend.call('programme.compare', { auditId: stage1.id }));
    expect(first.previousAuditId).toBeNull();
    expect(first.rows.every((r) => r.previous === null)).toBe(true);
  });
});
