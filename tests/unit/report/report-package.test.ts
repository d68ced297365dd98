/**
 * The report's ZIP package as other programs read it: photos stored as they
 * are, XML deflated, no data descriptors (Python's zipfile), a report of many
 * photos that python-docx and LibreOffice open, and the same report issued:
 * signed while it is streamed, verified by us, xmlsec1, Apache POI and LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportDocx } from '#core/export/report/build';
import type { ReportModel } from '#core/export/report/model';
import { verifyPackage } from '#core/signing/package-verify';
import { convertToPdf, readDocx } from '../../helpers/docx';
import { poiVerify } from '../../helpers/poi/poi';
import { testSigner } from '../signing/fixtures';
import { flipMiddle, libreOfficeVerify, rezip, xmlsecVerify } from '../signing/tamper';
import { reportWorld, SIGN_OFF, type ReportWorld } from './world';

/** Photos beyond the world's four: enough that a package holding them all at once would show in the tests' memory. */
const EXTRA_PHOTOS = 40;

interface ZipInfo {
  name: string;
  method: number;
  flags: number;
}

/** Python's zipfile (an independent reader): each entry's method and flags, after checking every CRC. */
function zipEntries(file: string): ZipInfo[] {
  const script = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'bad = z.testzip()',
    'assert bad is None, bad',
    'print(json.dumps([{"name": i.filename, "method": i.compress_type, "flags": i.flag_bits} for i in z.infolist()]))',
  ].join('\n');
  const r = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python zipfile failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ZipInfo[];
}

let w: ReportWorld;
let out: string;
let model: ReportModel;
let draftPath: string;
let issuedPath: string;

beforeAll(async () => {
  w = await reportWorld();
  out = mkdtempSync(join(tmpdir(), 'fieldwork-report-package-'));
  const photoDir = join(out, 'photos');
  mkdirSync(photoDir);
  const base = w.collect(SIGN_OFF);
  const extra = [];
  for (let i = 0; i < EXTRA_PHOTOS; i++) {
    // Noise does not compress: each picture a distinct, camera-like JPEG larger than the report keeps.
    const path = join(photoDir, `extra-${i}.jpg`);
    const noise = Buffer.alloc(1200 * 900 * 3);
    for (let j = 0; j < noise.length; j++) noise[j] = (j * 31 + i * 97 + ((j * j) >> 7)) & 0xff;
    await sharp(noise, { raw: { width: 1200, height: 900, channels: 3 } })
      .jpeg({ quality: 90 })
      .toFile(path);
    extra.push({ ...base.photos[0]!, path, fileName: `extra-${i}.jpg`, caption: `Extra photo ${i}` });
  }
  model = { ...base, photos: [...base.photos, ...extra] };
  draftPath = join(out, 'draft.docx');
  await writeReportDocx({ ...model, signOff: null }, draftPath);
  issuedPath = join(out, 'issued.docx');
  await writeReportDocx(model, issuedPath, { signer: testSigner('rsa') });
}, 240_000);

afterAll(() => {
  w.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('the report package as written to disk', { timeout: 120_000 }, () => {
  it('stores photos and the logo as they are, deflates every XML part, and writes no data descriptors', () => {
    const entries = zipEntries(draftPath);
    const media = entries.filter((e) => e.name.startsWith('word/media/'));
    expect(media).toHaveLength(model.photos.length + 1); // + the logo
    for (const e of media) expect(e.method, e.name).toBe(0);
    const xml = entries.filter((e) => /\.(xml|rels)$/.test(e.name));
    expect(xml.map((e) => e.name)).toContain('word/document.xml');
    for (const e of xml) expect(e.method, e.name).toBe(8);
    expect(entries.filter((e) => e.flags & 0x08)).toEqual([]);
    expect(entries.map((e) => e.name)).toContain('[Content_Types].xml');
  });

  it('holds every photo, in order, once: python-docx finds them all, each a JPEG of at most 1600 px', async () => {
    const doc = readDocx(draftPath);
    expect(doc.inlineImages).toBe(model.photos.length + 1);
    const captions = doc.paragraphs.filter((p) => p.style === 'Caption').map((p) => p.text);
    expect(captions.at(-1)).toBe(
      `Photo ${model.photos.length}: Extra photo ${EXTRA_PHOTOS - 1} (evidence ${model.photos[0]!.ref})`,
    );
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(draftPath));
    const photos = Object.keys(zip.files).filter((n) => /^word\/media\/photo-\d+\.jpg$/.test(n));
    expect(photos).toHaveLength(model.photos.length);
    for (const name of photos.slice(-3)) {
      const meta = await sharp(await zip.file(name)!.async('nodebuffer')).metadata();
      expect(meta.format).toBe('jpeg');
      expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(1600);
    }
    // The document's relationships point at the photos, not at anything else under media/.
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    for (const name of photos) expect(rels).toContain(`Target="${name.slice('word/'.length)}"`);
  });

  it('converts to PDF in LibreOffice', async () => {
    expect(await convertToPdf(draftPath, out)).toBe(join(out, 'draft.pdf'));
  }, 200_000);
});

describe('the same report issued: signed while it is streamed', { timeout: 120_000 }, () => {
  it('verifies, covering every photo; a byte changed in one photo is named', async () => {
    const signed = readFileSync(issuedPath);
    const r = await verifyPackage(signed);
    expect(r).toMatchObject({ status: 'valid', problems: [] });
    const photo = 'word/media/photo-0007.jpg';
    const tampered = await verifyPackage(await rezip(signed, (n, b) => (n === photo ? flipMiddle(b) : b)));
    expect(tampered.status).toBe('invalid');
    expect(tampered.problems).toContain(`Part /${photo} was changed after signing`);
  });

  it('xmlsec1 verifies every reference, photos included', async () => {
    const work = join(out, 'xmlsec');
    const r = await xmlsecVerify(readFileSync(issuedPath), work);
    expect(r.ok, r.output).toBe(true);
    const [, ok, all] = /Manifests References \(ok\/all\): (\d+)\/(\d+)/.exec(r.output)!;
    expect(ok).toBe(all);
    expect(Number(all)).toBeGreaterThan(model.photos.length);
  });

  it('Apache POI (which reads the ZIP its own way) finds it valid', () => {
    const r = poiVerify([issuedPath]).get(issuedPath);
    if (!r || 'error' in r) throw new Error(`POI could not check the report: ${r?.error}`);
    expect(r.signatures).toEqual([{ valid: true, signer: expect.stringContaining('CN=Lena Lead') as unknown }]);
  }, 240_000);

  it('LibreOffice finds the signature intact', () => {
    const sigs = libreOfficeVerify([issuedPath]).get(issuedPath)!;
    expect(sigs).toHaveLength(1);
    expect(sigs[0]!.valid).toBe(true);
    expect(sigs[0]!.signer).toContain('CN=Lena Lead');
  }, 240_000);
});
