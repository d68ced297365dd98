import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleAudit, value } from '../../helpers/backend';
import {
  createFinding,
  findingsBackend,
  findingsWorld,
  insertEvidence,
  issued,
  refused,
  response,
  verification,
  type FindingsWorld,
} from './world';

let t: ReturnType<typeof findingsBackend>;
let w: FindingsWorld;
beforeEach(async () => {
  t = findingsBackend();
  w = await findingsWorld(t.backend);
});
afterEach(() => t.cleanup());

/** What programme.createNext does for an open finding, written with SQL: the programme is not under test here. */
const carry = (findingId: string, auditId: string) =>
  t.backend.db
    .prepare(
      `INSERT INTO carried_findings (audit_id, finding_id, created_at, updated_at, device_id)
       VALUES (?, ?, 'c', 'u', 'd')`,
    )
    .run(auditId, findingId);

describe('a nonconformity through its whole life', () => {
  it('open → response → returned → response → accepted → verified in a later audit → closed', async () => {
    const f = await issued(t.backend, w);
    expect(f).toMatchObject({ status: 'open', number: 'NC-01', responses: [], verification: null });
    const first = value(
      await t.backend.call('findings.respond', { id: f.id, response: response({ rootCause: 'Unknown' }), by: 'Lena' }),
    );
    expect(first.status).toBe('response_received');
    const returned = value(
      await t.backend.call('findings.decideResponse', {
        id: f.id,
        decision: 'returned',
        comment: 'The root cause is not analysed',
        by: 'Lena Lead',
      }),
    );
    expect(returned.status).toBe('open');
    expect(returned.responses[0]).toMatchObject({
      decision: 'returned',
      decisionComment: 'The root cause is not analysed',
      decidedBy: 'Lena Lead',
      decidedAt: expect.any(String) as string,
    });
    value(
      await t.backend.call('findings.respond', {
        id: f.id,
        response: response({ receivedAt: '2026-03-25' }),
        by: 'Lena',
      }),
    );
    const acc = value(await t.backend.call('findings.decideResponse', { id: f.id, decision: 'accepted', by: 'Lena' }));
    expect(acc.status).toBe('response_accepted');
    expect(acc.responses.map((r) => [r.receivedAt, r.decision])).toEqual([
      ['2026-03-20', 'returned'],
      ['2026-03-25', 'accepted'],
    ]);

    // Verified at the surveillance audit it was carried into, with evidence attached there.
    const photo = insertEvidence(t.backend, w.second.id, [{ type: 'audit', id: w.second.id }]);
    const link = { id: photo, target: { type: 'finding_verification' as const, id: f.id } };
    const e = await refused(t.backend, 'evidence.link', link);
    expect(e.message).toBe('The finding belongs to another audit; attachments stay within their audit.');
    carry(f.id, w.second.id);
    value(await t.backend.call('evidence.link', link));
    const verified = value(
      await t.backend.call('findings.verify', {
        id: f.id,
        verification: verification(w.second.id, { method: 'on_site', verifiedOn: '2027-02-01' }),
        by: 'Lena',
      }),
    );
    expect(verified).toMatchObject({
      status: 'verified',
      verificationEvidenceIds: [photo],
      evidenceIds: [],
      verification: {
        method: 'on_site',
        verifiedOn: '2027-02-01',
        verifiedBy: 'Lena Lead',
        auditId: w.second.id,
        notes: 'Sampled five emergency changes since April: all reviewed.',
      },
    });
    const closed = value(await t.backend.call('findings.close', { id: f.id, by: 'Lena' }));
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) as string, number: 'NC-01' });
    expect(value(await t.backend.call('findings.get', { id: f.id }))).toEqual(closed);
  });

  it('an OFI is issued and closed, and takes no response', async () => {
    const ofi = await issued(t.backend, w, { type: 'ofi', itemIds: [], evidenceText: '' });
    const e = await refused(t.backend, 'findings.respond', { id: ofi.id, response: response(), by: 'Lena' });
    expect(e.message).toBe(
      'Opportunities for improvement and good practice are only issued and closed; they need no response.',
    );
    expect(value(await t.backend.call('findings.close', { id: ofi.id, by: 'Lena' })).status).toBe('closed');
  });

  it('objective evidence: records and attachments of the same audit only', async () => {
    const interview = value(
      await t.backend.call('interviews.create', {
        auditId: w.audit.id,
        interview: { intervieweeName: 'Maria Keller', heldAt: '2026-03-03T09:30' },
      }),
    );
    const foreign = value(
      await t.backend.call('interviews.create', {
        auditId: w.second.id,
        interview: { intervieweeName: 'Elsewhere', heldAt: '2027-02-01T09:30' },
      }),
    );
    const f = await createFinding(t.backend, w, { records: [{ type: 'interview', id: interview.id }] });
    expect(f.records).toEqual([{ type: 'interview', id: interview.id, label: 'Maria Keller' }]);
    const e = await refused(t.backend, 'findings.update', {
      id: f.id,
      patch: { records: [{ type: 'interview', id: foreign.id }] },
      by: 'Lena',
    });
    expect(e.message).toBe(
      'The linked interview belongs to another audit; a finding cites evidence from its own audit.',
    );
    const photo = insertEvidence(t.backend, w.audit.id, [{ type: 'audit', id: w.audit.id }]);
    value(await t.backend.call('evidence.link', { id: photo, target: { type: 'finding', id: f.id } }));
    expect(value(await t.backend.call('findings.get', { id: f.id })).evidenceIds).toEqual([photo]);
    const elsewhere = insertEvidence(t.backend, w.second.id, [{ type: 'audit', id: w.second.id }]);
    const e2 = await refused(t.backend, 'evidence.link', { id: elsewhere, target: { type: 'finding', id: f.id } });
    expect(e2.message).toBe('The finding belongs to another audit; attachments stay within their audit.');
  });

  it('an interview cited by an issued finding cannot be deleted; one cited by a draft can', async () => {
    const make = async (name: string) =>
      value(
        await t.backend.call('interviews.create', {
          auditId: w.audit.id,
          interview: { intervieweeName: name, heldAt: '2026-03-03T09:30' },
        }),
      );
    const cited = await make('Maria Keller');
    const drafted = await make('Paul Draft');
    const f = await issued(t.backend, w, { records: [{ type: 'interview', id: cited.id }] });
    const draft = await createFinding(t.backend, w, { records: [{ type: 'interview', id: drafted.id }] });
    const e = await refused(t.backend, 'interviews.delete', { id: cited.id });
    expect(e).toMatchObject({
      code: 'conflict',
      message: 'This interview is objective evidence of issued finding NC-01 and cannot be deleted.',
    });
    value(await t.backend.call('interviews.delete', { id: drafted.id }));
    expect(value(await t.backend.call('findings.get', { id: draft.id })).records).toEqual([]);
    expect(value(await t.backend.call('findings.get', { id: f.id })).records).toHaveLength(1);
  });

  it('an issued finding stays complete, and is frozen with its closed audit', async () => {
    const f = await issued(t.backend, w);
    const e = await refused(t.backend, 'findings.update', { id: f.id, patch: { itemIds: [] }, by: 'Lena' });
    expect(e.message).toBe(
      'NC-01 is issued and must stay complete; it would lack the requirement it is against (a clause or Annex A control).',
    );
    for (const status of ['reporting', 'closed'] as const) {
      value(await t.backend.call('audits.setStatus', { id: w.audit.id, status, reason: 'Closed for the test' }));
    }
    const e2 = await refused(t.backend, 'findings.update', { id: f.id, patch: { statement: 'Late' }, by: 'Lena' });
    expect(e2.code).toBe('conflict');
    expect(e2.message).toMatch(/^This finding belongs to a closed audit and can no longer be edited/);
    // Its lifecycle goes on: the client answers after the audit is closed.
    value(await t.backend.call('findings.respond', { id: f.id, response: response(), by: 'Lena' }));
  });

  it('an audit with an issued finding is not deleted', async () => {
    const planned = value(await t.backend.call('audits.create', sampleAudit(w.client.id)));
    t.backend.db
      .prepare(
        `INSERT INTO findings (id, audit_id, type, status, number, raised_at, created_at, updated_at, device_id)
         VALUES ('f', ?, 'ofi', 'open', 'OFI-01', '2026-03-02T10:00', 'c', 'u', 'd')`,
      )
      .run(planned.id);
    const e = await refused(t.backend, 'audits.delete', { id: planned.id });
    expect(e).toMatchObject({
      code: 'conflict',
      message: 'This audit has an issued finding; it is part of the certification record and cannot be deleted.',
    });
  });
});

