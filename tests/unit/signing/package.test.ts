import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '#shared/api/result';
import { signPackage } from '#core/signing/package-sign';
import { verifyPackage } from '#core/signing/package-verify';
import { CLI, REPO_ROOT } from '../../helpers/serve';
import { sampleDocx, testSigner } from './fixtures';
import {
  changeBase64In,
  entryNames,
  flipIn,
  flipMiddle,
  libreOfficeVerify,
  rezip,
  xmlsecVerify,
  type LoSignature,
} from './tamper';

const dir = mkdtempSync(path.join(tmpdir(), 'fw-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const save = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** Relationships parts of the sample that hold relationships (the others are empty). */
const relsWithTargets = new Set(['_rels/.rels', 'word/_rels/document.xml.rels']);

/** How each part is changed by one byte, and the problem our verifier must name. */
function tamperPlan(entry: string): { change: (b: Buffer) => Buffer; problem: string } | null {
  if (entry === '_xmlsignatures/origin.sigs') return null; // empty by definition: no byte to change
  if (entry === '[Content_Types].xml') {
    return {
      change: (b) => flipIn(b, /document\.ma(i)n\+xml/),
      problem: 'Part /word/document.xml changed its content type after signing',
    };
  }
  if (entry === '_xmlsignatures/sig1.xml') {
    return {
      change: (b) => changeBase64In(b, /<SignatureValue>(.)/),
      problem: 'The signature value does not match what was signed (the signature itself was altered)',
    };
  }
  if (entry === '_xmlsignatures/_rels/origin.sigs.rels') {
    return {
      change: (b) => flipIn(b, /Target="sig(1)/),
      problem: 'The signature part /_xmlsignatures/sig0.xml is missing',
    };
  }
  if (entry.endsWith('.rels') && !relsWithTargets.has(entry)) {
    return {
      change: (b) => flipIn(b, /relationship(s)"/),
      problem: `Part /${entry} was changed after signing and is unreadable`,
    };
  }
  if (entry.endsWith('.rels')) {
    // A change a relationships-aware verifier must see: a relationship target.
    return { change: (b) => flipIn(b, /Target="(.)/), problem: `Part /${entry} was changed after signing` };
  }
  return { change: flipMiddle, problem: `Part /${entry} was changed after signing` };
}

describe('OOXML package signature', () => {
  let docx: Buffer;
  let signed: Buffer;
  let signedEc: Buffer;
  let signerFingerprint: string;
  const lo = new Map<string, LoSignature[]>();
  const files: Record<string, string> = {};

  beforeAll(async () => {
    docx = await sampleDocx();
    const rsa = testSigner('rsa');
    signerFingerprint = new X509Certificate(rsa.certificateDer).fingerprint256;
    signed = await signPackage(docx, rsa);
    signedEc = await signPackage(docx, testSigner('ec'));
    files.rsa = save('signed-rsa.docx', signed);
    files.ec = save('signed-ec.docx', signedEc);
    for (const entry of await entryNames(signed)) {
      const plan = tamperPlan(entry);
      if (plan)
        files[`part:${entry}`] = save(
          `t-${entry.replace(/\W/g, '_')}.docx`,
          await rezip(signed, (n, b) => (n === entry ? plan.change(b) : b)),
        );
    }
    // python-docx (a different library) opens the signed file, changes one paragraph and saves it.
    const resaved = path.join(dir, 'resaved.docx');
    const script = [
      'import sys, docx',
      'd = docx.Document(sys.argv[1])',
      'd.paragraphs[1].runs[0].text = "A sentence changed after signing."',
      'd.save(sys.argv[2])',
    ].join('\n');
    const py = spawnSync('/usr/bin/python3', ['-c', script, files.rsa, resaved], { encoding: 'utf8' });
    if (py.status !== 0) throw new Error(`python-docx failed: ${py.stderr}`);
    files.resaved = resaved;
    for (const [file, sigs] of libreOfficeVerify(Object.values(files))) lo.set(file, sigs);
  }, 300_000);

  it('covers every part but [Content_Types].xml and the signature parts, and verifies', async () => {
    const r = await verifyPackage(signed);
    expect(r).toMatchObject({ status: 'valid', problems: [], signedAt: '2026-11-28T10:00:00Z' });
    expect(r.signer?.name).toBe('Lena Lead');
    expect(r.signer?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const sig = (await import('jszip')).default;
    const xml = await (await sig.loadAsync(signed)).file('_xmlsignatures/sig1.xml')!.async('string');
    const covered = [...xml.matchAll(/<Reference URI="(\/[^"?]+)\?ContentType=/g)].map((m) => m[1]);
    const expected = (await entryNames(signed))
      .filter((e) => e !== '[Content_Types].xml' && !e.startsWith('_xmlsignatures/'))
      .map((e) => `/${e}`);
    expect(covered.sort()).toEqual(expected.sort());
    expect(expected).toContain('/_rels/.rels');
    expect(expected).toContain('/word/media/image1.png');
  });

  it('ECDSA P-256 signatures verify too', async () => {
    expect((await verifyPackage(signedEc)).status).toBe('valid');
  });

  it('LibreOffice (an independent implementation) finds the RSA and ECDSA signatures intact', () => {
    for (const f of [files.rsa!, files.ec!]) {
      const sigs = lo.get(f)!;
      expect(sigs, f).toHaveLength(1);
      expect(sigs[0]!.valid, f).toBe(true);
      expect(sigs[0]!.signer).toContain('CN=Lena Lead');
    }
  });

  it('a one-byte change in any single part makes it invalid, naming the problem', async () => {
    const entries = (await entryNames(signed)).filter((e) => tamperPlan(e));
    expect(entries.length).toBeGreaterThanOrEqual(18);
    for (const entry of entries) {
      const file = files[`part:${entry}`]!;
      const r = await verifyPackage(await rezip(signed, (n, b) => (n === entry ? tamperPlan(n)!.change(b) : b)));
      expect(r.status, entry).toBe('invalid');
      expect(r.problems, entry).toContain(tamperPlan(entry)!.problem);
      expect(file).toBeTruthy();
    }
  });

  it('LibreOffice also finds each tampered part broken (content types aside: it does not check them)', () => {
    for (const [key, file] of Object.entries(files)) {
      if (!key.startsWith('part:') || key === 'part:[Content_Types].xml') continue;
      const sigs = lo.get(file) ?? [];
      expect(
        sigs.some((s) => s.valid),
        key,
      ).toBe(false);
    }
  });

  it('xmlsec1 (another implementation) verifies every reference, and fails the tampered ones', async () => {
    const { readFileSync } = await import('node:fs');
    const check = (name: string, bytes: Buffer) => {
      const work = path.join(dir, `xmlsec-${name}`);
      return xmlsecVerify(bytes, work);
    };
    for (const [name, bytes] of [
      ['rsa', signed],
      ['ec', signedEc],
    ] as const) {
      const r = await check(name, bytes);
      expect(r.ok, r.output).toBe(true);
      expect(r.output).toMatch(/Manifests References \(ok\/all\): (\d+)\/\1/);
    }
    for (const key of [
      'part:word/document.xml',
      'part:word/_rels/document.xml.rels',
      'part:_xmlsignatures/sig1.xml',
      'resaved',
    ]) {
      expect((await check(key.replace(/\W/g, '_'), readFileSync(files[key]!))).ok, key).toBe(false);
    }
  });

  it('a removed part and an added part are named', async () => {
    const removed = await verifyPackage(await rezip(signed, (n, b) => (n === 'word/media/image1.png' ? null : b)));
    expect(removed.status).toBe('invalid');
    expect(removed.problems).toContain('Part /word/media/image1.png was removed after signing');
    const added = await verifyPackage(await rezip(signed, (_n, b) => b, { 'word/media/image9.png': Buffer.from('x') }));
    expect(added.status).toBe('invalid');
    expect(added.problems).toEqual(['Part /word/media/image9.png was added after signing']);
  });

  it('re-saving with one paragraph changed (python-docx) breaks it for us and for LibreOffice', async () => {
    const { readFileSync } = await import('node:fs');
    const r = await verifyPackage(readFileSync(files.resaved!));
    expect(r.status).toBe('invalid');
    expect(r.problems).toContain('Part /word/document.xml was changed after signing');
    expect((lo.get(files.resaved!) ?? []).some((s) => s.valid)).toBe(false);
  });

  it('an unsigned DOCX is unsigned; a file that is no DOCX is refused', async () => {
    expect(await verifyPackage(docx)).toEqual({ status: 'unsigned', signer: null, signedAt: null, problems: [] });
    const notDocx = [Buffer.from('hello'), await rezip(docx, (n, b) => (n === '[Content_Types].xml' ? null : b))];
    for (const bytes of notDocx) {
      await expect(verifyPackage(bytes)).rejects.toEqual(
        new DomainError('invalid_input', 'This file is not a Word document (DOCX).'),
      );
    }
  });

  it('refuses a zip that declares more than it may unpack, before unpacking it', async () => {
    const bomb = Buffer.from(await rezip(docx, (_n, b) => b));
    // Patch the central directory's declared size of the first entry to 600 MB.
    const at = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(600 * 1024 * 1024, at + 24);
    await expect(verifyPackage(bomb)).rejects.toMatchObject({ code: 'too_large' });
  });

  it('refuses to sign a document twice', async () => {
    await expect(signPackage(signed, testSigner('ec'))).rejects.toThrow('already signed');
  });

  it('fieldwork verify: exit 0 valid and known, 4 unknown signer, 1 invalid with the problem, 3 unsigned, 2 unreadable', () => {
    // The test signer's certificate is known to nobody: intact, but exit 4 until its fingerprint is given.
    expect(cli('verify', files.rsa!).code).toBe(4);
    const ok = cli('verify', files.rsa!, '--trust-fingerprint', signerFingerprint);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Signed by:   Lena Lead (CN=Lena Lead');
    expect(ok.out).toMatch(/Certificate: SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    expect(ok.out).toContain('Signed at:   2026-11-28T10:00:00Z');
    expect(ok.out).toContain('VALID');

    const bad = cli('verify', files['part:word/document.xml']!);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('  - Part /word/document.xml was changed after signing');

    expect(cli('verify', save('unsigned.docx', docx)).code).toBe(3);
    const notDocx = cli('verify', save('notes.docx', Buffer.from('plain text')));
    expect(notDocx.code).toBe(2);
    expect(notDocx.err).toContain('This file is not a Word document (DOCX).');
    expect(cli('verify', path.join(dir, 'missing.docx')).code).toBe(2);
    expect(cli('verify').code).toBe(2);
    const help = cli('verify', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('3  the document is not signed');
    expect(help.out).toContain('4  the document is intact, but signed by a certificate not known here');
  }, 120_000);
});
