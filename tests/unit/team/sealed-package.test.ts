import { randomBytes } from 'node:crypto';
import {
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sealedReaderProbe } from '#core/crypto/sealed-reader';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';
import { readBack, upload as uploadEvidence } from '../evidence/helpers';
import { laptop, PASSPHRASE, upload, type Laptop } from './helpers';

/**
 * Issue 15: a team package in an encrypted folder is never plaintext on disk. The process's temp folder is a
 * private one for this file (TMPDIR), holding the two encrypted data folders too, so "every file under the
 * system temp folder and the data folders" is every file under it. It is listed and read at each step of the
 * sealed reader (a hook called after each run of chunks is decrypted and checked, before its bytes are used), while
 * the lead writes the package and while the member previews and imports it: no file may hold the client's name, a
 * note, the evidence's bytes or a ZIP local file header of one of the package's entries.
 */

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const CLIENT = 'Wrenfield Lighthouse Trust';
const NOTE = 'Keys to the lamp room are signed out in the brass ledger by the night keeper';
const LOCAL_HEADER = Buffer.from('PK\x03\x04', 'latin1');

const outerTmp = tmpdir();
const privateTmp = mkdtempSync(join(outerTmp, 'fw-sealed-package-'));
const savedTmpdir = process.env.TMPDIR;

/** Every file under `dir` (files removed while listing are skipped). */
function allFiles(dir: string): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  const walk = (d: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(d, name);
      try {
        if (statSync(path).isDirectory()) walk(path);
        else out.push({ path: relative(privateTmp, path), bytes: readFileSync(path) });
      } catch {
        // gone between listing and reading: a temp file finished with
      }
    }
  };
  walk(dir);
  return out;
}

/** The local file headers in `bytes` whose entry name is one of `names` (the magic alone could occur by chance). */
function localHeaders(bytes: Buffer, names: Set<string>): string[] {
  const found: string[] = [];
  for (let at = bytes.indexOf(LOCAL_HEADER); at >= 0; at = bytes.indexOf(LOCAL_HEADER, at + 1)) {
    if (at + 30 > bytes.length) break;
    const name = bytes.subarray(at + 30, at + 30 + bytes.readUInt16LE(at + 26)).toString('latin1');
    if (names.has(name)) found.push(name);
  }
  return found;
}

