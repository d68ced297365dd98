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
      'Finding',
      'Grade',
      'Requirement',
      'Statement',
      'Objective evidence',
      'Status',
      "Client's response",
      'Due date',
      'Verification',
      'Closed on',
    ]);
    const rows = table.rows.slice(1);
    // The audit's prefix on each number (a Surveillance 1 NC-01 is not the Stage 2's NC-01).
    expect(rows.map((r) => r[0])).toEqual(['SV1-NC-01', 'SV1-NC-02']); // OFI, good practice and the draft are not NCs
    const [major, minor] = rows as [string[], string[]];
    expect(major.slice(0, 4)).toEqual(['SV1-NC-01', 'Major', expect.stringMatching(/^A\.5\.15 /), w.statements.major]);
    expect(major[4]).toContain('Evidence for A.5.15.');
    expect(major[4]).toContain(`access-review.pdf (E-${w.evidence.pdf.evidence.sha256.slice(0, 8)})`);
    // No response yet: said so, and the due date is when the response is due, written as a reader writes dates.
    expect(major.slice(5)).toEqual([
      'Open',
      'No response received yet.',
      expect.stringMatching(/^\d{1,2} [A-Z][a-z]{2,3} 2027$/),
      'Not verified yet.',
      '—',
    ]);
    expect(minor.slice(0, 2)).toEqual(['SV1-NC-02', 'Minor']);
    expect(minor.slice(5)).toEqual([
      'Response received',
      [
        'Received 20 Feb 2027 (under review)',
        'Correction: Both changes reviewed retrospectively.',
        'Root cause: Emergency change path skipped review.',
        'Corrective action: Emergency changes reviewed within two days.',
        'Responsible: Head of IT',
      ].join('\n'),
      '30 Apr 2027',
      'Not verified yet.',
      '—',
    ]);
    expect(doc.paragraphs.map((p) => p.text).join('\n')).toContain(
      "Findings are numbered with their audit's prefix (SV1-NC-01)",
    );
  });

  it('shows a closed nonconformity as closed: status, accepted response, who verified it, when, and the closing day', async () => {
    const model = w.collect(SIGN_OFF);
    const findings = model.findings.map((f) =>
      f.number === 'NC-02'
        ? {
            ...f,
            status: 'closed' as const,
            latestResponse: { ...f.latestResponse!, decision: 'accepted' as const },
            verification: {
              method: 'on_site' as const,
              notes: 'Both emergency changes reviewed; the procedure is in use.',
              verifiedOn: '2027-05-03',
              verifiedBy: 'Lena Lead',
            },
          }
        : f,
    );
    await writeNcListDocx(
      { ...model, findings, ncList: { closedOn: { 'NC-02': '2027-05-10' } } },
      join(out, 'closed.docx'),
    );
    const closed = readDocx(join(out, 'closed.docx')).tables[0]!.rows[2]!;
    expect(closed[0]).toBe('SV1-NC-02');
    expect(closed[5]).toBe('Closed');
    expect(closed[6]).toMatch(/^Received 20 Feb 2027 \(accepted\)\n/);
    expect(closed[8]).toBe(
      'Effective, on site\n3 May 2027, Lena Lead\nBoth emergency changes reviewed; the procedure is in use.',
    );
    expect(closed[9]).toBe('10 May 2027');
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
