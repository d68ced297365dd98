import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { newId } from '#core/ids';
import { readPackage } from '#core/packages/read';
import { writePackage, type PackageContent } from '#core/packages/write';
import { unlockSigningKey } from '#core/repos/signing';
import { dumpDatabase, sampleAudit, sampleClient, value } from '../../helpers/backend';
import { exportPackage, importPackage, leadAudit, PASSPHRASE, preview, useLaptops, type Laptop } from './helpers';

// Several data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const team = useLaptops();
const make = team.make;

/** A package re-signed by `by` after `change` edited its content: what a hostile or mistaken sender could make. */
async function forged(file: string, by: Laptop, change: (c: PackageContent) => PackageContent): Promise<Buffer> {
  const read = await readPackage(file);
  const m = read.manifest;
  const key = unlockSigningKey(by.t.backend.context, by.identityId, { kind: 'passphrase', passphrase: PASSPHRASE });
  const out = join(team.dir(), `${newId()}.fwpkg`);
  await writePackage(
    out,
    change({
      kind: m.kind,
      auditId: m.auditId,
      leadFolderId: m.leadFolderId,
      senderDevice: m.senderDevice,
      senderName: m.senderName,
      versionVector: m.versionVector,
      createdAt: m.createdAt,
      changes: read.changes,
      tombstones: read.tombstones,
      evidence: [],
    }),
    key,
  );
  return readFileSync(out);
}

async function refusedUnchanged(to: Laptop, bytes: Buffer, code: string, message: RegExp, accept?: string) {
  const before = dumpDatabase(to.t.backend.db);
  const r = await importPackage(to, bytes, accept);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe(code);
    expect(r.error.message).toMatch(message);
  }
  expect(dumpDatabase(to.t.backend.db)).toEqual(before);
}

describe('team packages that are not for this data folder are refused, the database unchanged', () => {
  it('refuses: its own send, another lead, a return on a member, an audit not here, records outside the audit', async () => {
    const lead = await make('Lena Lead');
    const arno = await make('Arno Auditor');
    const bea = await make('Bea Auditor');
    const { audit, client, items } = await leadAudit(lead);
    const sent = await exportPackage(lead, audit.id, team.dir());

    await refusedUnchanged(lead, sent.bytes, 'invalid_input', /sent out from this data folder/);
    value(await importPackage(arno, sent.bytes, lead.fingerprint));
    value(await importPackage(bea, sent.bytes, lead.fingerprint));

    // The same audit, sent from another lead's folder.
    const otherLead = await forged(sent.file, lead, (c) => ({ ...c, leadFolderId: newId() }));
    await refusedUnchanged(arno, otherLead, 'conflict', /team copy of another lead's audit/);

    value(
      await arno.t.backend.call('checklist.updateItem', { id: items[0]!.id, patch: { notes: 'Seen' }, by: 'Arno' }),
    );
    const back = await exportPackage(arno, audit.id, team.dir());
    // A member's return imported by another member.
    await refusedUnchanged(
      bea,
      back.bytes,
      'invalid_input',
      /returned to another lead's data folder/,
      arno.fingerprint,
    );
    // A return for an audit the lead does not have.
    const elsewhere = await forged(back.file, arno, (c) => ({ ...c, auditId: newId() }));
    await refusedUnchanged(lead, elsewhere, 'not_found', /audit that is not here/, arno.fingerprint);

    // A return that also edits another audit of the lead's: refused as a whole.
    const second = value(await lead.t.backend.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id])));
    const foreignItem = value(await lead.t.backend.call('checklist.get', { auditId: second.id })).items[0]!;
    const clock = (await readPackage(back.file)).manifest.createdAt;
    const arnoDevice = arno.t.backend.deviceId;
    const hostile = await forged(back.file, arno, (c) => ({
      ...c,
      versionVector: { ...c.versionVector, [arnoDevice]: clock },
      changes: [
        ...c.changes,
        {
          table: 'checklist_items',
          rowId: foreignItem.id,
          field: 'notes',
          value: 'written from outside',
          clock,
          device: arnoDevice,
          author: 'Mallory',
          replaces: [],
        },
      ],
    }));
    await refusedUnchanged(lead, hostile, 'invalid_input', /outside its audit/, arno.fingerprint);

    // A return that moves the audit to another client of the lead's, and renames that client.
    const other = value(await lead.t.backend.call('clients.create', { ...sampleClient(), name: 'Other plc' }));
    const entry = (table: string, rowId: string, field: string, v: string) => ({
      table,
      rowId,
      field,
      value: v,
      clock,
      device: arnoDevice,
      author: 'Mallory',
      replaces: [],
    });
    const moved = await forged(back.file, arno, (c) => ({
      ...c,
      versionVector: { ...c.versionVector, [arnoDevice]: clock },
      changes: [
        ...c.changes,
        entry('audits', audit.id, 'client_id', other.id),
        entry('clients', other.id, 'name', 'Hijacked'),
      ],
    }));
    await refusedUnchanged(lead, moved, 'invalid_input', /cannot move the audit to another client/, arno.fingerprint);

    // A record this version does not know.
    const newer = await forged(back.file, arno, (c) => ({
      ...c,
      changes: c.changes.map((x, i) => (i === 0 ? { ...x, field: 'colour' } : x)),
    }));
    await refusedUnchanged(lead, newer, 'unsupported', /newer version/, arno.fingerprint);
  });

  it('an unknown signer is named by fingerprint; a wrong fingerprint is not a confirmation; the right one trusts it', async () => {
    const lead = await make('Lena Lead');
    const arno = await make('Arno Auditor');
    const { audit } = await leadAudit(lead);
    const sent = await exportPackage(lead, audit.id, team.dir());
    const p = await preview(arno, sent.bytes);
    expect(p.signer.known).toBe(false);
    await refusedUnchanged(arno, sent.bytes, 'unknown_signer', new RegExp(lead.fingerprint));
    const wrong = lead.fingerprint.replace(/^../, lead.fingerprint.startsWith('00') ? '11' : '00');
    await refusedUnchanged(arno, sent.bytes, 'unknown_signer', /not known here/, wrong);
    value(await importPackage(arno, sent.bytes, lead.fingerprint));
    const trusted = value(await arno.t.backend.call('trust.list', {}));
    expect(trusted.map((c) => c.fingerprint)).toEqual([lead.fingerprint]);
    // Next time the signer is known.
    const again = await exportPackage(lead, audit.id, team.dir());
    expect((await preview(arno, again.bytes)).signer.known).toBe(true);
  });
});