describe('a team package in an encrypted folder', () => {
  let lead: Laptop;
  let member: Laptop;
  let auditId = '';
  let evidence: Buffer;
  let evidenceId = '';
  let pkg: Buffer;
  // Not manifest.json: a backup (taken before every import) is a ZIP of sealed files with a manifest.json of its own.
  const entryNames = new Set(['signature.json', 'changes.jsonl', 'tombstones.jsonl']);
  let needles: { what: string; bytes: Buffer }[] = [];
  const seen = { steps: 0, writing: 0, findings: [] as string[] };
  let phase = '';

  /** What plaintext of the package any file under the private temp folder holds now. */
  const look = () => {
    for (const f of allFiles(privateTmp)) {
      for (const n of needles) if (f.bytes.includes(n.bytes)) seen.findings.push(`${phase}: ${n.what} in ${f.path}`);
      for (const name of localHeaders(f.bytes, entryNames)) {
        seen.findings.push(`${phase}: the ZIP local header of ${name} in ${f.path}`);
      }
      // The package being written (writePackage's temp file beside its place in exports/).
      if (/exports\/team-[^/]+\/[^/]+\.fwpkg\.[^/]+\.tmp$/.test(f.path) && f.bytes.length > 0) seen.writing++;
    }
  };

  beforeAll(async () => {
    process.env.TMPDIR = privateTmp;
    lead = await laptop('Lena Lead', { dataKey: randomBytes(32) });
    member = await laptop('Arno Auditor', { dataKey: randomBytes(32) });
    const b = lead.t.backend;
    const client = value(await b.call('clients.create', { ...sampleClient(), name: CLIENT }));
    const audit = value(await b.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id])));
    auditId = audit.id;
    const item = value(await b.call('checklist.get', { auditId })).items[0]!;
    value(await b.call('checklist.updateItem', { id: item.id, patch: { notes: NOTE }, by: lead.name }));
    // 3 MiB of noise: read in more than one run of chunks, and its bytes occur nowhere by chance.
    evidence = randomBytes(3 * 1024 * 1024);
    const added = value(await uploadEvidence(b, auditId, 'lamp-room-ledger.pdf', evidence));
    evidenceId = added.evidence.id;
    entryNames.add(`evidence/${added.evidence.sha256}`);
    const mid = evidence.length >> 1;
    needles = [
      { what: 'the client name', bytes: Buffer.from(CLIENT) },
      { what: 'a checklist note', bytes: Buffer.from(NOTE.slice(10, 50)) },
      { what: "the evidence's bytes", bytes: evidence.subarray(mid, mid + 48) },
    ];
    sealedReaderProbe.afterChunks = () => {
      seen.steps++;
      look();
    };
  });

  afterAll(() => {
    sealedReaderProbe.afterChunks = null;
    lead?.t.cleanup();
    member?.t.cleanup();
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpdir;
    rmSync(privateTmp, { recursive: true, force: true });
  });

  it('is written sealed from its first byte by the lead', async () => {
    phase = 'export';
    const b = lead.t.backend;
    const sent = value(
      await b.call('team.export', {
        auditId,
        identityId: lead.identityId,
        unlock: { kind: 'passphrase', passphrase: PASSPHRASE },
        by: lead.name,
        includeEvidence: true,
      }),
    );
    const parts: Buffer[] = [];
    for (let offset = 0; ;) {
      const chunk = value(await b.call('team.read', { fileId: sent.fileId, offset, length: 4 * 1024 * 1024 }));
      parts.push(Buffer.from(chunk.dataBase64, 'base64'));
      offset += parts[parts.length - 1]!.length;
      if (chunk.eof) break;
    }
    pkg = Buffer.concat(parts);
    // The detector finds the package's own plaintext (held here in memory only).
    expect(pkg.includes(needles[2]!.bytes)).toBe(true);
    expect(localHeaders(pkg, entryNames).sort()).toEqual([...entryNames].sort());
    // The evidence was read (sealed) while the package file was being written, and the file was seen then.
    expect(seen.steps).toBeGreaterThan(0);
    expect(seen.writing).toBeGreaterThan(0);
    look();
    expect(seen.findings).toEqual([]);
  });

  it('is previewed and imported by a member reading it sealed, copying it nowhere', async () => {
    const b = member.t.backend;
    const uploadId = await upload(b, pkg);
    phase = 'uploaded';
    look();
    phase = 'preview';
    const before = seen.steps;
    const preview = value(await b.call('team.preview', { uploadId }));
    expect(preview.evidenceFiles).toBe(1);
    const previewSteps = seen.steps - before;
    // Between the two, as the upload waits for its import (where earlier versions kept a plaintext copy).
    phase = 'previewed';
    look();
    phase = 'import';
    const summary = value(
      await b.call('team.import', { uploadId, acceptFingerprint: lead.fingerprint, by: member.name }),
    );
    expect(summary.added).toBeGreaterThan(0);
    const importSteps = seen.steps - before - previewSteps;
    phase = 'imported';
    look();
    expect(seen.findings).toEqual([]);
    // The reader did the reading (its hook ran in both): nothing it read was ever on disk in plaintext.
    expect({ previewSteps: previewSteps > 0, importSteps: importSteps > 0 }).toEqual({
      previewSteps: true,
      importSteps: true,
    });
    const clients = b.db.prepare('SELECT name FROM clients').pluck().all();
    expect(clients).toEqual([CLIENT]);
    expect((await readBack(b, evidenceId)).equals(evidence)).toBe(true);
  });

  it('refuses a package changed on disk after it arrived, in words, importing nothing', async () => {
    const other = await laptop('Mira Member', { dataKey: randomBytes(32) });
    try {
      const b = other.t.backend;
      const uploadId = await upload(b, pkg);
      const sealed = allFiles(other.t.dataDir).filter((f) => f.path.endsWith('.fwpkg'));
      expect(sealed.length).toBe(1);
      // One byte in the middle of the sealed file (inside the evidence's chunks) flipped, as a disk error would.
      const path = join(privateTmp, sealed[0]!.path);
      const at = sealed[0]!.bytes.length >> 1;
      const fd = openSync(path, 'r+');
      const byte = Buffer.alloc(1);
      readSync(fd, byte, 0, 1, at);
      byte[0] = byte[0]! ^ 0x40;
      writeSync(fd, byte, 0, 1, at);
      closeSync(fd);
      const words = /^storage: .*changed or damaged on this computer after it was received.*Nothing was imported/;
      const refusal = (r: { ok: true } | { ok: false; error: { code: string; message: string } }) =>
        r.ok ? 'read' : `${r.error.code}: ${r.error.message}`;
      expect(refusal(await b.call('team.preview', { uploadId }))).toMatch(words);
      const imported = await b.call('team.import', { uploadId, acceptFingerprint: lead.fingerprint, by: other.name });
      expect(refusal(imported)).toMatch(words);
      expect(b.db.prepare('SELECT count(*) FROM audits').pluck().get()).toBe(0);
      expect(b.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(0);
    } finally {
      other.t.cleanup();
    }
  });
});
