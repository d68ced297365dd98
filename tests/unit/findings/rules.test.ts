import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleAudit, value } from '../../helpers/backend';
import {
  accepted,
  createFinding,
  findingsBackend,
  findingsWorld,
  issued,
  minorNc,
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

describe('the lifecycle rules refuse with a specific message and write nothing', () => {
  it('closing a nonconformity that was never verified', async () => {
    const open = await issued(t.backend, w);
    const e1 = await refused(t.backend, 'findings.close', { id: open.id, by: 'Lena' });
    expect(e1).toMatchObject({
      code: 'conflict',
      message: 'A nonconformity cannot be closed before it has been verified effective.',
    });
    // Still refused once the plan is accepted: only verification opens the way to closing.
    const acc = await accepted(t.backend, w, { statement: 'Another one' });
    const e2 = await refused(t.backend, 'findings.close', { id: acc.id, by: 'Lena' });
    expect(e2.message).toBe('A nonconformity cannot be closed before it has been verified effective.');
  });

  it('verifying before the response was accepted', async () => {
    const open = await issued(t.backend, w);
    const input = { id: open.id, verification: verification(w.audit.id), by: 'Lena' };
    const e1 = await refused(t.backend, 'findings.verify', input);
    expect(e1).toMatchObject({
      code: 'conflict',
      message: "A nonconformity can be verified only after the client's response has been accepted.",
    });
    value(await t.backend.call('findings.respond', { id: open.id, response: response(), by: 'Lena' }));
    const e2 = await refused(t.backend, 'findings.verify', input);
    expect(e2.message).toBe("A nonconformity can be verified only after the client's response has been accepted.");
  });

  it('a response dated before the finding was raised', async () => {
    const open = await issued(t.backend, w, { raisedAt: '2026-03-03T10:15' });
    const e = await refused(t.backend, 'findings.respond', {
      id: open.id,
      response: response({ receivedAt: '2026-03-02' }),
      by: 'Lena',
    });
    expect(e).toMatchObject({
      code: 'invalid_input',
      message:
        'The response cannot have been received before the finding was raised (2026-03-03); check the date received.',
    });
    // The same day is fine.
    const ok = value(
      await t.backend.call('findings.respond', {
        id: open.id,
        response: response({ receivedAt: '2026-03-03' }),
        by: 'Lena',
      }),
    );
    expect(ok.status).toBe('response_received');
  });

  it('a finding against a requirement that is not in the audit', async () => {
    for (const itemId of [w.secondItems[0]!.id, w.foreignItems[0]!.id]) {
      const e = await refused(t.backend, 'findings.create', {
        auditId: w.audit.id,
        finding: minorNc(w, { itemIds: [w.item('8.1').id, itemId] }),
        by: 'Lena',
      });
      expect(e).toMatchObject({
        code: 'invalid_input',
        message: 'The chosen requirement is not a requirement of this audit (pick from its checklist).',
        issues: [{ path: ['finding', 'itemIds', 1], message: "Not a requirement of this audit's checklist" }],
      });
    }
    // And by editing an existing draft.
    const draft = await createFinding(t.backend, w);
    const e = await refused(t.backend, 'findings.update', {
      id: draft.id,
      patch: { itemIds: [w.secondItems[0]!.id] },
      by: 'Lena',
    });
    expect(e.message).toBe('The chosen requirement is not a requirement of this audit (pick from its checklist).');
  });

  it('deleting an issued finding', async () => {
    const f = await issued(t.backend, w);
    const e = await refused(t.backend, 'findings.delete', { id: f.id });
    expect(e).toMatchObject({
      code: 'conflict',
      message:
        'An issued finding cannot be deleted; NC-01 stays part of the audit record. If it was raised in error, record that in its statement.',
    });
    // The schema refuses too, should anything bypass the repository.
    expect(() => t.backend.db.prepare('DELETE FROM findings WHERE id = ?').run(f.id)).toThrow(
      'An issued finding cannot be deleted',
    );
  });
});

describe('other refusals', () => {
  it('issuing an incomplete nonconformity lists what is missing', async () => {
    const draft = await createFinding(t.backend, w, { itemIds: [], evidenceText: '', statement: '' });
    const e = await refused(t.backend, 'findings.issue', { id: draft.id, by: 'Lena' });
    expect(e).toMatchObject({
      code: 'invalid_input',
      message:
        'Before this finding can be issued it needs a statement of what was required and what was found; ' +
        'the requirement it is against (a clause or Annex A control); ' +
        'objective evidence (a description, or linked attachments, interviews, observations or documents).',
    });
    // An OFI needs a statement only.
    const ofi = await createFinding(t.backend, w, { type: 'ofi', itemIds: [], evidenceText: '' });
    expect(value(await t.backend.call('findings.issue', { id: ofi.id, by: 'Lena' })).number).toBe('OFI-01');
  });

  it('raising findings before the audit starts or after it is closed', async () => {
    const planned = value(await t.backend.call('audits.create', sampleAudit(w.client.id)));
    const finding = minorNc(w, { itemIds: [], siteId: null });
    const e1 = await refused(t.backend, 'findings.create', { auditId: planned.id, finding, by: 'Lena' });
    expect(e1).toMatchObject({
      code: 'conflict',
      message:
        'Findings are raised once the audit is in progress; start the audit first (set its status to In progress).',
    });
    for (const status of ['reporting', 'closed'] as const) {
      value(await t.backend.call('audits.setStatus', { id: w.second.id, status, reason: 'Closed for the test' }));
    }
    const e2 = await refused(t.backend, 'findings.create', { auditId: w.second.id, finding, by: 'Lena' });
    expect(e2.message).toBe('This audit is closed: its findings are part of the certification record.');
  });

  it('regrading an issued finding across series, and returning a response without a comment', async () => {
    const f = await issued(t.backend, w);
    const e1 = await refused(t.backend, 'findings.update', { id: f.id, patch: { type: 'ofi' }, by: 'Lena' });
    expect(e1.message).toBe(
      'NC-01 is issued as a minor nonconformity and keeps its number: it cannot become an opportunity for improvement. Raise a new finding instead.',
    );
    value(await t.backend.call('findings.respond', { id: f.id, response: response(), by: 'Lena' }));
    const e2 = await refused(t.backend, 'findings.decideResponse', { id: f.id, decision: 'returned', by: 'Lena' });
    expect(e2.message).toBe('Say why the response is returned: the client needs your comment to revise it.');
  });

  it('verifying in an audit the finding was never carried into, or before the accepted response', async () => {
    const f = await accepted(t.backend, w);
    const e1 = await refused(t.backend, 'findings.verify', {
      id: f.id,
      verification: verification(w.second.id),
      by: 'Lena',
    });
    expect(e1.message).toBe(
      'A finding is verified in its own audit or in a later audit it was carried into; choose one of those.',
    );
    const e2 = await refused(t.backend, 'findings.verify', {
      id: f.id,
      verification: verification(w.audit.id, { verifiedOn: '2026-03-19' }),
      by: 'Lena',
    });
    expect(e2.message).toBe('The verification cannot be dated before the accepted response was received (2026-03-20).');
  });
});
