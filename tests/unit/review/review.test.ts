import { newId } from '#core/ids';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

let t: ReturnType<typeof tempBackend>;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

/** An issued version of the report, as the export job records one (the review reads only the record). */
function issued(auditId: string, version: number, issuedAt: string): string {
  const id = newId();
  t.backend.db
    .prepare(
      `INSERT INTO report_issues (id, audit_id, kind, version, report_number, file_name, sha256, size, content_hash, issued_at,
         issued_by, signer_name, signer_role, signer_fingerprint, created_at, updated_at, device_id)
       VALUES (?, ?, 'report', ?, 'EC-2026-001', 'r.docx', ?, 1, 'h', ?, 'Lena Lead', 'Lena Lead', 'Lead auditor', 'AB', ?, ?, 'dev')`,
    )
    .run(id, auditId, version, String(version).repeat(64).slice(0, 64), issuedAt, issuedAt, issuedAt);
  return id;
}

async function audited(type: 'stage2' | 'stage1' | 'surveillance1' | 'recertification' = 'stage2') {
  const b = t.backend;
  const client = value(await b.call('clients.create', sampleClient()));
  const audit = value(await b.call('audits.create', { ...sampleAudit(client.id), type }));
  return { b, client, audit };
}

const review = {
  reviewerName: 'Rita Reviewer',
  reviewerEmail: 'rita@cb.example',
  reviewedOn: '2026-03-20',
  conclusion: 'confirmed' as const,
  notes: 'Findings graded consistently; evidence sufficient.',
};

const error = (r: unknown) => (r as { ok: false; error: { code: string; message: string } }).error;

