import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { issueFinding } from '../programme/helpers';

let t: ReturnType<typeof tempBackend>;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

const error = (r: unknown) => (r as { ok: false; error: { code: string; message: string } }).error;

describe('gap analysis (pre-assessment) audits', () => {
  it('get the Stage 2 checklist, make no recommendation, review or decision, and their gaps never enter the cycle', async () => {
    const b = t.backend;
    const client = value(await b.call('clients.create', sampleClient()));
    const gap = value(await b.call('audits.create', { ...sampleAudit(client.id), type: 'gap_analysis' }));
    const stage2 = value(
      await b.call('audits.create', { ...sampleAudit(client.id), startDate: '2026-06-01', endDate: '2026-06-02' }),
    );
    const refs = async (id: string) => value(await b.call('checklist.get', { auditId: id })).items.map((i) => i.ref);
    expect(gap.type).toBe('gap_analysis');
    expect(await refs(gap.id)).toEqual(await refs(stage2.id));

    value(await b.call('audits.setStatus', { id: gap.id, status: 'in_progress' }));
    await issueFinding(b, gap.id, 'major', 'A.5.15');

    const before = dumpDatabase(b.db);
    expect(
      error(await b.call('recommendation.decide', { auditId: gap.id, recommendation: 'recommend', by: 'Lena Lead' })),
    ).toEqual({ code: 'conflict', message: 'A gap analysis (pre-assessment) makes no certification recommendation.' });
    expect(
      error(
        await b.call('review.record', {
          auditId: gap.id,
          reviewerName: 'Rita Reviewer',
          reviewedOn: '2026-03-20',
          conclusion: 'confirmed',
        }),
      ).message,
    ).toBe('A gap analysis leads to no certification decision, so it has no technical review.');
    expect(value(await b.call('review.get', { auditId: gap.id })).allowedDecisions).toEqual([]);
    expect(dumpDatabase(b.db)).toEqual(before);

    // The next audit after the Stage 2 carries the Stage 2's open findings, never the gap analysis's gaps.
    value(await b.call('audits.setStatus', { id: stage2.id, status: 'in_progress' }));
    const nc = await issueFinding(b, stage2.id, 'minor', 'A.5.18');
    b.db.prepare("UPDATE audits SET status = 'closed' WHERE id = ?").run(stage2.id);
    const next = value(
      await b.call('programme.createNext', { fromAuditId: stage2.id, startDate: '2027-06-01', endDate: '2027-06-02' }),
    );
    expect(value(await b.call('programme.carried', { auditId: next.id })).map((f) => f.findingId)).toEqual([nc.id]);
  });
});
