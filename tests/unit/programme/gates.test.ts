import { afterEach, describe, expect, it } from 'vitest';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';
import { closeAudit, issueFinding, resolveNc, stage2InProgress } from './helpers';

let t: ReturnType<typeof tempBackend>;
afterEach(() => t.cleanup());

const itemByRef = async (auditId: string, ref: string) => {
  const item = value(await t.backend.call('checklist.get', { auditId })).items.find((i) => i.ref === ref);
  if (!item) throw new Error(`no item ${ref}`);
  return item;
};
const trail = (auditId: string) =>
  t.backend.db
    .prepare(
      "SELECT field, old_value, new_value, changed_by FROM audit_trail WHERE audit_id = ? AND field LIKE 'gates_override_%' ORDER BY id",
    )
    .all(auditId) as { field: string; old_value: string; new_value: string; changed_by: string }[];
/** Test set-up only: every item of the checklist audited as conforming, in one statement. */
const auditEverything = (auditId: string) =>
  t.backend.db.prepare("UPDATE checklist_items SET result = 'conforming' WHERE audit_id = ?").run(auditId);

describe('checklist rules', () => {
  it('refuses "not applicable" for clauses 4–10, writing nothing; controls may be', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    const clause = await itemByRef(audit.id, '7.2');
    const before = dumpDatabase(t.backend.db);
    const r = await t.backend.call('checklist.updateItem', { id: clause.id, patch: { result: 'not_applicable' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toMatch(/^Clause 7\.2 is a requirement of every ISMS/);
    }
    expect(dumpDatabase(t.backend.db)).toEqual(before);
    const control = await itemByRef(audit.id, 'A.7.2');
    const updated = value(
      await t.backend.call('checklist.updateItem', { id: control.id, patch: { result: 'not_applicable' } }),
    );
    expect(updated.result).toBe('not_applicable');
  });

  it('"needs a finding" clears on the row and in the dashboard once a finding exists for it', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    const item = await itemByRef(audit.id, 'A.5.18');
    const set = value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { result: 'minor_nc' } }));
    expect(set.needsFinding).toBe(true);
    expect(value(await t.backend.call('audits.dashboard', { auditId: audit.id })).needsFinding).toBe(1);
    value(
      await t.backend.call('findings.create', {
        auditId: audit.id,
        finding: { type: 'minor', itemIds: [item.id], statement: 'Access not reviewed', raisedAt: '2026-03-03T10:00' },
        by: 'Lena Lead',
      }),
    );
    expect((await itemByRef(audit.id, 'A.5.18')).needsFinding).toBe(false);
    expect(value(await t.backend.call('audits.dashboard', { auditId: audit.id })).needsFinding).toBe(0);
  });
});

describe('gates in the backend', () => {
  it('the recommendation with items unaudited needs a reason; the reason and the gaps go into the trail', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    const before = dumpDatabase(t.backend.db);
    const refused = await t.backend.call('recommendation.decide', {
      auditId: audit.id,
      recommendation: 'recommend',
      by: 'Lena Lead',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid_input');
      expect(refused.error.message).toMatch(
        /^Recording the recommendation with 1 gap open needs a reason: 123 checklist items have no result \(0 of 123 audited\)/,
      );
    }
    expect(dumpDatabase(t.backend.db)).toEqual(before);
    value(
      await t.backend.call('recommendation.decide', {
        auditId: audit.id,
        recommendation: 'recommend',
        reason: 'Remaining controls audited remotely next week',
        by: 'Lena Lead',
      }),
    );
    expect(trail(audit.id)).toEqual([
      {
        field: 'gates_override_recommend',
        old_value: expect.stringMatching(/^123 checklist items have no result/) as string,
        new_value: 'Remaining controls audited remotely next week',
        changed_by: 'Lena Lead',
      },
    ]);
  });

  it('a fully audited audit records its recommendation without a reason and leaves no override', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    auditEverything(audit.id);
    value(
      await t.backend.call('recommendation.decide', { auditId: audit.id, recommendation: 'recommend', by: 'Lena' }),
    );
    expect(trail(audit.id)).toEqual([]);
  });

  it('closing with gaps open needs a typed reason; the audit stays in reporting until one is given', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    auditEverything(audit.id);
    value(await t.backend.call('audits.setStatus', { id: audit.id, status: 'reporting' }));
    for (const reason of [undefined, '  ']) {
      const r = await t.backend.call('audits.setStatus', { id: audit.id, status: 'closed', reason, by: 'Lena Lead' });
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error.message).toBe(
          "Closing the audit with 2 gaps open needs a reason: The team's recommendation has not been confirmed yet (Cycle tab). The audit report has not been issued.",
        );
    }
    expect(value(await t.backend.call('audits.get', { id: audit.id })).status).toBe('reporting');
    value(
      await t.backend.call('audits.setStatus', {
        id: audit.id,
        status: 'closed',
        reason: 'Client withdrew; audit ended early',
        by: 'Lena Lead',
      }),
    );
    expect(trail(audit.id).map((r) => [r.field, r.new_value])).toEqual([
      ['gates_override_close', 'Client withdrew; audit ended early'],
    ]);
  });
});

