import { describe, expect, it, vi } from 'vitest';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';
import { exportPackage, importPackage, useLaptops, type Laptop } from './helpers';

// Several data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const laptops = useLaptops();

/** A Stage 2 with an issued minor NC, and the surveillance audit planned after it, which carries the NC. */
async function cycle(lead: Laptop) {
  const b = lead.t.backend;
  const client = value(await b.call('clients.create', sampleClient()));
  const stage2 = value(await b.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id])));
  value(await b.call('audits.setStatus', { id: stage2.id, status: 'in_progress' }));
  const items = value(await b.call('checklist.get', { auditId: stage2.id })).items;
  const draft = value(
    await b.call('findings.create', {
      auditId: stage2.id,
      by: lead.name,
      finding: {
        type: 'minor',
        itemIds: [items.find((i) => i.ref === 'A.5.18')!.id],
        statement: 'Access rights of leavers were removed weeks late.',
        evidenceText: 'Leaver list Q1.',
        raisedBy: lead.name,
        raisedAt: '2026-03-03T11:00',
      },
    }),
  );
  const nc = value(await b.call('findings.issue', { id: draft.id, by: lead.name }));
  const next = value(
    await b.call('programme.createNext', {
      fromAuditId: stage2.id,
      startDate: '2027-02-01',
      endDate: '2027-02-02',
      reason: 'Planned before the Stage 2 closed',
      by: lead.name,
    }),
  );
  return { stage2, nc, next };
}

describe('carried findings travel to the auditors as the lead’s read-only copies', () => {
  it('an auditor on site sees the open NC of the last audit, and its new status after the next send', async () => {
    const lead = await laptops.make('Lena Lead');
    const arno = await laptops.make('Arno Auditor');
    const { stage2, nc, next } = await cycle(lead);
    const atLead = value(await lead.t.backend.call('programme.carried', { auditId: next.id }));
    expect(atLead.map((f) => f.findingId)).toEqual([nc.id]);
    expect(atLead[0]!.fromLead).toBeUndefined();

    value(await importPackage(arno, (await exportPackage(lead, next.id, laptops.dir())).bytes, lead.fingerprint));
    const seen = value(await arno.t.backend.call('programme.carried', { auditId: next.id }));
    expect(seen).toEqual([{ ...atLead[0]!, fromLead: true }]);
    // Only the copy travelled: the Stage 2 and its finding stay on the lead's laptop.
    expect((await arno.t.backend.call('audits.get', { id: stage2.id })).ok).toBe(false);
    expect((await arno.t.backend.call('findings.get', { id: nc.id })).ok).toBe(false);

    // The client answers; the lead's next send brings the new status.
    value(
      await lead.t.backend.call('findings.respond', {
        id: nc.id,
        by: lead.name,
        response: {
          receivedAt: '2026-03-20',
          correction: 'Leavers removed.',
          rootCause: 'No checklist.',
          correctiveAction: 'Leaver checklist.',
          responsible: 'HR',
        },
      }),
    );
    const now = value(await lead.t.backend.call('programme.carried', { auditId: next.id }))[0]!;
    expect(now.status).not.toBe(atLead[0]!.status);
    value(
      await importPackage(arno, (await exportPackage(lead, next.id, laptops.dir(), { for: 'Arno Auditor' })).bytes),
    );
    expect(value(await arno.t.backend.call('programme.carried', { auditId: next.id }))).toEqual([
      { ...now, fromLead: true },
    ]);
    // The lead's own list shows the finding once, not its copy as well.
    expect(value(await lead.t.backend.call('programme.carried', { auditId: next.id }))).toEqual([now]);
  });
});
