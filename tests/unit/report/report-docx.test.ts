import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '#shared/api/result';
import { writeReportDocx, type BuildHooks } from '#core/export/report/build';
import type { ReportModel } from '#core/export/report/model';
import { blobPath } from '#core/evidence/store';
import { allText, readDocx, type DocxReading } from '../../helpers/docx';
import { reportWorld, SIGN_OFF, type ReportWorld } from './world';

let w: ReportWorld;
let out: string;
let model: ReportModel;
let docx: Buffer;
let warnings: string[];
let doc: DocxReading;

beforeAll(async () => {
  w = await reportWorld();
  out = mkdtempSync(join(tmpdir(), 'fieldwork-report-'));
  model = w.collect(SIGN_OFF);
  ({ docx, warnings } = await buildReport(model, 'report.docx'));
  doc = readDocx(join(out, 'report.docx'));
}, 60_000);

afterAll(() => {
  w.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const texts = () => allText(doc);

/** Writes the report to `name` in the test folder, as the export worker does, and reads the file back. */
async function buildReport(m: ReportModel, name: string, hooks?: BuildHooks) {
  const path = join(out, name);
  const written = await writeReportDocx(m, path, hooks);
  return { ...written, path, docx: readFileSync(path) };
}

describe('audit report DOCX, read back with python-docx', { timeout: 60_000 }, () => {
  it('has every section as a real Word heading, each its own Word section, and no field to update', () => {
    const h1 = doc.headings.filter((h) => h.level === 1).map((h) => h.text);
    expect(h1).toEqual([
      'Audit details',
      'How the audit was carried out',
      'Results',
      'Findings',
      'Verification of previous findings',
      'Photographs',
      'Evidence files',
      'Conclusions',
      'Recommendation of the audit team',
      'Marks, unresolved issues and confidentiality',
      'Sign-off',
    ]);
    // The cover and contents, then one section per heading 1 (each starts a page and numbers its pages).
    expect(doc.sections).toHaveLength(h1.length + 1);
    const h2 = doc.headings.filter((h) => h.level === 2).map((h) => h.text);
    for (const h of [
      'Certification body',
      'Client',
      'Audit type and objectives',
      'Audit criteria',
      'Scope, sites and processes',
      'Dates, places and time spent',
      'Audit team',
      'Deviations from the audit plan',
      'Documents reviewed',
      'Risk assessment and treatment',
      'Sampling',
      'Results by clause (4 to 10)',
      'Results by Annex A theme',
      'Summary of findings',
      'Nonconformities',
      'Good practice and opportunities for improvement',
      'Internal audit',
      'Management review',
      'Appropriateness of the scope',
      'Whether the audit objectives were met',
      'Decisions taken with completeness gaps open',
      'Use of certificates and marks',
      'Unresolved issues',
      'Confidentiality',
    ]) {
      expect(h2).toContain(h);
    }
    // A contents field would show page numbers only once a viewer updates it, which breaks the signature.
    expect(doc.bodyFields.filter((f) => /^(TOC|PAGEREF)\b/.test(f))).toEqual([]);
  });

  it("uses the certification body's colour in its heading and table styles, headings in the outline", async () => {
    const zip = await JSZip.loadAsync(docx);
    const styles = await zip.file('word/styles.xml')!.async('string');
    const heading1 = /<w:style [^>]*w:styleId="Heading1".*?<\/w:style>/s.exec(styles)?.[0] ?? '';
    expect(heading1).toContain('<w:color w:val="7A1F5C"/>');
    // An explicit outline level: Word's navigation pane and LibreOffice's navigator list the headings.
    expect(heading1).toContain('<w:outlineLvl w:val="0"/>');
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('w:fill="7A1F5C"'); // table header rows
  });

  it('carries the report number and version in every header, and "Page n-" and the page field in the footers', () => {
    for (const [i, section] of doc.sections.entries()) {
      expect(section.orientation).toBe('portrait');
      expect(section.header).toContain('ACME-2027-0007');
      expect(section.header).toContain('Version 2');
      expect(section.header).toContain('Northern Certification Ltd');
      // The front matter is numbered i, ii; section n's pages n-1, n-2, …
      expect(section.footer).toBe(i === 0 ? 'Page ' : `Page ${i}-`);
      expect(section.footerFields.map((f) => f.split(/\s/)[0])).toEqual(['PAGE']);
    }
  });

  it('lists the issued findings in a table (number, type, requirement, status), drafts left out', () => {
    const summary = doc.tables.find((t) => t.rows[0]!.join('|') === 'No.|Type|Requirement|Status');
    expect(summary).toBeDefined();
    expect(summary!.headerRepeats).toBe(true);
    const rows = summary!.rows.slice(1);
    expect(rows.map((r) => r[0])).toEqual(['NC-01', 'NC-02', 'OFI-01', 'GP-01']);
    expect(rows[0]!.slice(1)).toEqual(['Major nonconformity', expect.stringContaining('A.5.15'), 'Open']);
    expect(rows[1]!.slice(1)).toEqual(['Minor nonconformity', expect.stringContaining('8.1'), 'Response received']);
    expect(texts()).not.toContain('A draft that must not appear');
  });

  it('shows each finding in detail under its own heading, with statement and evidence references', () => {
    const h3 = doc.headings.filter((h) => h.level === 3).map((h) => h.text);
    for (const [number, type, heading] of [
      ['NC-01', 'major', 'NC-01 Major nonconformity'],
      ['NC-02', 'minor', 'NC-02 Minor nonconformity'],
      ['OFI-01', 'ofi', 'OFI-01 Opportunity for improvement'],
      ['GP-01', 'positive', 'GP-01 Good practice'],
    ] as const) {
      expect(h3, number).toContain(heading);
      expect(texts()).toContain(w.statements[type]);
    }
    const ref = `E-${w.evidence.turned.evidence.sha256.slice(0, 8)}`;
    // The photo both NCs cite is embedded once and cited by the same number from each.
    expect(texts().split(`Photo 1 (${ref})`).length - 1).toBe(2);
    // The photo of the observation the major NC cites is cited by it too.
    expect(texts()).toContain(`Photo 2 (E-${w.evidence.walk.evidence.sha256.slice(0, 8)})`);
    expect(model.photos[1]!.caption).toBe('Server room door, badge reader');
    expect(texts()).toContain(`access-review.pdf (E-${w.evidence.pdf.evidence.sha256.slice(0, 8)})`);
    expect(texts()).toContain('Emergency changes reviewed within two days.');
  });

  it('embeds each photo once, with its caption and evidence reference', () => {
    expect(model.photos).toHaveLength(4);
    expect(doc.inlineImages).toBe(model.photos.length + 1); // + the logo on the cover
    const captions = doc.paragraphs.filter((p) => p.style === 'Caption').map((p) => p.text);
    expect(captions).toEqual(model.photos.map((p, i) => `Photo ${i + 1}: ${p.caption} (evidence ${p.ref})`));
    expect(captions[3]).toContain('supplier-register.png'); // no description: the file name is the caption
    expect(warnings).toEqual([]);
  });

  it('embeds photos downsampled to at most 1600 px, as JPEG, turned upright, without metadata', async () => {
    // The stored original: landscape pixels, turned by its EXIF orientation, with camera metadata.
    const original = await sharp(blobPath(w.dataDir, w.evidence.turned.evidence.sha256)).metadata();
    expect([original.width, original.height, original.orientation]).toEqual([3000, 2000, 6]);
    expect(original.exif).toBeDefined();
    const zip = await JSZip.loadAsync(docx);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    const metas = await Promise.all(media.map(async (n) => sharp(await zip.file(n)!.async('nodebuffer')).metadata()));
    const photos = metas.filter((m) => m.format === 'jpeg');
    expect(photos).toHaveLength(4);
    for (const m of photos) {
      expect(Math.max(m.width, m.height)).toBeLessThanOrEqual(1600);
      expect(m.exif).toBeUndefined();
      expect(m.orientation).toBeUndefined();
    }
    // 3000×2000 shot with the camera turned: upright and shrunk to 1067×1600.
    expect(photos.some((m) => m.width === 1067 && m.height === 1600)).toBe(true);
    // The PNG became a JPEG too, at its own size (never enlarged).
    expect(photos.some((m) => m.width === 800 && m.height === 600)).toBe(true);
  });

  it('states that the audit was based on sampling and what was sampled', () => {
    expect(texts()).toContain(
      'This audit examined a sample of the information available: records, people, sites and activities were selected, not checked in full. Nonconformities may therefore exist in areas that were not sampled, and the absence of a finding does not mean that a requirement is met everywhere.',
    );
    expect(texts()).toContain('Three internal audits; ten risks; five leavers.');
    const sampled = doc.tables.find((t) => t.rows[0]!.join('|') === 'Requirement|Sample size|Records selected');
    expect(sampled!.rows.slice(1)).toEqual([
      [expect.stringContaining('9.2.1'), '3', 'IA-2026-04: Audit of HR\nIA-2026-07'],
    ]);
  });

  it('gives the results per clause and per Annex A theme with counts that match the checklist', () => {
    const counts = doc.tables.filter(
      (t) => t.rows[0]!.join('|') === 'Area|Items|Conf.|OFI|Minor|Major|N/A|Not audited',
    );
    expect(counts).toHaveLength(2);
    const [clauses, themes] = counts as [DocxReading['tables'][number], DocxReading['tables'][number]];
    expect(clauses.rows.slice(1).map((r) => r[0]!.split(' ').slice(0, 2).join(' '))).toEqual(
      ['4', '5', '6', '7', '8', '9', '10']
        .filter((g) => w.items.some((i) => i.groupId === g))
        .map((g) => `Clause ${g}`),
    );
    expect(themes.rows.slice(1).map((r) => r[0]!.split(' ')[0])).toEqual(
      ['A.5', 'A.6', 'A.7', 'A.8'].filter((g) => w.items.some((i) => i.groupId === g)),
    );
    const clause9 = clauses.rows.find((r) => r[0]!.startsWith('Clause 9 '))!;
    const in9 = w.items.filter((i) => i.groupId === '9').length;
    expect(clause9.slice(1, 3)).toEqual([String(in9), '2']); // 9.2.1 and 9.3.1 conforming
    const a5 = themes.rows.find((r) => r[0]!.startsWith('A.5 '))!;
    expect(a5[5]).toBe('1'); // one major NC (A.5.15)
    expect(texts()).toContain('Leaver accounts active.');
  });

  it("reports the status of the finding carried in from the Stage 2 audit, numbered with its audit's prefix", () => {
    const table = doc.tables.find(
      (t) => t.rows[0]!.join('|') === 'No.|From audit|Type|Statement|Status now|Verification',
    )!;
    expect(texts()).toContain('ST2: Stage 2');
    expect(table.rows.slice(1)).toEqual([
      [
        'ST2-NC-01',
        'Stage 2 2026-03-02',
        'Minor',
        w.statements.carried,
        'Verified as effective',
        expect.stringContaining('All twelve actions now have an owner.'),
      ],
    ]);
  });

  it('has conclusions, recommendation, confidentiality and the sign-off with the certificate fingerprint', () => {
    const t = texts();
    for (const s of [
      'Internal audit is effective.',
      'Management review covers every input.',
      'The scope remains appropriate.',
      'The audit objectives were met.',
      '2.3 hours', // 90 + 45 minutes booked against checklist items
      model.audit.checklistTitle,
      '1 Feb: HQ\n2 Feb: Plant',
      'Plant visit shortened by two hours.',
      'Mark used correctly on the website.',
      'This report and the information gathered during the audit are confidential between the certification body and the audited organisation. They are not disclosed to others without the organisation’s written consent, unless the law requires it.',
      SIGN_OFF.fingerprint,
      SIGN_OFF.signedOn,
    ]) {
      expect(t).toContain(s);
    }
    // An open major nonconformity: the suggestion the lead auditor took, worded for a surveillance (maintaining).
    expect(t).toContain(
      'The audit team does not recommend maintaining certification until the major nonconformities have been corrected and the corrections verified.',
    );
    expect(t).not.toContain('Not issued — draft. This document is not signed and is not a valid audit report.');
  });

  it('builds from a plain JSON model, as the export worker receives it', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.audit.checklistTitle).not.toMatch(/^iso27001/); // the template's title, not its id
    expect(model.body.logo?.pngBase64.length).toBeGreaterThan(0);
  });

  it('drops characters XML cannot carry instead of writing a document nobody can open', async () => {
    const odd = 'Bell\u0007 and\u0001 control\uFFFE, lone \uD800surrogate, emoji 📷 kept';
    const [first, ...rest] = model.findings;
    await buildReport({ ...model, findings: [{ ...first!, statement: odd }, ...rest] }, 'odd.docx');
    expect(allText(readDocx(join(out, 'odd.docx')))).toContain('Bell and control, lone surrogate, emoji 📷 kept');
  });

  it('marks a draft as not issued', async () => {
    await buildReport(w.collect(null), 'draft.docx');
    const read = readDocx(join(out, 'draft.docx'));
    expect(read.sections[0]!.header).toContain('Report DRAFT');
    expect(allText(read)).toContain('Not issued — draft. This document is not signed and is not a valid audit report.');
    expect(allText(read)).not.toContain(SIGN_OFF.fingerprint);
  });

  it('stops when cancelled, between photos', async () => {
    const gone = new AbortController();
    gone.abort();
    await expect(buildReport(model, 'gone.docx', { signal: gone.signal })).rejects.toMatchObject({ code: 'cancelled' });
    const mid = new AbortController();
    const stages: string[] = [];
    const run = buildReport(model, 'mid.docx', {
      signal: mid.signal,
      onProgress: (done, _total, stage) => {
        stages.push(stage);
        if (done === 1) mid.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(DomainError);
    expect(stages).toEqual(['Photos 0 of 4', 'Photos 1 of 4']);
    // No half-written file is left behind.
    expect(existsSync(join(out, 'gone.docx'))).toBe(false);
    expect(existsSync(join(out, 'mid.docx'))).toBe(false);
  });

  // Last: it damages the evidence store.
  it('builds with a placeholder and a warning when a photo file is missing or unreadable', async () => {
    const change = w.evidence.change.evidence;
    const png = w.evidence.png.evidence;
    await rm(blobPath(w.dataDir, change.sha256));
    const broken = blobPath(w.dataDir, png.sha256);
    await chmod(broken, 0o600);
    await writeFile(broken, Buffer.from('not an image at all'));
    const built = await buildReport(w.collect(SIGN_OFF), 'missing.docx');
    expect(built.warnings).toEqual([
      `Evidence file missing: IMG_0002.jpg (E-${change.sha256.slice(0, 8)})`,
      `Evidence file could not be read as an image: supplier-register.png (E-${png.sha256.slice(0, 8)})`,
    ]);
    const read = readDocx(join(out, 'missing.docx'));
    expect(read.inlineImages).toBe(3); // the logo and the two photos still there
    expect(allText(read)).toContain('The file of this photograph is missing from the evidence store.');
    expect(allText(read)).toContain('The file of this photograph could not be read as an image.');
    expect(read.paragraphs.filter((p) => p.style === 'Caption')).toHaveLength(4);
  });
});
