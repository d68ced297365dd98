import { describe, expect, it } from 'vitest';
import { parseSoaFile } from '#core/soa/parse';
import { buildSoaPreview } from '#core/soa/preview';
import { ANNEX_A_NUMBERS, annexAControls, rejection, titleOf, xlsxBytes } from './soa-helpers';

const UNREADABLE =
  'The file could not be read as an Excel workbook; it may be damaged. Open it in Excel, save it again as .xlsx or CSV and import that file.';
const NOT_SPREADSHEET =
  'The file is not a CSV or Excel file. Save the Statement of Applicability as .xlsx or .csv and import that file.';

/** A cover sheet, then the SoA under two title rows; rich text, booleans, a formula and numeric control numbers. */
const workbook = () =>
  xlsxBytes((wb) => {
    wb.addWorksheet('Cover').addRow(['Acme Ltd — ISMS documentation']);
    const sheet = wb.addWorksheet('SoA');
    sheet.addRow(['Statement of Applicability']);
    sheet.mergeCells('A1:E1');
    sheet.addRow(['SoA version 1.4']);
    sheet.addRow([]);
    sheet.addRow([
      'Annex A control',
      'Control title',
      'Applicable? (Y/N)',
      'Justification for inclusion/exclusion',
      'Implementation status',
    ]);
    for (const number of ANNEX_A_NUMBERS) {
      const excluded = number === '7.12' || number === '8.30';
      const row = sheet.addRow([
        `A.${number}`,
        titleOf(number),
        !excluded,
        excluded ? 'Not relevant to our offices' : 'Risk treatment plan',
        excluded ? '' : 'Implemented',
      ]);
      if (number === '5.1')
        row.getCell(1).value = { richText: [{ text: 'A.' }, { font: { bold: true }, text: '5.1' }] };
      if (number === '5.2')
        row.getCell(4).value = { formula: '"Risk "&"treatment plan"', result: 'Risk treatment plan' };
      if (number === '5.10') {
        row.getCell(1).value = 5.1; // Excel stores "5.10" as the number 5.1; the format shows the zero.
        row.getCell(1).numFmt = '0.00';
      }
      if (number === '5.11') row.getCell(1).value = 5.11;
      if (number === '8.30')
        row.getCell(4).value = { richText: [{ text: 'No development is ' }, { text: 'outsourced' }] };
    }
    sheet.addRow(['A.5.38', 'Invented control', 'Yes', '', '']);
  });

