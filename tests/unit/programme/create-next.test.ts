import { afterEach, describe, expect, it } from 'vitest';
import { dumpDatabase, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { issueFinding, resolveNc, setResult, stage2InProgress, verifyNc } from './helpers';

let t: ReturnType<typeof tempBackend>;
afterEach(() => t.cleanup());

describe('programme.createNext', () => {
  it('refuses to start from a planned audit, writing nothing', async () => {
    t = tempBackend();
    const client = value(await t.backend.call('clients.create', sampleClient()));
    const planned = value(await t.backend.call('audits.create', sampleAudit(client.id)));
    const before = dumpDatabase(t.backend.db);
    const r = await t.backend.call('programme.createNext', {
      reason: 'Planned before the previous audit closed',
      fromAuditId: planned.id,
      startDate: '2027-03-01',
      endDate: '2027-03-02',
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'The next audit can be created only from an audit that has taken place; this one is still planned.',
      },
    });
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });

  it('copies scope, sites, mode, objectives, criteria and the team, and makes the checklist as audits.create does', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    const { id } = value(
      await t.backend.call('programme.createNext', {
        reason: 'Planned before the previous audit closed',
        fromAuditId: audit.id,
        startDate: '2027-03-01',
        endDate: '2027-03-02',
      }),
    );
    const next = value(await t.backend.call('audits.get', { id }));
    expect(next).toMatchObject({
      clientId: audit.clientId,
      type: 'surveillance1',
      status: 'planned',
      scope: audit.scope,
      siteIds: audit.siteIds,
      mode: audit.mode,
      objectives: audit.objectives,
      criteria: audit.criteria,
      startDate: '2027-03-01',
      endDate: '2027-03-02',
    });
    expect(audit.siteIds).toHaveLength(2);
    expect(next.team.map((m) => [m.name, m.email, m.role])).toEqual(audit.team.map((m) => [m.name, m.email, m.role]));
    expect(next.team.map((m) => m.id).filter((i) => audit.team.some((m) => m.id === i))).toEqual([]);
    const prev = t.backend.db.prepare('SELECT previous_audit_id FROM audits WHERE id = ?').get(id);
    expect(prev).toEqual({ previous_audit_id: audit.id });

    // The same checklist a surveillance audit created directly gets (its default sample).
    const direct = value(
      await t.backend.call('audits.create', {
        ...sampleAudit(audit.clientId),
        type: 'surveillance1',
        startDate: '2027-03-01',
        endDate: '2027-03-02',
      }),
    );
    const refs = async (auditId: string) =>
      value(await t.backend.call('checklist.get', { auditId })).items.map((i) => i.ref);
    const nextRefs = await refs(id);
    expect(nextRefs.length).toBeGreaterThan(0);
    expect(nextRefs).toEqual(await refs(direct.id));
  });

  it('takes the sample the lead auditor picked, and refuses one naming no template item, writing nothing', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    const dates = {
      fromAuditId: audit.id,
      startDate: '2027-03-01',
      endDate: '2027-03-02',
      reason: 'Planned before the previous audit closed',
    };
    const before = dumpDatabase(t.backend.db);
    const r = await t.backend.call('programme.createNext', { ...dates, sampledRefs: ['9.2.2', 'A.5.99'] });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('A.5.99') as string },
    });
    expect(dumpDatabase(t.backend.db)).toEqual(before);

    const { id } = value(await t.backend.call('programme.createNext', { ...dates, sampledRefs: ['A.8.13', '9.2.2'] }));
    const items = value(await t.backend.call('checklist.get', { auditId: id })).items;
    expect(items.map((i) => i.ref)).toEqual(['9.2.2', 'A.8.13']);
  });

  it('carries every issued finding not closed, from every earlier audit, again while it stays open', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    const major = await issueFinding(t.backend, audit.id, 'major', 'A.8.13');
    const minorClosed = await issueFinding(t.backend, audit.id, 'minor', 'A.5.18');
    const minorAccepted = await issueFinding(t.backend, audit.id, 'minor', 'A.6.1');
    const ofi = await issueFinding(t.backend, audit.id, 'ofi', 'A.7.7');
    const ofiClosed = await issueFinding(t.backend, audit.id, 'ofi', 'A.7.2');
    value(
      await t.backend.call('findings.create', {
        auditId: audit.id,
        finding: { type: 'minor', statement: 'A draft', raisedAt: '2026-03-03T11:00' },
        by: 'Lena Lead',
      }),
    );
    await resolveNc(t.backend, minorClosed.id, audit.id, { until: 'closed' });
    await resolveNc(t.backend, minorAccepted.id, audit.id, { until: 'response_accepted' });
    value(await t.backend.call('findings.close', { id: ofiClosed.id, by: 'Lena Lead' }));

    const s1 = value(
      await t.backend.call('programme.createNext', {
        reason: 'Planned before the previous audit closed',
        fromAuditId: audit.id,
        startDate: '2027-03-01',
        endDate: '2027-03-02',
      }),
    );
    const carried = value(await t.backend.call('programme.carried', { auditId: s1.id }));
    expect(carried.map((c) => [c.number, c.status, c.fromAuditId, c.fromAuditType])).toEqual([
      [major.number, 'open', audit.id, 'stage2'],
      [minorAccepted.number, 'response_accepted', audit.id, 'stage2'],
      [ofi.number, 'open', audit.id, 'stage2'],
    ]);

    // In surveillance 1 the minor is verified and closed, and the OFI closed; the major stays open.
    value(await t.backend.call('audits.setStatus', { id: s1.id, status: 'in_progress' }));
    await verifyNc(t.backend, minorAccepted.id, s1.id, '2027-03-01');
    value(await t.backend.call('findings.close', { id: minorAccepted.id, by: 'Lena Lead' }));
    value(await t.backend.call('findings.close', { id: ofi.id, by: 'Lena Lead' }));
    const nowCarried = value(await t.backend.call('programme.carried', { auditId: s1.id }));
    expect(nowCarried.map((c) => [c.number, c.status])).toEqual([
      [major.number, 'open'],
      [minorAccepted.number, 'closed'],
      [ofi.number, 'closed'],
    ]);
    const s1Minor = await issueFinding(t.backend, s1.id, 'minor', '9.2.2', '2027-03-01T10:00');

    const s2 = value(
      await t.backend.call('programme.createNext', {
        reason: 'Planned before the previous audit closed',
        fromAuditId: s1.id,
        startDate: '2028-03-01',
        endDate: '2028-03-02',
      }),
    );
    expect(value(await t.backend.call('audits.get', { id: s2.id })).type).toBe('surveillance2');
    const intoS2 = value(await t.backend.call('programme.carried', { auditId: s2.id }));
    expect(intoS2.map((c) => [c.number, c.fromAuditId])).toEqual([
      [major.number, audit.id],
      [s1Minor.number, s1.id],
    ]);
  });
});

