import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openBackend } from '#core/backend';
import { value } from '../../helpers/backend';
import { exportPackage, importPackage, leadAudit, records, useLaptops, type Laptop } from './helpers';

// Several data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const team = useLaptops();
const make = team.make;

/** A second lead folder: a copy of the lead's files, taken while the lead is closed. */
function copyOf(lead: Laptop): Laptop {
  lead.t.backend.close();
  const copyDir = mkdtempSync(join(tmpdir(), 'fieldwork-team-copy-'));
  cpSync(lead.t.dataDir, copyDir, { recursive: true });
  rmSync(join(copyDir, 'fieldwork.lock'), { force: true });
  lead.t.backend = openBackend({ appVersion: 'test', dataDir: lead.t.dataDir });
  const backend = openBackend({ appVersion: 'test', dataDir: copyDir });
  const copy: Laptop = {
    ...lead,
    t: {
      backend,
      dataDir: copyDir,
      cleanup: () => {
        copy.t.backend.close();
        rmSync(copyDir, { recursive: true, force: true });
      },
    },
  };
  team.track(copy);
  return copy;
}

async function sendToTeam() {
  const lead = await make('Lena Lead');
  const arno = await make('Arno Auditor');
  const bea = await make('Bea Auditor');
  const { audit, items } = await leadAudit(lead);
  value(await lead.t.backend.call('audits.setStatus', { id: audit.id, status: 'in_progress' }));
  const interview = value(
    await lead.t.backend.call('interviews.create', {
      auditId: audit.id,
      interview: { intervieweeName: 'Ida CISO', heldAt: '2026-03-02T10:00', notes: 'Opening' },
    }),
  );
  const sent = await exportPackage(lead, audit.id, team.dir());
  for (const m of [arno, bea]) value(await importPackage(m, sent.bytes, lead.fingerprint));
  return { lead, arno, bea, audit, items, interview };
}

const conflicts = async (l: Laptop, auditId: string) => value(await l.t.backend.call('conflicts.list', { auditId }));

