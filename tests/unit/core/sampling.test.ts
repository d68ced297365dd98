import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAGE2_TEMPLATE_ID } from '#shared/rules/checklist';
import { dumpDatabase, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

let t: ReturnType<typeof tempBackend>;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

const ALWAYS = ['9.2.1', '9.2.2', '9.3.1', '9.3.2', '9.3.3', '10.2'];

/** Gives the listed refs of an audit a result (anything but "not yet audited"). */
async function audit(auditId: string, refs: string[], result: 'conforming' | 'not_applicable' = 'conforming') {
  const items = value(await t.backend.call('checklist.get', { auditId })).items;
  for (const ref of refs) {
    const item = items.find((i) => i.ref === ref)!;
    value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { result } }));
  }
}

const candidates = async (clientId: string) => value(await t.backend.call('audits.samplingCandidates', { clientId }));
const refsOf = async (auditId: string) =>
  value(await t.backend.call('checklist.get', { auditId })).items.map((i) => i.ref);

describe('surveillance sampling', () => {
  it('preselects internal audit, management review and improvement, and suggests what the cycle has not audited', async () => {
    const client = value(await t.backend.call('clients.create', sampleClient()));
    const base = sampleAudit(client.id);

    // Nothing audited yet: every requirement and control is suggested.
    const fresh = await candidates(client.id);
    expect(fresh.templateId).toBe(STAGE2_TEMPLATE_ID);
    expect(fresh.items).toHaveLength(123);
    expect(fresh.items.every((c) => c.suggested)).toBe(true);
    expect(fresh.items.filter((c) => c.preselected).map((c) => c.ref)).toEqual(ALWAYS);
    expect(fresh.items.find((c) => c.ref === 'A.5.1')).toMatchObject({ number: '5.1', groupId: 'A.5' });

    // An older cycle's audits do not count once a new Stage 2 / recertification starts one.
    const old = value(
      await t.backend.call('audits.create', { ...base, startDate: '2023-03-01', endDate: '2023-03-02' }),
    );
    await audit(old.id, ['4.3', 'A.8.1']);
    const stage2 = value(await t.backend.call('audits.create', base));
    await audit(stage2.id, ['4.1', '4.2', '9.2.1', 'A.5.1', 'A.5.2']);
    await audit(stage2.id, ['A.7.1'], 'not_applicable');

    const surv1 = value(
      await t.backend.call('audits.create', {
        ...base,
        type: 'surveillance1',
        startDate: '2027-03-01',
        endDate: '2027-03-02',
        sampledRefs: ['9.2.1', '10.2', 'A.5.3', 'A.5.4', '4.1'],
      }),
    );
    expect(await refsOf(surv1.id)).toEqual(['4.1', '9.2.1', '10.2', 'A.5.3', 'A.5.4']); // template order
    await audit(surv1.id, ['9.2.1', '10.2', 'A.5.3']); // A.5.4 sampled but left not audited

    const later = await candidates(client.id);
    const suggested = later.items.filter((c) => c.suggested).map((c) => c.ref);
    for (const done of ['4.1', '4.2', '9.2.1', '10.2', 'A.5.1', 'A.5.2', 'A.5.3', 'A.7.1']) {
      expect(suggested, done).not.toContain(done);
    }
    expect(suggested).toEqual(expect.arrayContaining(['4.3', 'A.8.1', 'A.5.4', '9.2.2']));
    expect(suggested).toHaveLength(123 - 8);

    // Without sampledRefs, the second surveillance takes the preselected and suggested items.
    const surv2 = value(
      await t.backend.call('audits.create', {
        ...base,
        type: 'surveillance2',
        startDate: '2028-03-01',
        endDate: '2028-03-01',
      }),
    );
    const refs = await refsOf(surv2.id);
    expect(refs).toHaveLength(123 - 8 + 2); // 9.2.1 and 10.2 are back because they are always sampled
    expect(refs).toEqual(expect.arrayContaining(ALWAYS));
    expect(refs).not.toContain('A.5.1');
  });

  it('refuses unknown sampled refs naming them, and a subset for non-surveillance audits', async () => {
    const client = value(await t.backend.call('clients.create', sampleClient()));
    const before = dumpDatabase(t.backend.db);
    const surv = { ...sampleAudit(client.id), type: 'surveillance1' as const };
    const unknown = await t.backend.call('audits.create', { ...surv, sampledRefs: ['9.2.1', 'A.9.9', '11.1'] });
    expect(unknown.ok ? null : unknown.error.code).toBe('invalid_input');
    expect(unknown.ok ? '' : unknown.error.message).toContain('A.9.9, 11.1');
    expect(unknown.ok ? null : unknown.error.issues?.map((i) => [i.path, i.message])).toEqual([
      [['sampledRefs', 1], '"A.9.9" is not in the template'],
      [['sampledRefs', 2], '"11.1" is not in the template'],
    ]);
    const empty = await t.backend.call('audits.create', { ...surv, sampledRefs: [] });
    expect(empty.ok ? null : empty.error.code).toBe('invalid_input');
    const stage2 = await t.backend.call('audits.create', { ...sampleAudit(client.id), sampledRefs: ['9.2.1'] });
    expect(stage2.ok ? null : stage2.error.issues?.[0]?.path).toEqual(['sampledRefs']);
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });
});
