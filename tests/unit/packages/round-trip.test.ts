import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { MergeChange, MergeTombstone } from '#shared/rules/merge/index';
import { loadDeviceId } from '#core/device';
import { readPackage } from '#core/packages/read';
import { writePackage } from '#core/packages/write';
import { tempBackend } from '../../helpers/backend';
import { identity, listing } from './helpers';

const t = tempBackend();
const dir = mkdtempSync(join(tmpdir(), 'fieldwork-package-'));
afterAll(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const NOW = Date.parse('2026-06-01T10:00:00Z');
const device = loadDeviceId(t.dataDir);
const clock = (ms: number, n: number) => `${ms}-${String(n).padStart(6, '0')}-${device}`;

const changes: MergeChange[] = [
  {
    table: 'checklist_items',
    rowId: 'r1',
    field: 'result',
    value: 'nonconformity',
    clock: clock(NOW - 5000, 0),
    device,
    author: 'Rita',
    replaces: [],
  },
  {
    table: 'checklist_items',
    rowId: 'r1',
    field: 'notes',
    value: { text: 'Ünïcode ✓ and "quotes"\nnew line' },
    clock: clock(NOW - 5000, 1),
    device,
    author: 'Rita',
    replaces: [clock(NOW - 6000, 0)],
  },
  {
    table: 'samples',
    rowId: 's9',
    field: 'size',
    value: 12,
    clock: clock(NOW - 4000, 0),
    device,
    author: 'Rita',
    replaces: [],
  },
];
const tombstones: MergeTombstone[] = [
  {
    table: 'interviews',
    rowId: 'i3',
    clock: clock(NOW - 3000, 0),
    device,
    author: 'Rita',
    replaces: [clock(NOW - 4000, 0)],
  },
];

function evidenceFile(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { sha256: sha(bytes), path, bytes };
}

describe('team package round trip', () => {
  it('writes a signed package with changes, tombstones and two evidence files, and reads back the same, verified', async () => {
    const signer = await identity(t.backend, 'Rita Rsa', 'rsa-3072');
    const photo = evidenceFile('photo.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(300_000, 9)]));
    const pdf = evidenceFile('policy.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'));
    const out = join(dir, 'return.fwpkg');
    const content = {
      kind: 'return' as const,
      auditId: '01890000-0000-7000-8000-0000000000a1',
      leadFolderId: '01890000-0000-7000-8000-0000000000b1',
      senderDevice: device,
      senderName: 'Rita Rsa',
      versionVector: { [device]: clock(NOW - 3000, 0) },
      createdAt: clock(NOW, 0),
      changes,
      tombstones,
      evidence: [photo, pdf].map(({ sha256, path }) => ({ sha256, path })),
    };
    const written = await writePackage(out, content, signer);
    const bytes = readFileSync(out);
    expect(written.sha256).toBe(sha(bytes));
    expect(listing(dir).filter((l) => l.includes('.tmp'))).toEqual([]);

    // Another reader (jszip) sees the evidence stored as is, not deflated.
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).sort()).toEqual(
      [
        'changes.jsonl',
        `evidence/${pdf.sha256}`,
        `evidence/${photo.sha256}`,
        'manifest.json',
        'signature.json',
        'tombstones.jsonl',
      ].sort(),
    );
    expect(bytes.includes(photo.bytes.subarray(0, 4096))).toBe(true);

    const read = await readPackage(out, undefined, NOW);
    expect(read.manifest).toMatchObject({
      formatVersion: 2,
      kind: 'return',
      auditId: content.auditId,
      leadFolderId: content.leadFolderId,
      senderDevice: device,
      createdAt: content.createdAt,
      versionVector: content.versionVector,
    });
    expect(read.signer).toMatchObject({ name: 'Rita Rsa', fingerprint: signer.id.fingerprint });
    expect(read.changes).toEqual(changes);
    expect(read.tombstones).toEqual(tombstones);
    expect(read.evidence.map((e) => [e.sha256, e.size]).sort()).toEqual(
      [
        [photo.sha256, photo.bytes.length],
        [pdf.sha256, pdf.bytes.length],
      ].sort(),
    );
    const reader = await read.openEvidence();
    try {
      for (const e of [photo, pdf]) {
        const parts: Buffer[] = [];
        for await (const chunk of reader.chunks(e.sha256)) parts.push(chunk);
        expect(Buffer.concat(parts).equals(e.bytes)).toBe(true);
      }
    } finally {
      await reader.close();
    }
  }, 60_000);

  it('an ECDSA-signed package with nothing in it reads back empty', async () => {
    const signer = await identity(t.backend, 'Eve Ecdsa', 'ecdsa-p256');
    const out = join(dir, 'empty.fwpkg');
    await writePackage(
      out,
      {
        kind: 'send',
        auditId: '01890000-0000-7000-8000-0000000000a2',
        leadFolderId: device,
        senderDevice: device,
        senderName: 'Eve',
        versionVector: {},
        createdAt: clock(NOW, 0),
        changes: [],
        tombstones: [],
        evidence: [],
      },
      signer,
    );
    const read = await readPackage(out, undefined, NOW);
    expect([read.changes, read.tombstones, read.evidence, read.signer.name]).toEqual([[], [], [], 'Eve Ecdsa']);
  }, 60_000);

  it('a file that is not there, or a folder, is refused as not found', async () => {
    for (const path of [join(dir, 'nowhere.fwpkg'), dir]) {
      await expect(readPackage(path)).rejects.toMatchObject({
        code: 'not_found',
        message: 'This team package file does not exist (it may have been moved). Nothing was imported.',
      });
    }
  });
});
