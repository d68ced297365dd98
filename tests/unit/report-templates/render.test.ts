/**
 * Issue 17 §3's done-when: a template made from the sample with one paragraph
 * added renders that paragraph, and the result verifies — by us, by xmlsec1
 * and read by python-docx. Photos are placed, the template's SHA-256 is in the
 * document's properties, and the signature covers all of it.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTemplateDocx } from '#core/report-templates/write';
import { sampleReportModel } from '#core/report-templates/sample-model';
import { verifyPackage } from '#core/signing/package-verify';
import { allText, readDocx } from '../../helpers/docx';
import { testSigner } from '../signing/fixtures';
import { xmlsecVerify } from '../signing/tamper';
import { sampleTemplate, withParagraph } from './template-docx';

const OWN = 'Prepared under procedure CB-17 for {clientName}; questions to {cbName}.';

describe('a certification body’s template, rendered and signed', { timeout: 120_000 }, () => {
  let dir: string;
  let out: string;
  let template: Buffer;
  let warnings: string[];
  const model = sampleReportModel();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-rtpl-'));
    const photo = join(dir, 'photo.jpg');
    const jpeg = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    (await import('node:fs')).writeFileSync(photo, jpeg);
    model.photos[0]!.path = photo;
    model.photos[1]!.path = join(dir, 'gone.jpg');
    model.signOff = { signerName: 'Lena Lead', signerRole: 'Lead auditor', signedOn: '2027-01-20', fingerprint: 'AB' };
    template = await withParagraph(sampleTemplate(), OWN);
    out = join(dir, 'report.docx');
    const sha256 = createHash('sha256').update(template).digest('hex');
    const written = await writeTemplateDocx(
      model,
      { bytes: template, sha256, name: 'Our layout', language: 'de' },
      out,
      { signer: testSigner() },
    );
    warnings = written.warnings;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders the added paragraph with its placeholders filled, in the template’s language', () => {
    const doc = readDocx(out);
    const text = allText(doc);
    expect(text).toContain(
      'Prepared under procedure CB-17 for Sample Client plc; questions to Sample Certification Ltd.',
    );
    expect(text).toContain('NC-02 Hauptabweichung');
    expect(text).toContain('Clause 4.1 Sample item: Konform');
    expect(text).not.toMatch(/\{[#/^%]?[a-zA-Z]+\}/);
    expect(text).toContain('Version 0, signed by Lena Lead on 2027-01-20');
  });

  it('places the photo shrunk, and names the missing one', async () => {
    expect(readDocx(out).inlineImages).toBe(1);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const meta = await sharp(await zip.file('word/media/photo-0001.jpg')!.async('nodebuffer')).metadata();
    expect(Math.max(meta.width, meta.height)).toBe(1600);
    expect(warnings).toEqual(['another.jpg (E-11111111) could not be placed: the file is missing.']);
    expect(allText(readDocx(out))).toContain('[Photo E-11111111 missing: another.jpg]');
  });

  it('records the template’s SHA-256 in the signed document’s properties', async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const custom = await zip.file('docProps/custom.xml')!.async('string');
    expect(custom).toContain(createHash('sha256').update(template).digest('hex'));
  });

  it('verifies (ours, and xmlsec1 over every reference)', async () => {
    const bytes = readFileSync(out);
    expect(await verifyPackage(bytes)).toMatchObject({ status: 'valid', problems: [] });
    const r = await xmlsecVerify(bytes, join(dir, 'xmlsec'));
    expect(r.ok, r.output).toBe(true);
    const [, ok, all] = /Manifests References \(ok\/all\): (\d+)\/(\d+)/.exec(r.output)!;
    expect(ok).toBe(all);
  });
});