describe('merging team members’ returns', () => {
  it('two members’ returns merged in either order give the same records and the same conflicts', async () => {
    const { lead, arno, bea, audit, items, interview } = await sendToTeam();
    const [one, two] = [items[0]!, items[1]!];
    const call = (l: Laptop) => l.t.backend.call.bind(l.t.backend);
    value(await call(arno)('checklist.updateItem', { id: one.id, patch: { notes: 'Arno: seen' }, by: 'Arno Auditor' }));
    value(
      await call(bea)('checklist.updateItem', { id: one.id, patch: { notes: 'Bea: not seen' }, by: 'Bea Auditor' }),
    );
    value(await call(bea)('checklist.updateItem', { id: two.id, patch: { result: 'minor_nc' }, by: 'Bea Auditor' }));
    value(await call(arno)('interviews.update', { id: interview.id, patch: { notes: 'Arno took notes' } }));
    value(
      await call(bea)('interviews.create', {
        auditId: audit.id,
        interview: { intervieweeName: 'Oz Ops', heldAt: '2026-03-03T09:00' },
      }),
    );
    const fromArno = await exportPackage(arno, audit.id, team.dir());
    const fromBea = await exportPackage(bea, audit.id, team.dir());

    const other = copyOf(lead);
    value(await importPackage(lead, fromArno.bytes, arno.fingerprint));
    value(await importPackage(lead, fromBea.bytes, bea.fingerprint));
    value(await importPackage(other, fromBea.bytes, bea.fingerprint));
    value(await importPackage(other, fromArno.bytes, arno.fingerprint));

    expect(records(other.t.backend)).toEqual(records(lead.t.backend));
    const c = await conflicts(lead, audit.id);
    expect(await conflicts(other, audit.id)).toEqual(c);
    expect(c.items.map((x) => [x.table, x.rowId, x.field])).toEqual([['checklist_items', one.id, 'notes']]);
    const checklist = value(await call(lead)('checklist.get', { auditId: audit.id })).items;
    expect(checklist.find((i) => i.id === two.id)!.result).toBe('minor_nc');
    expect(
      value(await call(lead)('interviews.list', { auditId: audit.id }))
        .map((i) => i.notes)
        .sort(),
    ).toEqual(['', 'Arno took notes']);
  });

  it('a deletion against a colleague’s edit is a conflict; keep brings the record back with the edit', async () => {
    const { lead, arno, audit, interview } = await sendToTeam();
    value(await arno.t.backend.call('interviews.update', { id: interview.id, patch: { notes: 'Arno’s notes' } }));
    value(await lead.t.backend.call('interviews.delete', { id: interview.id }));
    const back = await exportPackage(arno, audit.id, team.dir());
    const summary = value(await importPackage(lead, back.bytes, arno.fingerprint));
    expect(summary.conflicts).toBe(1);
    // The deletion is the later write: the interview stays deleted until the lead decides.
    expect(value(await lead.t.backend.call('interviews.list', { auditId: audit.id }))).toEqual([]);
    const page = await conflicts(lead, audit.id);
    expect(page.items).toHaveLength(1);
    const c = page.items[0]!;
    expect(c).toMatchObject({
      table: 'interviews',
      rowId: interview.id,
      field: null,
      label: 'Interview with Ida CISO',
    });
    expect(c.candidates.map((x) => x.deleted)).toContain(true);
    const left = value(
      await lead.t.backend.call('conflicts.resolve', {
        auditId: audit.id,
        table: 'interviews',
        rowId: interview.id,
        field: null,
        choice: { kind: 'keep' },
        by: 'Lena Lead',
      }),
    );
    expect(left.remaining).toBe(0);
    const kept = value(await lead.t.backend.call('interviews.list', { auditId: audit.id }));
    expect(kept.map((i) => [i.id, i.notes])).toEqual([[interview.id, 'Arno’s notes']]);
    // The decision is an ordinary change: the next send carries it, and Arno's copy agrees.
    const again = await exportPackage(lead, audit.id, team.dir(), { for: 'Arno Auditor' });
    // A delta over what Arno's return declared: the decision and the deletion, not the whole audit again.
    expect(again.changes).toBeLessThan(20);
    expect(again.tombstones).toBeGreaterThan(0);
    value(await importPackage(arno, again.bytes));
    expect(value(await arno.t.backend.call('interviews.list', { auditId: audit.id })).map((i) => i.notes)).toEqual([
      'Arno’s notes',
    ]);
    expect((await conflicts(arno, audit.id)).total).toBe(0);
  });

  it('a member’s deletion of a finding the lead has issued meanwhile leaves it issued, as an open conflict', async () => {
    const { lead, arno, audit, items } = await sendToTeam();
    const draft = value(
      await lead.t.backend.call('findings.create', {
        auditId: audit.id,
        finding: {
          type: 'minor',
          itemIds: [items[0]!.id],
          statement: 'Backups not tested',
          evidenceText: 'No restore test in 2025',
          raisedAt: '2026-03-02T11:00',
        },
        by: 'Lena Lead',
      }),
    );
    const out = await exportPackage(lead, audit.id, team.dir(), { for: 'Arno Auditor' });
    value(await importPackage(arno, out.bytes));
    value(await lead.t.backend.call('findings.issue', { id: draft.id, by: 'Lena Lead' }));
    value(await arno.t.backend.call('findings.delete', { id: draft.id }));
    const back = await exportPackage(arno, audit.id, team.dir());
    expect(value(await importPackage(lead, back.bytes, arno.fingerprint)).conflicts).toBe(1);
    expect(value(await lead.t.backend.call('findings.get', { id: draft.id })).status).toBe('open');
    const page = await conflicts(lead, audit.id);
    expect(page.items.map((c) => [c.table, c.field])).toEqual([['findings', null]]);
    value(
      await lead.t.backend.call('conflicts.resolve', {
        auditId: audit.id,
        table: 'findings',
        rowId: draft.id,
        field: null,
        choice: { kind: 'keep' },
        by: 'Lena Lead',
      }),
    );
    expect((await conflicts(lead, audit.id)).total).toBe(0);
  });

  it('an evidence file added by a member reaches the lead; a member cannot issue findings', async () => {
    const { lead, arno, audit, items } = await sendToTeam();
    const photo = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 5), Buffer.from('\n%%EOF\n')]);
    const b = arno.t.backend;
    const { uploadId } = value(
      await b.call('evidence.uploadBegin', { auditId: audit.id, name: 'scan.pdf', size: photo.length }),
    );
    value(await b.call('evidence.uploadChunk', { uploadId, offset: 0, dataBase64: photo.toString('base64') }));
    const ev = value(
      await b.call('evidence.uploadCommit', {
        uploadId,
        links: [{ type: 'checklist_item', id: items[0]!.id }],
        addedBy: 'Arno Auditor',
      }),
    ).evidence;
    const finding = value(
      await b.call('findings.create', {
        auditId: audit.id,
        finding: {
          type: 'minor',
          itemIds: [items[0]!.id],
          statement: 'Access reviews not recorded',
          evidenceText: 'No records for Q1',
          raisedBy: 'Arno Auditor',
          raisedAt: '2026-03-02T11:00',
        },
        by: 'Arno Auditor',
      }),
    );
    const refused = await b.call('findings.issue', { id: finding.id, by: 'Arno Auditor' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Only the lead auditor issues findings: return your package to the lead.' },
    });

    const back = await exportPackage(arno, audit.id, team.dir());
    expect(back.evidenceFiles).toBe(1);
    value(await importPackage(lead, back.bytes, arno.fingerprint));
    const read = value(await lead.t.backend.call('evidence.read', { id: ev.id, offset: 0, length: 1 << 20 }));
    expect(Buffer.from(read.dataBase64, 'base64')).toEqual(photo);
    // The draft arrives as a draft with its author; the lead issues it.
    const arrived = value(await lead.t.backend.call('findings.get', { id: finding.id }));
    expect(arrived).toMatchObject({
      status: 'draft',
      raisedBy: 'Arno Auditor',
      statement: 'Access reviews not recorded',
    });
    const issued = value(await lead.t.backend.call('findings.issue', { id: finding.id, by: 'Lena Lead' }));
    expect(issued.number).not.toBeNull();
  });
});
