import { afterEach, describe, expect, it } from 'vitest';
import { dumpDatabase, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { issueFinding, resolveNc, stage2InProgress, verifyNc } from './helpers';

let t: ReturnType<typeof tempBackend>;
afterEach(() => t.cleanup());

const suggestion = async (auditId: string) => value(await t.backend.call('recommendation.get', { auditId })).suggested;

describe('recommendation suggestion', () => {
  it('follows the unresolved findings of the audit and those carried into it', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    const state = value(await t.backend.call('recommendation.get', { auditId: audit.id }));
    expect(state).toMatchObject({ suggested: 'recommend', decisions: [] });
    expect(state.reasons).toHaveLength(1);

    // OFIs and good practice never hold certification back.
    await issueFinding(t.backend, audit.id, 'ofi', 'A.7.7');
    await issueFinding(t.backend, audit.id, 'positive', 'A.7.2');
    expect(await suggestion(audit.id)).toBe('recommend');

    const minor = await issueFinding(t.backend, audit.id, 'minor', 'A.5.18');
    const minorState = value(await t.backend.call('recommendation.get', { auditId: audit.id }));
    expect(minorState.suggested).toBe('after_action_plans');
    // With the audit's prefix: findings carried in from earlier audits are listed beside this audit's own.
    expect(minor.number).toBe('NC-01');
    expect(minorState.reasons).toEqual(['ST2-NC-01 has no accepted corrective action plan yet']);
    await resolveNc(t.backend, minor.id, audit.id, { until: 'response_accepted' });
    expect(await suggestion(audit.id)).toBe('recommend');

    const major = await issueFinding(t.backend, audit.id, 'major', 'A.8.13');
    expect(await suggestion(audit.id)).toBe('not_recommended');
    await resolveNc(t.backend, major.id, audit.id, { until: 'response_accepted' });
    expect(await suggestion(audit.id)).toBe('not_recommended');

    // Carried into surveillance 1 while still unverified: it bears on that audit too, until closed.
    const { id: s1 } = value(
      await t.backend.call('programme.createNext', {
        reason: 'Planned before the previous audit closed',
        fromAuditId: audit.id,
        startDate: '2027-03-01',
        endDate: '2027-03-02',
      }),
    );
    expect(await suggestion(s1)).toBe('not_recommended');
    value(await t.backend.call('audits.setStatus', { id: s1, status: 'in_progress' }));
    await verifyNc(t.backend, major.id, s1, '2027-03-01');
    expect(await suggestion(s1)).toBe('recommend');
    expect(await suggestion(audit.id)).toBe('recommend');
  });
});

describe('recommendation.decide', () => {
  it('refuses a planned audit, and an override without a reason, writing nothing', async () => {
    t = tempBackend();
    const client = value(await t.backend.call('clients.create', sampleClient()));
    const planned = value(await t.backend.call('audits.create', sampleAudit(client.id)));
    const before = dumpDatabase(t.backend.db);
    expect(
      await t.backend.call('recommendation.decide', {
        auditId: planned.id,
        recommendation: 'recommend',
        by: 'Lena Lead',
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'A recommendation can be recorded only once the audit has taken place; this audit is still planned.',
      },
    });
    expect(dumpDatabase(t.backend.db)).toEqual(before);

    const { audit } = await stage2InProgress(t.backend);
    await issueFinding(t.backend, audit.id, 'minor', 'A.5.18');
    const ready = dumpDatabase(t.backend.db);
    const r = await t.backend.call('recommendation.decide', {
      auditId: audit.id,
      recommendation: 'recommend',
      reason: '   ',
      by: 'Lena Lead',
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          'Overriding the suggestion (recommend once the corrective action plans for minor nonconformities are accepted) needs a reason.',
      },
    });
    expect(dumpDatabase(t.backend.db)).toEqual(ready);
  });

  it('records confirmations and overrides with their reason; a second decision that changes it needs a reason', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    // Set-up: the whole checklist audited, so the completeness gates stay quiet (tests/unit/programme/gates.test.ts).
    t.backend.db.prepare("UPDATE checklist_items SET result = 'conforming' WHERE audit_id = ?").run(audit.id);
    await issueFinding(t.backend, audit.id, 'minor', 'A.5.18');
    const decide = (recommendation: 'recommend' | 'after_action_plans' | 'not_recommended', reason?: string) =>
      t.backend.call('recommendation.decide', { auditId: audit.id, recommendation, reason, by: 'Lena Lead' });

    const first = value(await decide('after_action_plans'));
    expect(first.decisions).toMatchObject([
      { recommendation: 'after_action_plans', suggested: 'after_action_plans', overridden: false, reason: '' },
    ]);

    // Changing to the suggestion's opposite without a reason: refused, nothing written.
    const before = dumpDatabase(t.backend.db);
    expect(await decide('not_recommended')).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          'Overriding the suggestion (recommend once the corrective action plans for minor nonconformities are accepted) needs a reason.',
      },
    });
    expect(dumpDatabase(t.backend.db)).toEqual(before);

    const override = value(await decide('not_recommended', 'Minor NC points at a systemic access-control weakness'));
    expect(override.decisions.at(-1)).toMatchObject({
      recommendation: 'not_recommended',
      overridden: true,
      reason: 'Minor NC points at a systemic access-control weakness',
      decidedBy: 'Lena Lead',
    });

    // A second lead-auditor decision that changes the recorded one (back to the suggestion) needs a reason too.
    const again = dumpDatabase(t.backend.db);
    expect(await decide('after_action_plans')).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          'Changing the recorded recommendation to "recommend once the corrective action plans for minor nonconformities are accepted" needs a reason.',
        issues: [{ path: ['reason'], message: 'Say why the recorded recommendation changes' }],
      },
    });
    expect(dumpDatabase(t.backend.db)).toEqual(again);

    const back = value(await decide('after_action_plans', 'Client showed the access review is now automated'));
    expect(back.decisions.map((d) => [d.recommendation, d.overridden])).toEqual([
      ['after_action_plans', false],
      ['not_recommended', true],
      ['after_action_plans', false],
    ]);
    const trail = value(
      await t.backend.call('findings.trail', { recordType: 'recommendation', recordId: back.decisions[1]!.id }),
    );
    expect(trail.map((e) => [e.field, e.newValue, e.changedBy])).toEqual([
      ['recommendation', 'not_recommended: Minor NC points at a systemic access-control weakness', 'Lena Lead'],
    ]);
    // Recorded decisions are never changed in place.
    expect(() => t.backend.db.prepare("UPDATE recommendations SET reason = 'x'").run()).toThrow(
      'Recorded recommendations cannot be changed; record a new decision',
    );
  });
});
