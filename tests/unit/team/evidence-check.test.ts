import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dumpDatabase, value } from '../../helpers/backend';
import { writeZip } from '../files/zip-writer';
import { exportPackage, importPackage, laptop, leadAudit, preview, type Laptop } from './helpers';

// Two data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let dir: string;
let lead: Laptop;
let arno: Laptop;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-team-evidence-'));
  lead = await laptop('Lena Lead');
  arno = await laptop('Arno Auditor');
});
afterEach(() => {
  lead.t.cleanup();
  arno.t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** The package with one evidence file's bytes changed (same size); manifest and signature untouched. */
async function swapEvidence(bytes: Buffer): Promise<{ tampered: Buffer; name: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const name = names.find((n) => n.startsWith('evidence/'))!;
  const entries = await Promise.all(
    names.map(async (n) => {
      const content = await zip.files[n]!.async('nodebuffer');
      if (n === name) content.writeUInt8(content.readUInt8(200) ^ 1, 200);
      return { name: n, content, stored: n.startsWith('evidence/') };
    }),
  );
  return { tampered: writeZip(entries), name };
}

const blobs = (l: Laptop) =>
  readdirSync(join(l.t.dataDir, 'evidence', 'blobs'), { recursive: true }).filter((f) =>
    /[0-9a-f]{64}$/.test(String(f)),
  );

describe('evidence files of a package are checked against the signed manifest', () => {
  it('refuses a changed file, whether the store lacks it or holds it already, and changes nothing', async () => {
    const { audit, items } = await leadAudit(lead);
    const b = lead.t.backend;
    const photo = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000, 3), Buffer.from('\n%%EOF\n')]);
    const { uploadId } = value(
      await b.call('evidence.uploadBegin', { auditId: audit.id, name: 'policy.pdf', size: photo.length }),
    );
    value(await b.call('evidence.uploadChunk', { uploadId, offset: 0, dataBase64: photo.toString('base64') }));
    value(
      await b.call('evidence.uploadCommit', {
        uploadId,
        links: [{ type: 'checklist_item', id: items[0]!.id }],
        addedBy: lead.name,
      }),
    );
    const sent = await exportPackage(lead, audit.id, dir, { includeEvidence: true });
    const { tampered, name } = await swapEvidence(sent.bytes);
    const refusal = `The entry “${name}” in this team package does not match its SHA-256: it was changed or damaged. Nothing was imported.`;

    // The store lacks the file: the import streams it in and stops at its end.
    const before = dumpDatabase(arno.t.backend.db);
    const lacking = await importPackage(arno, tampered, lead.fingerprint);
    expect(lacking.ok).toBe(false);
    if (!lacking.ok) expect(lacking.error.message).toBe(refusal);
    expect(dumpDatabase(arno.t.backend.db)).toEqual(before);
    expect(blobs(arno)).toEqual([]);
    // The preview reads every file before it says anything.
    await expect(preview(arno, tampered)).rejects.toThrow(refusal);

    // The store holds the file already (the honest package came first): a changed copy in a later package is refused all the same.
    value(await importPackage(arno, sent.bytes, lead.fingerprint));
    expect(blobs(arno)).toHaveLength(1);
    const second = await exportPackage(lead, audit.id, dir, { full: true, includeEvidence: true });
    const swapped = await swapEvidence(second.bytes);
    const held = dumpDatabase(arno.t.backend.db);
    const holding = await importPackage(arno, swapped.tampered);
    expect(holding.ok).toBe(false);
    if (!holding.ok) expect(holding.error.message).toBe(refusal);
    expect(dumpDatabase(arno.t.backend.db)).toEqual(held);
    // The honest second package goes in.
    expect(value(await importPackage(arno, second.bytes)).alreadyImported).toBe(false);
  });
});