describe('programme.compare', () => {
  it('lines up the results of both audits by requirement, with their findings and what changed', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    await setResult(t.backend, audit.id, '9.2.2', 'conforming');
    await setResult(t.backend, audit.id, 'A.5.18', 'minor_nc');
    const nc = await issueFinding(t.backend, audit.id, 'minor', 'A.5.18');
    const { id } = value(
      await t.backend.call('programme.createNext', {
        reason: 'Planned before the previous audit closed',
        fromAuditId: audit.id,
        startDate: '2027-03-01',
        endDate: '2027-03-02',
      }),
    );
    value(await t.backend.call('audits.setStatus', { id, status: 'in_progress' }));
    const s1Refs = value(await t.backend.call('checklist.get', { auditId: id })).items.map((i) => i.ref);
    expect(s1Refs).toContain('9.2.2');
    await setResult(t.backend, id, '9.2.2', 'ofi');

    const cmp = value(await t.backend.call('programme.compare', { auditId: id }));
    expect(cmp).toMatchObject({ auditId: id, previousAuditId: audit.id, previousAuditType: 'stage2' });
    const row = (ref: string) => cmp.rows.find((r) => r.ref === ref);
    expect(row('9.2.2')).toMatchObject({ previous: 'conforming', current: 'ofi', changed: true });
    expect(row('A.5.18')).toMatchObject({ previous: 'minor_nc', previousFindings: [nc.number], currentFindings: [] });
    // Stage 2 covered everything; refs not sampled this time have no current result and are not "changed".
    const stage2Refs = value(await t.backend.call('checklist.get', { auditId: audit.id })).items.map((i) => i.ref);
    expect(cmp.rows.map((r) => r.ref)).toEqual(stage2Refs);
    const notSampled = cmp.rows.find((r) => !s1Refs.includes(r.ref))!;
    expect(notSampled).toMatchObject({ current: null, changed: false });

    // The first audit of a client has nothing to compare with.
    const first = value(await t.backend.call('programme.compare', { auditId: audit.id }));
    expect(first.previousAuditId).toBeNull();
    expect(first.rows.every((r) => r.previous === null && !r.changed)).toBe(true);
  });
});
