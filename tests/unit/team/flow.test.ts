import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evidenceService } from '#core/evidence/service';
import { dumpDatabase, value } from '../../helpers/backend';
import { exportPackage, importPackage, laptop, leadAudit, preview, type Laptop } from './helpers';

// Several data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let dir: string;
let lead: Laptop;
let arno: Laptop;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-team-'));
  lead = await laptop('Lena Lead');
  arno = await laptop('Arno Auditor');
});
afterEach(() => {
  lead.t.cleanup();
  arno.t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function addPhoto(l: Laptop, auditId: string, itemId: string, bytes: Buffer) {
  const b = l.t.backend;
  const { uploadId } = value(await b.call('evidence.uploadBegin', { auditId, name: 'photo.jpg', size: bytes.length }));
  value(await b.call('evidence.uploadChunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') }));
  return value(
    await b.call('evidence.uploadCommit', {
      uploadId,
      links: [{ type: 'checklist_item', id: itemId }],
      addedBy: l.name,
    }),
  ).evidence;
}

describe('team audit round trip through dispatch', () => {
  it('sends out, returns a delta, previews, merges, lists and resolves the conflict; the same package twice changes nothing', async () => {
    const { audit, items } = await leadAudit(lead);
    const item = items[0]!;
    const photo = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000, 3), Buffer.from('\n%%EOF\n')]);
    const evidence = await addPhoto(lead, audit.id, item.id, photo);

    // What would travel, before anyone chooses who signs.
    const estimate = value(await lead.t.backend.call('team.estimate', { auditId: audit.id }));
    expect(estimate).toMatchObject({ kind: 'send', evidenceFiles: 1, evidenceBytes: photo.length });
    expect(value(await lead.t.backend.call('team.status', { auditId: audit.id })).role).toBe('solo');
    const sent = await exportPackage(lead, audit.id, dir);
    expect(sent.kind).toBe('send');
    expect(sent.changes).toBe(estimate.changes);
    expect(sent.evidenceFiles).toBe(1);
    expect(value(await lead.t.backend.call('team.status', { auditId: audit.id })).role).toBe('lead');

    // Arno does not know Lena's certificate yet: the preview says so, the import refuses until confirmed.
    const seen = await preview(arno, sent.bytes);
    expect(seen.signer).toEqual({ name: 'Lena Lead', fingerprint: lead.fingerprint, known: false });
    expect(seen.summary.added).toBeGreaterThan(10);
    const untouched = dumpDatabase(arno.t.backend.db);
    const refused = await importPackage(arno, sent.bytes);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('unknown_signer');
      expect(refused.error.message).toContain(lead.fingerprint);
    }
    expect(dumpDatabase(arno.t.backend.db)).toEqual(untouched);
    const first = value(await importPackage(arno, sent.bytes, lead.fingerprint));
    expect(first.alreadyImported).toBe(false);
    expect(first.byKind.map((k) => k.kind)).toEqual(
      expect.arrayContaining(['client', 'audit', 'checklist', 'evidence']),
    );
    const status = value(await arno.t.backend.call('team.status', { auditId: audit.id }));
    expect(status).toMatchObject({ role: 'member', leadFolderId: lead.t.backend.deviceId });
    const copy = value(await arno.t.backend.call('audits.get', { id: audit.id }));
    expect(copy.scope).toBe(audit.scope);
    // The evidence file came along, byte for byte, and reads through the normal op.
    const read = value(await arno.t.backend.call('evidence.read', { id: evidence.id, offset: 0, length: 1 << 20 }));
    expect(Buffer.from(read.dataBase64, 'base64')).toEqual(photo);
    expect(readFileSync(evidenceService(arno.t.backend.context).store.blobPath(evidence.sha256))).toEqual(photo);

    // Both edit the same notes; Arno also sets a result and records an interview.
    value(
      await lead.t.backend.call('checklist.updateItem', {
        id: item.id,
        patch: { notes: 'Lena saw the policy' },
        by: 'Lena Lead',
      }),
    );
    value(
      await arno.t.backend.call('checklist.updateItem', {
        id: item.id,
        patch: { notes: 'Arno saw version 3', result: 'conforming' },
        by: 'Arno Auditor',
      }),
    );
    const interview = value(
      await arno.t.backend.call('interviews.create', {
        auditId: audit.id,
        interview: { intervieweeName: 'Ida CISO', heldAt: '2026-03-02T10:00', notes: 'Access reviews quarterly' },
      }),
    );

    const returned = await exportPackage(arno, audit.id, dir);
    expect(returned.kind).toBe('return');
    // A delta: the item's two fields (and its updated_by), the interview's fields; nothing Lena sent.
    expect(returned.changes).toBeLessThan(30);
    const p = await preview(lead, returned.bytes);
    expect(p.signer.known).toBe(false);
    expect(p.summary).toMatchObject({ added: 1, changed: 1, conflicts: 1, alreadyImported: false });
    expect(p.summary.byKind).toEqual(
      expect.arrayContaining([
        { kind: 'interviews', added: 1, changed: 0, conflicts: 0 },
        { kind: 'checklist', added: 0, changed: 1, conflicts: 1 },
      ]),
    );
    const merged = value(await importPackage(lead, returned.bytes, arno.fingerprint));
    expect(merged).toMatchObject({ added: 1, changed: 1, conflicts: 1 });
    const checklist = value(await lead.t.backend.call('checklist.get', { auditId: audit.id }));
    const mergedItem = checklist.items.find((i) => i.id === item.id)!;
    expect(mergedItem.result).toBe('conforming');
    // The later clock shows until the lead decides: Arno edited after Lena.
    expect(mergedItem.notes).toBe('Arno saw version 3');
    expect(value(await lead.t.backend.call('interviews.list', { auditId: audit.id })).map((i) => i.id)).toEqual([
      interview.id,
    ]);

    const page = value(await lead.t.backend.call('conflicts.list', { auditId: audit.id }));
    expect(page.total).toBe(1);
    const conflict = page.items[0]!;
    expect(conflict).toMatchObject({ table: 'checklist_items', rowId: item.id, field: 'notes', kind: 'checklist' });
    expect(conflict.label).toContain(item.ref);
    expect(conflict.candidates.map((c) => [c.value, c.author])).toEqual([
      ['Lena saw the policy', 'Lena Lead'],
      ['Arno saw version 3', 'Arno Auditor'],
    ]);
    // A value that is neither a candidate nor a text for a text field is refused, nothing written.
    const beforeWrong = dumpDatabase(lead.t.backend.db);
    const wrong = await lead.t.backend.call('conflicts.resolve', {
      auditId: audit.id,
      table: 'checklist_items',
      rowId: item.id,
      field: 'notes',
      choice: { kind: 'value', value: 42 },
      by: 'Lena Lead',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dumpDatabase(lead.t.backend.db)).toEqual(beforeWrong);
    const resolved = value(
      await lead.t.backend.call('conflicts.resolve', {
        auditId: audit.id,
        table: 'checklist_items',
        rowId: item.id,
        field: 'notes',
        choice: { kind: 'value', value: 'Lena saw the policy; Arno saw version 3' },
        by: 'Lena Lead',
      }),
    );
    expect(resolved.remaining).toBe(0);
    const after = value(await lead.t.backend.call('checklist.get', { auditId: audit.id }));
    expect(after.items.find((i) => i.id === item.id)!.notes).toBe('Lena saw the policy; Arno saw version 3');
    const leadStatus = value(await lead.t.backend.call('team.status', { auditId: audit.id }));
    expect(leadStatus).toMatchObject({ role: 'lead', openConflicts: 0, conflictsResolved: 1 });
    expect(leadStatus.exchanges.map((e) => [e.direction, e.kind])).toEqual([
      ['received', 'return'],
      ['sent', 'send'],
    ]);

    // The same package again: nothing written at all.
    const before = dumpDatabase(lead.t.backend.db);
    const again = value(await importPackage(lead, returned.bytes));
    expect(again).toMatchObject({ alreadyImported: true, added: 0, changed: 0, conflicts: 0 });
    expect(dumpDatabase(lead.t.backend.db)).toEqual(before);
  });
});
