import { afterEach, describe, expect, it } from 'vitest';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';
import { closeAudit, stage2InProgress } from './helpers';

let t: ReturnType<typeof tempBackend>;
afterEach(() => t.cleanup());

const stepsOf = (p: { steps: { type: string; dueBy: string | null; auditId: string | null; overdue: boolean }[] }) =>
  Object.fromEntries(p.steps.map((s) => [s.type, { dueBy: s.dueBy, auditId: s.auditId, overdue: s.overdue }]));

describe('programme.get and setCertification', () => {
  it('derives surveillance and recertification due dates from the decision and expiry dates', async () => {
    t = tempBackend({ now: () => '2027-04-02T09:00:00.000Z' });
    const { client, audit } = await stage2InProgress(t.backend);

    const before = value(await t.backend.call('programme.get', { clientId: client.id }));
    expect(before.decisionDate).toBeNull();
    expect(stepsOf(before)).toEqual({
      stage1: { dueBy: null, auditId: null, overdue: false },
      stage2: { dueBy: null, auditId: audit.id, overdue: false },
      surveillance1: { dueBy: null, auditId: null, overdue: false },
      surveillance2: { dueBy: null, auditId: null, overdue: false },
      recertification: { dueBy: null, auditId: null, overdue: false },
    });
    expect(before.next).toEqual({ type: 'surveillance1', fromAuditId: audit.id });

    // The decision rests on a closed Stage 2 (tests/unit/programme/gates.test.ts).
    await closeAudit(t.backend, audit.id);
    const p = value(
      await t.backend.call('programme.setCertification', {
        clientId: client.id,
        decisionDate: '2026-03-31',
        expiryDate: '2029-03-30',
      }),
    );
    expect(stepsOf(p)).toEqual({
      stage1: { dueBy: null, auditId: null, overdue: false },
      stage2: { dueBy: null, auditId: audit.id, overdue: false },
      // Today is 2027-04-02: surveillance 1 was due by 2027-03-31 and none took place.
      surveillance1: { dueBy: '2027-03-31', auditId: null, overdue: true },
      surveillance2: { dueBy: '2028-03-31', auditId: null, overdue: false },
      recertification: { dueBy: '2029-03-30', auditId: null, overdue: false },
    });

    // A surveillance planned after its due date does not make it on time.
    const next = value(
      await t.backend.call('programme.createNext', {
        reason: 'Planned before the previous audit closed',
        fromAuditId: audit.id,
        startDate: '2027-04-10',
        endDate: '2027-04-11',
      }),
    );
    const after = stepsOf(value(await t.backend.call('programme.get', { clientId: client.id })));
    expect(after.surveillance1).toEqual({ dueBy: '2027-03-31', auditId: next.id, overdue: true });
  });

  it('clamps a decision on 29 February to the end of February', async () => {
    t = tempBackend();
    const { client, audit } = await stage2InProgress(t.backend);
    await closeAudit(t.backend, audit.id);
    const p = value(
      await t.backend.call('programme.setCertification', {
        clientId: client.id,
        decisionDate: '2028-02-29',
        expiryDate: '2031-02-28',
      }),
    );
    expect(p.steps.find((s) => s.type === 'surveillance1')!.dueBy).toBe('2029-02-28');
    expect(p.steps.find((s) => s.type === 'surveillance2')!.dueBy).toBe('2030-02-28');
  });

  it('refuses an expiry on or before the decision, and an unknown client, changing nothing', async () => {
    t = tempBackend();
    const { client } = await stage2InProgress(t.backend);
    const before = dumpDatabase(t.backend.db);
    const bad = await t.backend.call('programme.setCertification', {
      clientId: client.id,
      decisionDate: '2026-03-31',
      expiryDate: '2026-03-31',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(bad)).toContain('The expiry date must be after the decision date');
    const unknown = await t.backend.call('programme.setCertification', {
      clientId: '00000000-0000-7000-8000-000000000000',
      decisionDate: '2026-03-31',
      expiryDate: null,
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'This client does not exist (it may have been deleted).' },
    });
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });
});