describe('per-audit settings', () => {
  it('default to 30 and 90 days from the last audit day, and can be changed', async () => {
    expect(value(await t.backend.call('findings.settings', { auditId: w.audit.id }))).toEqual({
      auditId: w.audit.id,
      closingMeetingDate: null,
      responseDaysMajor: 30,
      responseDaysMinor: 90,
    });
    const minor = await issued(t.backend, w);
    const major = await issued(t.backend, w, { type: 'major' });
    const ofi = await issued(t.backend, w, { type: 'ofi' });
    const draft = await createFinding(t.backend, w);
    const due = async () =>
      Promise.all(
        [minor, major, ofi, draft].map(
          async (f) => value(await t.backend.call('findings.get', { id: f.id })).responseDue,
        ),
      );
    expect(await due()).toEqual(['2026-06-02', '2026-04-03', null, null]);
    const input = {
      auditId: w.audit.id,
      closingMeetingDate: '2026-03-05',
      responseDaysMajor: 14,
      responseDaysMinor: 60,
    };
    expect(value(await t.backend.call('findings.setSettings', input))).toEqual(input);
    expect(await due()).toEqual(['2026-05-04', '2026-03-19', null, null]);
    const e = await refused(t.backend, 'findings.setSettings', { ...input, closingMeetingDate: '2026-03-01' });
    expect(e.message).toBe('The closing meeting cannot be before the audit starts (2026-03-02).');
  });
});