describe('technical review', () => {
  it('is refused before the report is issued', async () => {
    const { b, audit } = await audited();
    const before = dumpDatabase(b.db);
    expect(error(await b.call('review.record', { auditId: audit.id, ...review }))).toEqual({
      code: 'conflict',
      message: 'Issue the report first: the technical review is made on the issued report.',
    });
    expect(dumpDatabase(b.db)).toEqual(before);
    expect(value(await b.call('review.get', { auditId: audit.id }))).toEqual({
      auditId: audit.id,
      issuedReport: null,
      allowedDecisions: ['grant', 'refuse'],
      review: null,
    });
  });

  it('refuses a member of the audit team as reviewer, by name in any case or spacing, or by e-mail', async () => {
    const { b, audit } = await audited();
    issued(audit.id, 1, '2026-03-10T10:00:00.000Z');
    const before = dumpDatabase(b.db);
    for (const who of [
      { reviewerName: 'lena  LEAD' },
      { reviewerName: 'L. Lead', reviewerEmail: 'LENA@cb.example' },
      { reviewerName: 'Arno Auditor' },
    ]) {
      const e = error(await b.call('review.record', { auditId: audit.id, ...review, ...who }));
      expect(e.code).toBe('conflict');
      expect(e.message).toMatch(/is on this audit's team, so cannot be its technical reviewer/);
    }
    expect(dumpDatabase(b.db)).toEqual(before);
  });

  it('is dated no earlier than the issue, and made on the newest issued version', async () => {
    const { b, audit } = await audited();
    issued(audit.id, 1, '2026-03-10T10:00:00.000Z');
    expect(error(await b.call('review.record', { auditId: audit.id, ...review, reviewedOn: '2026-03-09' }))).toEqual({
      code: 'invalid_input',
      message: 'The review cannot be dated before the report was issued (2026-03-10).',
      issues: [{ path: ['reviewedOn'], message: 'Choose 2026-03-10 or later' }],
    });
    const v2 = issued(audit.id, 2, '2026-03-12T10:00:00.000Z');
    const state = value(await b.call('review.record', { auditId: audit.id, ...review }));
    expect(state.review).toMatchObject({ reportIssueId: v2, reportVersion: 2, reviewerName: 'Rita Reviewer' });
    expect(state.issuedReport).toEqual({ id: v2, reportNumber: 'EC-2026-001', version: 2, issuedOn: '2026-03-12' });
  });
});

describe('certification decision', () => {
  it('follows a confirming review, by someone outside the team; a grant dates the certification; then final', async () => {
    const { b, client, audit } = await audited();
    issued(audit.id, 1, '2026-03-10T10:00:00.000Z');
    const decision = {
      auditId: audit.id,
      decision: 'grant' as const,
      decidedBy: 'Dora Decider',
      decidedOn: '2026-03-25',
    };
    expect(error(await b.call('review.decide', decision))).toEqual({
      code: 'conflict',
      message: 'Record the technical review first: the decision follows it.',
    });
    value(await b.call('review.record', { auditId: audit.id, ...review }));
    expect(error(await b.call('review.decide', { ...decision, decidedBy: 'Lena Lead' })).message).toMatch(
      /Lena Lead is on this audit's team, so cannot be its certification decision maker/,
    );
    expect(error(await b.call('review.decide', { ...decision, decision: 'maintain' }))).toMatchObject({
      code: 'invalid_input',
      message:
        '"Certification maintained" is not a decision this audit can lead to; choose "Certification granted" or "Certification not granted".',
    });
    expect(error(await b.call('review.decide', { ...decision, decidedOn: '2026-03-19' })).message).toBe(
      'The decision cannot be dated before the review (2026-03-20).',
    );

    // The cycle's rule (setCertification): a grant needs the Stage 2 closed; the refusal leaves nothing behind.
    const open = dumpDatabase(b.db);
    expect(error(await b.call('review.decide', decision)).message).toMatch(/only after the Stage 2 .* is closed/);
    expect(dumpDatabase(b.db)).toEqual(open);
    b.db.prepare("UPDATE audits SET status = 'closed' WHERE id = ?").run(audit.id);

    const state = value(await b.call('review.decide', decision));
    expect(state.review).toMatchObject({ decision: 'grant', decidedBy: 'Dora Decider', decidedOn: '2026-03-25' });
    expect(value(await b.call('programme.get', { clientId: client.id }))).toMatchObject({
      decisionDate: '2026-03-25',
      expiryDate: '2029-03-25',
    });

    const before = dumpDatabase(b.db);
    expect(error(await b.call('review.decide', decision)).message).toBe(
      'The certification decision is already recorded and is final.',
    );
    expect(error(await b.call('review.record', { auditId: audit.id, ...review })).message).toBe(
      'The certification decision is recorded; its review can no longer be changed.',
    );
    // The database itself refuses a rewrite.
    expect(() => b.db.prepare("UPDATE technical_reviews SET decision = 'refuse'").run()).toThrow(/cannot be changed/);
    expect(dumpDatabase(b.db)).toEqual(before);
  });

  it('a review that returned the report, or a report issued again since, holds the decision back', async () => {
    const { b, audit } = await audited();
    issued(audit.id, 1, '2026-03-10T10:00:00.000Z');
    value(await b.call('review.record', { auditId: audit.id, ...review, conclusion: 'returned' }));
    const decision = {
      auditId: audit.id,
      decision: 'refuse' as const,
      decidedBy: 'Dora Decider',
      decidedOn: '2026-03-25',
    };
    expect(error(await b.call('review.decide', decision)).message).toMatch(/returned the report to the audit team/);
    value(await b.call('review.record', { auditId: audit.id, ...review }));
    issued(audit.id, 2, '2026-03-21T10:00:00.000Z');
    expect(error(await b.call('review.decide', decision)).message).toBe(
      'The report was issued again (version 2) after the review: review the new version before deciding.',
    );
  });

  it('a Stage 1 has no decision; surveillance maintains, suspends or withdraws', async () => {
    const s1 = await audited('stage1');
    issued(s1.audit.id, 1, '2026-03-10T10:00:00.000Z');
    value(await t.backend.call('review.record', { auditId: s1.audit.id, ...review }));
    expect(value(await t.backend.call('review.get', { auditId: s1.audit.id })).allowedDecisions).toEqual([]);
    expect(
      error(
        await t.backend.call('review.decide', {
          auditId: s1.audit.id,
          decision: 'grant',
          decidedBy: 'Dora Decider',
          decidedOn: '2026-03-25',
        }),
      ).message,
    ).toBe('A Stage 1 audit leads to no certification decision; the decision follows Stage 2.');
    const sa = await audited('surveillance1');
    expect(value(await t.backend.call('review.get', { auditId: sa.audit.id })).allowedDecisions).toEqual([
      'maintain',
      'suspend',
      'withdraw',
    ]);
  });
});
