import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '#core/backend';
import { value } from '../../helpers/backend';
import { exportPackage, importPackage, laptop, leadAudit, type Laptop } from './helpers';

// Two data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let dir: string;
let lead: Laptop;
let arno: Laptop;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-team-search-'));
  lead = await laptop('Lena Lead');
  arno = await laptop('Arno Auditor');
});
afterEach(() => {
  lead.t.cleanup();
  arno.t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Every search entry of the audit's records, as the index holds it (the FTS rowid is local, so left out). */
const entries = (b: Backend, auditId: string) =>
  b.db
    .prepare(
      `SELECT d.record_id, d.kind, d.audit_id, s.title, s.body FROM search_docs d
       JOIN search_index s ON s.rowid = d.rowid WHERE d.audit_id = ? ORDER BY d.record_id`,
    )
    .all(auditId);

const hits = async (b: Backend, auditId: string, q: string) =>
  value(await b.call('search.query', { q, auditId })).map((h) => h.recordId);

describe('the search index after a merge', () => {
  it('holds what the index triggers wrote on the member who made the records, and forgets replaced words', async () => {
    const { audit, items } = await leadAudit(lead);
    const [item, other] = items;
    value(await lead.t.backend.call('checklist.updateItem', { id: item!.id, patch: { notes: 'Pneumatic valves' } }));
    const sent = await exportPackage(lead, audit.id, dir);
    value(await importPackage(arno, sent.bytes, lead.fingerprint));

    const b = arno.t.backend;
    value(await b.call('checklist.updateItem', { id: item!.id, patch: { notes: 'Hydraulic press logbook' } }));
    value(await b.call('checklist.updateItem', { id: other!.id, patch: { notes: 'Quarterly access review' } }));
    const interview = value(
      await b.call('interviews.create', {
        auditId: audit.id,
        interview: {
          intervieweeName: 'Xaver Zollner',
          intervieweeRole: 'Facility manager',
          department: 'Estates',
          heldAt: '2026-03-02T10:00',
          notes: 'Generator tested monthly',
        },
      }),
    );
    const observation = value(
      await b.call('observations.create', {
        auditId: audit.id,
        observation: { location: 'Loading bay', observedAt: '2026-03-02T11:00', description: 'Turnstile unattended' },
      }),
    );
    const document = value(
      await b.call('documents.create', {
        auditId: audit.id,
        document: { title: 'Cryptography standard', identifier: 'STD-12', revision: '4', owner: 'Quinn' },
      }),
    );
    const back = await exportPackage(arno, audit.id, dir);
    expect(await hits(lead.t.backend, audit.id, 'generator')).toEqual([]);
    value(await importPackage(lead, back.bytes, arno.fingerprint));

    // The member's index was written row by row by the triggers: the lead's, written set-wise by the merge, is the same.
    expect(entries(lead.t.backend, audit.id)).toEqual(entries(b, audit.id));
    const l = lead.t.backend;
    expect(await hits(l, audit.id, 'hydraulic')).toEqual([item!.id]);
    expect(await hits(l, audit.id, 'pneumatic')).toEqual([]);
    expect(await hits(l, audit.id, 'quarterly')).toEqual([other!.id]);
    expect(await hits(l, audit.id, 'zollner')).toEqual([interview.id]);
    expect(await hits(l, audit.id, 'turnstile')).toEqual([observation.id]);
    expect(await hits(l, audit.id, 'quinn')).toEqual([document.id]);
    // FTS5's own check that the index agrees with the text it holds (it throws when not).
    expect(() =>
      l.db.prepare("INSERT INTO search_index (search_index) VALUES ('integrity-check')").run(),
    ).not.toThrow();
  });
});