describe('SoA import from Excel', () => {
  it('finds the header below title rows on the first sheet that has one, with version, rich text, booleans and formulas', async () => {
    const parsed = await parseSoaFile('SoA 2024.xlsx', await workbook());
    expect(parsed.version).toBe('1.4');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(94);
    // Excel row numbers: title, version, blank, header, then 5.1 on row 5.
    expect(parsed.rows[0]).toEqual({
      line: 5,
      number: '5.1',
      written: 'A.5.1',
      applicable: true,
      justification: 'Risk treatment plan',
      status: 'Implemented',
    });
    expect(parsed.rows[1]).toMatchObject({ line: 6, number: '5.2', justification: 'Risk treatment plan' });
    expect(parsed.rows[9]).toMatchObject({ line: 14, number: '5.10', written: '5.10' });
    expect(parsed.rows[10]).toMatchObject({ line: 15, number: '5.11' });

    const preview = buildSoaPreview(parsed, annexAControls());
    expect(preview.rows).toBe(94);
    expect(preview.changes).toHaveLength(93);
    expect(preview.excluded).toEqual([
      { number: '7.12', title: titleOf('7.12'), justification: 'Not relevant to our offices' },
      { number: '8.30', title: titleOf('8.30'), justification: 'No development is outsourced' },
    ]);
    expect(preview.unknown).toEqual([{ line: 98, number: 'A.5.38' }]);
    expect(preview.duplicates).toEqual([]);
    expect(preview.missing).toEqual([]);
  });

  it('reads the version from a label cell followed by a value cell, and a workbook with a .csv name by its content', async () => {
    const bytes = await xlsxBytes((wb) => {
      const sheet = wb.addWorksheet('Sheet1');
      sheet.addRow(['Document version', 3]);
      sheet.addRow(['Ref', 'Included', 'Rationale', 'Status']);
      sheet.addRow(['5.1', 'yes', 'Needed', 'Planned']);
    });
    const parsed = await parseSoaFile('export.csv', bytes);
    expect(parsed.version).toBe('3');
    expect(parsed.rows).toEqual([
      { line: 3, number: '5.1', written: '5.1', applicable: true, justification: 'Needed', status: 'Planned' },
    ]);
  });

  it('reads a control cell merged over two rows once, not as a duplicate', async () => {
    const bytes = await xlsxBytes((wb) => {
      const sheet = wb.addWorksheet('SoA');
      sheet.addRow(['Control', 'Applicable', 'Justification']);
      sheet.addRow(['A.5.1', 'Yes', 'Policy set']);
      sheet.addRow(['', '', 'continued on a second row']);
      sheet.mergeCells('A2:A3');
      sheet.mergeCells('B2:B3');
      sheet.addRow(['A.5.2', 'Yes', 'Roles']);
    });
    const preview = buildSoaPreview(await parseSoaFile('soa.xlsx', bytes), annexAControls());
    expect(preview.rows).toBe(2);
    expect(preview.duplicates).toEqual([]);
    expect(preview.changes.map((c) => [c.number, c.after.justification])).toEqual([
      ['5.1', 'Policy set'],
      ['5.2', 'Roles'],
    ]);
  });

  it('rejects a corrupt workbook (ZIP signature followed by junk)', async () => {
    const junk = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(4000, 0x5a)]);
    expect(await rejection(parseSoaFile('soa.xlsx', junk))).toEqual({ code: 'invalid_input', message: UNREADABLE });
  });

  it('rejects a truncated workbook', async () => {
    const bytes = await workbook();
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    expect(await rejection(parseSoaFile('soa.xlsx', half))).toEqual({ code: 'invalid_input', message: UNREADABLE });
  });

  it('rejects a ZIP that holds no workbook (a renamed Word document) as not a spreadsheet', async () => {
    const bytes = Buffer.from(await workbook());
    // Same length, so the archive stays valid, but there is no xl/workbook.xml any more.
    const renamed = Buffer.from(bytes.toString('latin1').replaceAll('xl/workbook.xml', 'xl/document.xml'), 'latin1');
    expect(await rejection(parseSoaFile('soa.xlsx', renamed))).toEqual({
      code: 'invalid_input',
      message: NOT_SPREADSHEET,
    });
  });

  it('refuses a workbook that would unpack to more than 100 MB before unpacking it', async () => {
    const bytes = Buffer.from(await workbook());
    // Declare 200 MB for the first entry of the central directory, as a ZIP bomb would.
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(200 * 1024 * 1024, central + 24);
    expect(await rejection(parseSoaFile('soa.xlsx', bytes))).toEqual({
      code: 'too_large',
      message:
        'The workbook unpacks to more than 100 MB; a Statement of Applicability workbook must unpack to at most 100 MB.',
    });
  });

  it('rejects an Excel 97-2003 workbook and a password-protected one with what to do', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    expect(await rejection(parseSoaFile('soa.xls', ole))).toEqual({
      code: 'invalid_input',
      message: 'This is an Excel 97-2003 workbook (.xls). Save it as .xlsx or CSV in Excel and import that file.',
    });
    expect(await rejection(parseSoaFile('soa.xlsx', ole))).toEqual({
      code: 'invalid_input',
      message: 'The workbook is password-protected. Remove the password in Excel, save it and import it again.',
    });
  });

  it('explains a workbook without an SoA header on any sheet', async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet('Notes').addRow(['Nothing to see']);
      wb.addWorksheet('Data').addRow(['Control', 'Owner']);
    });
    expect(await rejection(parseSoaFile('soa.xlsx', bytes))).toEqual({
      code: 'invalid_input',
      message:
        'The header on row 1 has no applicability column. Add a column "Applicable" with yes or no for each control.',
    });
  });
});
