import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '#core/backend';
import { value } from '../../helpers/backend';
import { exportPackage, importPackage, leadAudit, preview, useLaptops, type Laptop } from './helpers';

// Two data folders, signing with scrypt-sealed keys, and a return of a few hundred records: seconds on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const laptops = useLaptops();
let lead: Laptop;
let arno: Laptop;
beforeEach(async () => {
  lead = await laptops.make('Lena Lead');
  arno = await laptops.make('Arno Auditor');
});

/** More new records of one table than sync/materialise.ts writes with its silent insert triggers in place. */
const MANY = 230;

const triggers = (b: Backend) =>
  b.db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();

const logged = (b: Backend, rowId: string) =>
  b.db.prepare('SELECT count(*) FROM change_log WHERE row_id = ?').pluck().get(rowId) as number;

const searchEntries = (b: Backend, auditId: string) =>
  b.db
    .prepare(
      `SELECT d.record_id, d.kind, s.title, s.body FROM search_docs d
       JOIN search_index s ON s.rowid = d.rowid WHERE d.audit_id = ? ORDER BY d.record_id`,
    )
    .all(auditId);

const interview = (i: number) => ({
  intervieweeName: `Interviewee ${i}`,
  intervieweeRole: 'System administrator',
  department: 'IT operations',
  heldAt: '2026-03-02T10:00',
  notes: `Backup restore walked through, run ${i}`,
});

describe('a large return (its new rows written with the silent insert triggers taken off)', () => {
  it('leaves every trigger as it was, and local writes after it are logged and indexed again', async () => {
    const { audit } = await leadAudit(lead);
    const sent = await exportPackage(lead, audit.id, laptops.dir());
    value(await importPackage(arno, sent.bytes, lead.fingerprint));
    for (let i = 0; i < MANY; i++) {
      value(await arno.t.backend.call('interviews.create', { auditId: audit.id, interview: interview(i) }));
    }
    const back = await exportPackage(arno, audit.id, laptops.dir());
    const l = lead.t.backend;
    const before = triggers(l);

    // The preview is the same merge rolled back: the triggers it took off come back with it.
    expect((await preview(lead, back.bytes)).summary.added).toBe(MANY);
    expect(triggers(l)).toEqual(before);

    const result = value(await importPackage(lead, back.bytes, arno.fingerprint));
    expect(result.added).toBe(MANY);
    expect(triggers(l)).toEqual(before);
    // The merged rows, their log entries and their search entries: as the member's own triggers wrote them.
    expect(searchEntries(l, audit.id)).toEqual(searchEntries(arno.t.backend, audit.id));
    const merged = l.db.prepare('SELECT id FROM interviews WHERE audit_id = ?').pluck().all(audit.id) as string[];
    expect(merged).toHaveLength(MANY);
    for (const id of merged) expect(logged(l, id)).toBe(logged(arno.t.backend, id));

    // A record written here afterwards goes through the insert triggers again: logged and findable.
    const mine = value(
      await l.call('interviews.create', {
        auditId: audit.id,
        interview: { ...interview(0), intervieweeName: 'Quirin Quast', notes: 'Generator tested monthly' },
      }),
    );
    expect(logged(l, mine.id)).toBeGreaterThan(0);
    const hits = value(await l.call('search.query', { q: 'quast', auditId: audit.id })).map((h) => h.recordId);
    expect(hits).toEqual([mine.id]);
    expect(() =>
      l.db.prepare("INSERT INTO search_index (search_index) VALUES ('integrity-check')").run(),
    ).not.toThrow();
  });
});
