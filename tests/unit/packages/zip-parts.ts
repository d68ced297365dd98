/**
 * Builds package files part by part with the test's own ZIP writer and its own
 * signing (node:crypto directly), independently of the package code under test.
 */
import { createHash, sign, type KeyObject } from 'node:crypto';
import { writeZip, type ZipEntrySpec } from '../files/zip-writer';

export interface CorpusSigner {
  privateKey: KeyObject;
  certificateDer: Buffer;
}

export const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
export const fingerprint = (der: Buffer) => sha(der).toUpperCase().match(/../g)!.join(':');

export const DAY = 86_400_000;
export const clock = (ms: number, n = 0, device = '01890000-0000-7000-8000-00000000000a') =>
  `${String(ms).padStart(13, '0')}-${String(n).padStart(6, '0')}-${device}`;

export interface Parts {
  manifest: Record<string, unknown>;
  files: ZipEntrySpec[];
}

/** A sound package's parts: two changes, one tombstone, two evidence files (stored). */
export function honestParts(now: number): Parts {
  const device = '01890000-0000-7000-8000-00000000000a';
  const change = (field: string, value: unknown, n: number) => ({
    table: 'checklist_items',
    rowId: '01890000-0000-7000-8000-0000000000c1',
    field,
    value,
    clock: clock(now - 60_000, n, device),
    device,
    author: 'Ava Auditor',
    replaces: [] as string[],
  });
  const changes = Buffer.from(
    [change('result', 'conforming', 0), change('notes', 'Seen the access review of May.', 1)]
      .map((c) => `${JSON.stringify(c)}\n`)
      .join(''),
  );
  const tombstones = Buffer.from(
    `${JSON.stringify({ table: 'interviews', rowId: '01890000-0000-7000-8000-0000000000d1', clock: clock(now - 30_000, 0, device), device, author: 'Ava Auditor', replaces: [clock(now - 60_000, 0, device)] })}\n`,
  );
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 7)]);
  const pdf = Buffer.from('%PDF-1.4\n% a policy document\n%%EOF\n');
  const files: ZipEntrySpec[] = [
    { name: 'changes.jsonl', content: changes },
    { name: 'tombstones.jsonl', content: tombstones },
    { name: `evidence/${sha(photo)}`, content: photo, stored: true },
    { name: `evidence/${sha(pdf)}`, content: pdf, stored: true },
  ];
  return {
    manifest: {
      formatVersion: 1,
      packageId: '01890000-0000-7000-8000-0000000000f1',
      kind: 'return',
      auditId: '01890000-0000-7000-8000-0000000000a1',
      leadFolderId: '01890000-0000-7000-8000-0000000000b1',
      senderDevice: device,
      senderName: 'Ava Auditor',
      versionVector: {
        '01890000-0000-7000-8000-0000000000b1': clock(now - DAY, 3, '01890000-0000-7000-8000-0000000000b1'),
      },
      createdAt: clock(now, 0, device),
      entries: files.map((f) => ({ path: f.name, size: f.content.length, sha256: sha(f.content) })),
    },
    files,
  };
}

export function signature(manifestBytes: Buffer, signer: CorpusSigner, over: Record<string, unknown> = {}) {
  const ec = signer.privateKey.asymmetricKeyType === 'ec';
  return Buffer.from(
    JSON.stringify({
      algorithm: ec ? 'ECDSA-P256-SHA256' : 'RSA-SHA256',
      signature: sign('sha256', manifestBytes, signer.privateKey).toString('base64'),
      certificate: signer.certificateDer.toString('base64'),
      fingerprint: fingerprint(signer.certificateDer),
      ...over,
    }),
  );
}

/** manifest.json and signature.json (signed over the given bytes) then the files. */
export function assemble(manifestBytes: Buffer, signatureBytes: Buffer, files: ZipEntrySpec[]): Buffer {
  return writeZip([
    { name: 'manifest.json', content: manifestBytes },
    { name: 'signature.json', content: signatureBytes },
    ...files,
  ]);
}

/** Parts signed as they are. */
export function signed(parts: Parts, signer: CorpusSigner, files = parts.files): Buffer {
  const bytes = Buffer.from(JSON.stringify(parts.manifest));
  return assemble(bytes, signature(bytes, signer), files);
}

/** Sets the Unix mode (in the external attributes, host Unix) of the named entry in the central directory. */
export function withUnixMode(zip: Buffer, name: string, mode: number): Buffer {
  const out = Buffer.from(zip);
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = out.readUInt32LE(end + 16);
  while (out.readUInt32LE(p) === 0x02014b50) {
    const nameLength = out.readUInt16LE(p + 28);
    if (out.toString('utf8', p + 46, p + 46 + nameLength) === name) {
      out.writeUInt8(3, p + 5);
      out.writeUInt32LE((mode << 16) >>> 0, p + 38);
      return out;
    }
    p += 46 + nameLength + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  throw new Error(`no entry ${name}`);
}
