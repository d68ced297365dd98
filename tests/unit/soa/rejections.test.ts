import { describe, expect, it } from 'vitest';
import { SOA_MAX_BYTES } from '#shared/domain/checklist';
import { parseSoaFile } from '#core/soa/parse';
import { ANNEX_A_NUMBERS, HEADER, csvText, rejection, soaLines, toCells } from './soa-helpers';

const NOT_SPREADSHEET =
  'The file is not a CSV or Excel file. Save the Statement of Applicability as .xlsx or .csv and import that file.';
const NO_CONTROL_COLUMN =
  'No header row with a control number column was found in the first 20 rows. Expected columns: "Control" (or "Control number", "Ref", "Annex A", "ID"), "Applicable" (yes or no), "Justification" and "Status".';

describe('SoA files that are refused, with the message the user sees', () => {
  it('refuses an empty file and a whitespace-only file', async () => {
    const empty = { code: 'invalid_input', message: 'The file is empty.' };
    expect(await rejection(parseSoaFile('soa.csv', Buffer.alloc(0)))).toEqual(empty);
    expect(await rejection(parseSoaFile('soa.xlsx', Buffer.alloc(0)))).toEqual(empty);
    expect(await rejection(parseSoaFile('soa.csv', Buffer.from(' \r\n\t\n  \n')))).toEqual(empty);
    expect(await rejection(parseSoaFile('soa.csv', Buffer.from('\uFEFF\n\n')))).toEqual(empty);
  });

  it('refuses a 50 MB file by its size before reading any of it', async () => {
    // Zero bytes would be "not a CSV or Excel file" if the content were looked at first.
    const huge = Buffer.alloc(50 * 1024 * 1024);
    expect(await rejection(parseSoaFile('soa.csv', huge))).toEqual({
      code: 'too_large',
      message: 'The file is 50.0 MB; a Statement of Applicability file must be at most 5 MB.',
    });
    expect(await rejection(parseSoaFile('soa.xlsx', Buffer.alloc(SOA_MAX_BYTES + 1)))).toEqual({
      code: 'too_large',
      message: 'The file is 5.1 MB; a Statement of Applicability file must be at most 5 MB.',
    });
  });

  it('accepts a file of exactly 5 MB', async () => {
    const rows = [HEADER, ...soaLines(ANNEX_A_NUMBERS).map(toCells)];
    const text = csvText(rows);
    const padded = text.replace('Risk treatment for 5.1', 'x'.repeat(SOA_MAX_BYTES - text.length + 22));
    expect(Buffer.byteLength(padded)).toBe(SOA_MAX_BYTES);
    const parsed = await parseSoaFile('soa.csv', Buffer.from(padded));
    expect(parsed.rows).toHaveLength(93);
  });

  it('refuses a header without a control number column, naming the columns expected', async () => {
    const text = 'Title,Applicable,Justification\nPolicies,yes,Needed\n';
    expect(await rejection(parseSoaFile('soa.csv', Buffer.from(text)))).toEqual({
      code: 'invalid_input',
      message: NO_CONTROL_COLUMN,
    });
  });

  it('refuses a header that has a control column but no applicability column', async () => {
    const text = 'Statement of Applicability\nControl;Justification;Status\n5.1;Needed;Done\n';
    expect(await rejection(parseSoaFile('soa.csv', Buffer.from(text)))).toEqual({
      code: 'invalid_input',
      message:
        'The header on line 2 has no applicability column. Add a column "Applicable" with yes or no for each control.',
    });
  });

  it('does not look for the header below the first 20 rows', async () => {
    const title = Array.from({ length: 20 }, (_, i) => `Note ${i + 1}`).join('\n');
    const text = `${title}\nControl,Applicable\n5.1,yes\n`;
    expect(await rejection(parseSoaFile('soa.csv', Buffer.from(text)))).toEqual({
      code: 'invalid_input',
      message: NO_CONTROL_COLUMN,
    });
  });

  it('refuses PDF, Word and other binary files as not CSV or Excel', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.from([0, 1, 2, 3, 255])]);
    const docx = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(500, 1)]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const outcome = { code: 'invalid_input', message: NOT_SPREADSHEET };
    expect(await rejection(parseSoaFile('soa.pdf', pdf))).toEqual(outcome);
    expect(await rejection(parseSoaFile('soa.csv', pdf))).toEqual(outcome);
    expect(await rejection(parseSoaFile('SoA.docx', docx))).toEqual(outcome);
    expect(await rejection(parseSoaFile('soa', png))).toEqual(outcome);
    // Even a text file, if it is named as a document we cannot read.
    expect(await rejection(parseSoaFile('soa.docx', Buffer.from('Control,Applicable\n5.1,yes\n')))).toEqual(outcome);
  });

  it('names the line of a quote that is never closed', async () => {
    const text = 'Control,Applicable,Justification\n5.1,yes,Fine\n5.2,yes,"Unfinished\n5.3,yes,x\n';
    expect(await rejection(parseSoaFile('soa.csv', Buffer.from(text)))).toEqual({
      code: 'invalid_input',
      message: 'The CSV file could not be read: the quoted field starting on line 3 is never closed.',
    });
  });
});
