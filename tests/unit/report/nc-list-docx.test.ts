import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNcListDocx } from '#core/export/nc-list-docx';
import { writeReportDocx } from '#core/export/report/build';
import { convertToPdf, readDocx, type DocxReading } from '../../helpers/docx';
import { reportWorld, SIGN_OFF, type ReportWorld } from './world';

let w: ReportWorld;
let out: string;
let doc: DocxReading;

beforeAll(async () => {
  w = await reportWorld();
  out = mkdtempSync(join(tmpdir(), 'fieldwork-nclist-'));
  const built = await writeNcListDocx(w.collect(SIGN_OFF), join(out, 'nc-list.docx'));
  expect(built.warnings).toEqual([]);
  doc = readDocx(join(out, 'nc-list.docx'));
}, 60_000);

afterAll(() => {
  w.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('nonconformity list DOCX', () => {
  it('is A4 landscape with the certification body, audit and report number in the header, Page X of Y below', () => {
    expect(doc.sections).toHaveLength(1);
    const s = doc.sections[0]!;
    expect(s.orientation).toBe('landscape');
    expect(s.pageWidth).toBeGreaterThan(s.pageHeight);
    expect(Math.round(s.pageWidth / 36000)).toBe(297); // EMU → mm
    for (const part of ['Northern Certification Ltd', 'Acme Ltd', 'Surveillance 1 2027-02-01', 'ACME-2027-0007']) {
      expect(s.header).toContain(part);
    }
    expect(s.footerFields.map((f) => f.split(/\s/)[0])).toEqual(['PAGE', 'NUMPAGES']);
  });

  it('has one table, its header row repeated on each page, one row per issued nonconformity', () => {
    expect(doc.tables).toHaveLength(1);
    const [table] = doc.tables as [DocxReading['tables'][number]];
    expect(table.headerRepeats).toBe(true);
    expect(table.rows[0]).toEqual([
      'No.',
      'Grade',
      'Requirement',
      'Statement',
      'Objective evidence',
      'Correction',
      'Root cause',
      'Corrective action',
      'Responsible',
      'Due date',
    ]);
    const rows = table.rows.slice(1);
    expect(rows.map((r) => r[0])).toEqual(['NC-01', 'NC-02']); // OFI, good practice and the draft are not NCs
    const [major, minor] = rows as [string[], string[]];
    expect(major.slice(0, 4)).toEqual(['NC-01', 'Major', expect.stringMatching(/^A\.5\.15 /), w.statements.major]);
    expect(major[4]).toContain('Evidence for A.5.15.');
    expect(major[4]).toContain(`access-review.pdf (E-${w.evidence.pdf.evidence.sha256.slice(0, 8)})`);
    // No response yet: the remedy columns are empty and the due date is when the response is due.
    expect(major.slice(5, 9)).toEqual(['', '', '', '']);
    expect(major[9]).toMatch(/^2027-\d\d-\d\d$/);
    expect(minor.slice(0, 2)).toEqual(['NC-02', 'Minor']);
    expect(minor.slice(5)).toEqual([
      'Both changes reviewed retrospectively.',
      'Emergency change path skipped review.',
      'Emergency changes reviewed within two days.',
      'Head of IT',
      '2027-04-30',
    ]);
  });
});

describe('nonconformity list with odd characters', () => {
  it('drops characters XML cannot carry', async () => {
    const model = w.collect(SIGN_OFF);
    const [first, ...rest] = model.findings;
    const odd = { ...model, findings: [{ ...first!, statement: 'A\u0000B\u001FC' }, ...rest] };
    await writeNcListDocx(odd, join(out, 'odd.docx'));
    expect(readDocx(join(out, 'odd.docx')).tables[0]!.rows[1]![3]).toBe('ABC');
  });
});

describe('LibreOffice opens both documents', () => {
  it('converts the report and the nonconformity list to non-empty PDFs', async () => {
    await writeReportDocx(w.collect(SIGN_OFF), join(out, 'report.docx'));
    // One conversion each, one after the other: soffice is slow and the machine is shared.
    const pdfs = [
      await convertToPdf(join(out, 'report.docx'), out),
      await convertToPdf(join(out, 'nc-list.docx'), out),
    ];
    expect(pdfs.map((p) => p.replace(out, ''))).toEqual(['/report.pdf', '/nc-list.pdf']);
  }, 200_000);
});
