import { afterEach, describe, expect, it } from 'vitest';
import type { ExportStartInput } from '#shared/domain/report';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';
import { finishExport } from '../../helpers/export-jobs';
import { issueFinding, stage2InProgress } from '../programme/helpers';

/**
 * Issuing the report goes through the issue gates (shared/rules/gates) in the
 * backend itself, not only on the Report tab: with gaps open, exports.start
 * with `issue` needs a typed reason, which the audit trail keeps.
 */
const passphrase = 'gates passphrase';
let t: ReturnType<typeof tempBackend>;
afterEach(() => t.cleanup());

async function setUp() {
  t = tempBackend();
  const b = t.backend;
  value(await b.call('branding.update', { name: 'Example Certification Ltd', reportNumberPattern: 'EC-{year}-{seq}' }));
  const { audit } = await stage2InProgress(b);
  const identity = value(
    await b.call('signing.create', {
      name: 'Lena Lead',
      validityDays: 365,
      keyAlgorithm: 'ecdsa-p256',
      protection: { kind: 'passphrase', passphrase },
    }),
  );
  const issue = (over: Partial<NonNullable<ExportStartInput['issue']>> = {}): ExportStartInput => ({
    auditId: audit.id,
    kind: 'report',
    issue: { identityId: identity.id, unlock: { kind: 'passphrase', passphrase }, by: 'Lena Lead', ...over },
  });
  return { auditId: audit.id, issue };
}

const overrides = (auditId: string) =>
  t.backend.db
    .prepare(
      "SELECT field, old_value, new_value, changed_by FROM audit_trail WHERE audit_id = ? AND field LIKE 'gates_override_%' ORDER BY id",
    )
    .all(auditId) as { field: string; old_value: string; new_value: string; changed_by: string }[];
const issues = (auditId: string) =>
  t.backend.db.prepare('SELECT kind, version FROM report_issues WHERE audit_id = ?').all(auditId);

describe('issuing the report through the gates', { timeout: 180_000 }, () => {
  it('is refused with gaps open and no reason, naming the gaps, and writes nothing', async () => {
    const { auditId, issue } = await setUp();
    const before = dumpDatabase(t.backend.db);
    for (const overrideReason of [undefined, ' \n ']) {
      const r = await t.backend.call('exports.start', issue(overrideReason === undefined ? {} : { overrideReason }));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toMatch(/^Issuing the report with 2 gaps open needs a reason: /);
      expect(r.error.message).toContain('123 checklist items have no result (0 of 123 audited)');
      expect(r.error.message).toContain("The team's recommendation has not been confirmed yet (Cycle tab).");
      // The reason field is named, and each gap is its own issue for a screen to list.
      expect(r.error.issues?.[0]?.path).toEqual(['issue', 'overrideReason']);
      expect(r.error.issues?.slice(1).map((i) => i.path)).toEqual([
        ['gaps', 0],
        ['gaps', 1],
      ]);
    }
    expect(dumpDatabase(t.backend.db)).toEqual(before);
    expect(issues(auditId)).toEqual([]);
  });

  it('goes ahead with a typed reason: the issue is recorded, and the gaps and reason are in the trail', async () => {
    const { auditId, issue } = await setUp();
    const job = await finishExport(
      t.backend,
      value(
        await t.backend.call(
          'exports.start',
          issue({ overrideReason: '  Client asked for the report before the remote session  ', by: '' }),
        ),
      ),
    );
    expect(job.state, job.error?.message).toBe('done');
    expect(job.issueId).not.toBeNull();
    expect(issues(auditId)).toEqual([{ kind: 'report', version: 1 }]);
    expect(overrides(auditId)).toEqual([
      {
        field: 'gates_override_issue',
        old_value: expect.stringMatching(
          /^123 checklist items have no result \(0 of 123 audited\): Clause 4\.1, .+ and 115 more\.\nThe team's recommendation has not been confirmed yet \(Cycle tab\)\.$/,
        ) as string,
        new_value: 'Client asked for the report before the remote session',
        // No "issued by" typed: the lead auditor is named.
        changed_by: 'Lena Lead',
      },
    ]);
  });

  it('needs no reason and leaves no override once the audit is complete', async () => {
    const { auditId, issue } = await setUp();
    // Test set-up: every item audited as conforming in one statement; the recommendation through the door.
    t.backend.db.prepare("UPDATE checklist_items SET result = 'conforming' WHERE audit_id = ?").run(auditId);
    value(await t.backend.call('recommendation.decide', { auditId, recommendation: 'recommend', by: 'Lena Lead' }));
    const job = await finishExport(t.backend, value(await t.backend.call('exports.start', issue())));
    expect(job.state, job.error?.message).toBe('done');
    expect(overrides(auditId)).toEqual([]);
  });

  it("names an open major with its audit's prefix, as carried findings of other audits are listed beside it", async () => {
    const { auditId, issue } = await setUp();
    t.backend.db.prepare("UPDATE checklist_items SET result = 'conforming' WHERE audit_id = ?").run(auditId);
    await issueFinding(t.backend, auditId, 'major', 'A.8.13');
    value(
      await t.backend.call('recommendation.decide', {
        auditId,
        recommendation: 'recommend',
        reason: 'Test set-up: a recommendation that does not mention the major',
        by: 'Lena Lead',
      }),
    );
    const r = await t.backend.call('exports.start', issue());
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        'Issuing the report with 1 gap open needs a reason: 1 major nonconformity is still open (ST2-NC-01) and the recommendation does not say so.',
      );
  });

  it('does not gate a draft export or the nonconformity list', async () => {
    const { auditId, issue } = await setUp();
    const draft = await finishExport(
      t.backend,
      value(await t.backend.call('exports.start', { auditId, kind: 'report', format: 'docx' })),
    );
    expect(draft.state, draft.error?.message).toBe('done');
    const list = await finishExport(
      t.backend,
      value(await t.backend.call('exports.start', { ...issue(), kind: 'nc_list' })),
    );
    expect(list.state, list.error?.message).toBe('done');
    expect(overrides(auditId)).toEqual([]);
  });
});