// reports.get loads the report's collector on first use: seconds on a loaded machine.
describe('the Report tab', { timeout: 60_000 }, () => {
  it("lists the issuing gates before the report's own conclusions", async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    const { gaps } = value(await t.backend.call('reports.get', { auditId: audit.id }));
    expect(gaps.slice(0, 2)).toEqual([
      '123 checklist items have no result (0 of 123 audited): Clause 4.1, Clause 4.2, Clause 4.3, Clause 4.4, Clause 5.1, Clause 5.2, Clause 5.3, Clause 6.1.1 and 115 more.',
      "The team's recommendation has not been confirmed yet (Cycle tab).",
    ]);
    expect(gaps).toContain('No conclusion on management review yet.');
  });
});

describe("the cycle's rules", () => {
  it('a certification decision waits for a closed Stage 2 with no major open', async () => {
    t = tempBackend();
    const { client, audit } = await stage2InProgress(t.backend);
    const decide = () =>
      t.backend.call('programme.setCertification', {
        clientId: client.id,
        decisionDate: '2026-04-15',
        expiryDate: '2029-04-14',
      });
    const before = dumpDatabase(t.backend.db);
    const early = await decide();
    expect(early.ok).toBe(false);
    if (!early.ok) {
      expect(early.error.code).toBe('conflict');
      expect(early.error.message).toBe(
        'A certification decision can be recorded only after the Stage 2 (or recertification) audit is closed.',
      );
    }
    expect(dumpDatabase(t.backend.db)).toEqual(before);

    const major = await issueFinding(t.backend, audit.id, 'major', 'A.8.13');
    await closeAudit(t.backend, audit.id);
    const open = await decide();
    expect(open.ok).toBe(false);
    if (!open.ok) expect(open.error.message).toMatch(/while a major nonconformity is open \(ST2-NC-01\)/);

    await resolveNc(t.backend, major.id, audit.id, { until: 'verified' });
    expect(value(await decide()).decisionDate).toBe('2026-04-15');
    // Changing only the expiry keeps the decision: no refusal even if a new major were open.
    expect(
      value(
        await t.backend.call('programme.setCertification', {
          clientId: client.id,
          decisionDate: '2026-04-15',
          expiryDate: '2029-04-10',
        }),
      ).expiryDate,
    ).toBe('2029-04-10');
  });

  it('the next audit waits for the previous one to close, or takes a reason into the trail', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    const next = { fromAuditId: audit.id, startDate: '2027-03-01', endDate: '2027-03-02' };
    const before = dumpDatabase(t.backend.db);
    const refused = await t.backend.call('programme.createNext', next);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid_input');
      expect(refused.error.message).toBe(
        'The Stage 2 audit is in progress, not closed: say why the next audit is planned before it closes.',
      );
    }
    expect(dumpDatabase(t.backend.db)).toEqual(before);
    value(
      await t.backend.call('programme.createNext', { ...next, reason: 'Dates fixed with the client now', by: 'Lena' }),
    );
    expect(
      t.backend.db
        .prepare("SELECT old_value, new_value, changed_by FROM audit_trail WHERE field = 'next_planned_before_close'")
        .all(),
    ).toEqual([{ old_value: 'in_progress', new_value: 'Dates fixed with the client now', changed_by: 'Lena' }]);
  });

  it('the SoA carries over into the next audit, exclusions and all', async () => {
    t = tempBackend();
    const { audit } = await stage2InProgress(t.backend);
    // Set-up by SQL: the SoA import itself is tested in tests/unit/core/soa-import.test.ts.
    t.backend.db
      .prepare(
        `UPDATE checklist_items SET soa_applicable = CASE ref WHEN 'A.8.30' THEN 0 ELSE 1 END,
           soa_justification = CASE ref WHEN 'A.8.30' THEN 'No outsourced development' ELSE '' END,
           soa_status = 'Implemented' WHERE audit_id = ? AND kind = 'control'`,
      )
      .run(audit.id);
    t.backend.db
      .prepare("UPDATE audits SET soa_version = '4.2', soa_imported_at = '2026-03-01T09:00:00.000Z' WHERE id = ?")
      .run(audit.id);
    await closeAudit(t.backend, audit.id);
    const { id } = value(
      await t.backend.call('programme.createNext', {
        fromAuditId: audit.id,
        startDate: '2027-03-01',
        endDate: '2027-03-02',
        sampledRefs: ['9.2.1', 'A.5.15', 'A.8.30'],
      }),
    );
    const next = value(await t.backend.call('checklist.get', { auditId: id }));
    expect(next.soaVersion).toBe('4.2');
    const byRef = new Map(next.items.map((i) => [i.ref, i]));
    expect(byRef.get('A.8.30')).toMatchObject({
      result: 'not_applicable',
      soa: { applicable: false, justification: 'No outsourced development', status: 'Implemented' },
    });
    expect(byRef.get('A.5.15')).toMatchObject({
      result: 'not_audited',
      soa: { applicable: true, justification: '', status: 'Implemented' },
    });
    expect(byRef.get('9.2.1')?.soa).toBeNull();
  });
});
