import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSoaFile } from '#core/soa/parse';
import { buildSoaPreview } from '#core/soa/preview';
import { ANNEX_A_NUMBERS, HEADER, annexAControls, csvText, soaLines, titleOf, toCells } from './soa-helpers';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/soa/${name}`, import.meta.url));

const EXCLUDED = {
  '5.23': 'No cloud services are used; all systems run on premises.',
  '7.12': 'Offices are rented; the landlord owns and maintains all cabling.',
  '8.30': 'No development is outsourced.',
};
const expectedExcluded = Object.entries(EXCLUDED).map(([number, justification]) => ({
  number,
  title: titleOf(number),
  justification,
}));

async function previewOf(name: string, text: string | Buffer) {
  const parsed = await parseSoaFile(name, Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'));
  return buildSoaPreview(parsed, annexAControls());
}

describe('SoA import from CSV', () => {
  it('reads a comma CSV of all 93 controls with three exclusions and the version above the header', async () => {
    const preview = await previewOf('soa.csv', fixture('soa-93-three-excluded.csv'));
    expect(preview.version).toBe('2.1');
    expect(preview.rows).toBe(93);
    expect(preview.changes).toHaveLength(93);
    expect(preview.unchanged).toBe(0);
    expect(preview.excluded).toEqual(expectedExcluded);
    expect(preview.missing).toEqual([]);
    expect(preview.unknown).toEqual([]);
    expect(preview.duplicates).toEqual([]);
    expect(preview.problems).toEqual([]);
    expect(preview.changes.find((c) => c.number === '7.12')).toEqual({
      ref: 'A.7.12',
      number: '7.12',
      title: titleOf('7.12'),
      before: null,
      after: { applicable: false, justification: EXCLUDED['7.12'], status: 'Not applicable' },
    });
    expect(preview.changes[0]?.after).toEqual({
      applicable: true,
      justification: 'Risk treatment for 5.1',
      status: 'Implemented',
    });
  });

  it('reads a semicolon CSV with BOM, CRLF, title rows and quoted ; newlines and quotes', async () => {
    const bytes = fixture('soa-semicolon-bom.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = await parseSoaFile('SoA export.csv', bytes);
    expect(parsed.version).toBe('3.0');
    expect(parsed.rows).toHaveLength(93);
    expect(parsed.rows[0]).toEqual({
      line: 5,
      number: '5.1',
      written: 'A.5.1',
      applicable: true,
      justification: 'Policy set approved; reviewed yearly by the "ISMS board"\nSee policy register; section 2',
      status: 'Implemented',
    });
    // The quoted field spans lines 5-6, so the next control is on line 7, the last on 98.
    expect(parsed.rows[1]).toMatchObject({
      line: 7,
      number: '5.2',
      justification: 'Roles defined in the RACI; owner: CISO',
    });
    expect(parsed.rows.at(-1)).toMatchObject({ line: 98, number: '8.34' });
    const preview = buildSoaPreview(parsed, annexAControls());
    expect(preview.excluded).toEqual(expectedExcluded);
    expect(preview.missing).toEqual([]);
    expect(preview.problems).toEqual([]);
  });

  it('lists unknown control numbers with their line, as written', async () => {
    const rows = [HEADER, ...soaLines(ANNEX_A_NUMBERS).map(toCells)];
    rows.splice(10, 0, ['5.38', 'Yes', 'Typo', 'Implemented']);
    rows.splice(20, 0, ['A.9.1', 'Yes', 'From the 2013 SoA', 'Implemented']);
    rows.push(['A.9.1.1', 'no', 'Old numbering', '']);
    const preview = await previewOf('soa.csv', csvText(rows));
    expect(preview.unknown).toEqual([
      { line: 11, number: '5.38' },
      { line: 21, number: 'A.9.1' },
      { line: 97, number: 'A.9.1.1' },
    ]);
    expect(preview.rows).toBe(96);
    expect(preview.changes).toHaveLength(93);
    expect(preview.missing).toEqual([]);
  });

  it('lists a duplicate with the line of its second occurrence; the first row wins', async () => {
    const rows = [HEADER, ...soaLines(ANNEX_A_NUMBERS).map(toCells)];
    rows.push(['A.5.1', 'No', 'Second thoughts', '']);
    const preview = await previewOf('soa.csv', csvText(rows));
    expect(preview.duplicates).toEqual([{ line: 95, number: '5.1' }]);
    expect(preview.changes.filter((c) => c.number === '5.1').map((c) => c.after.justification)).toEqual([
      'Risk treatment for 5.1',
    ]);
    expect(preview.excluded).toEqual([]);
    expect(preview.unknown).toEqual([]);
  });

  it('lists the controls missing from a file of 90 rows, with their titles', async () => {
    const numbers = ANNEX_A_NUMBERS.filter((n) => !['5.7', '6.3', '8.34'].includes(n));
    const preview = await previewOf('soa.csv', csvText([HEADER, ...soaLines(numbers).map(toCells)]));
    expect(preview.rows).toBe(90);
    expect(preview.changes).toHaveLength(90);
    expect(preview.missing).toEqual([
      { number: '5.7', title: titleOf('5.7') },
      { number: '6.3', title: titleOf('6.3') },
      { number: '8.34', title: titleOf('8.34') },
    ]);
  });

  it('accepts the ways people write control numbers and yes/no', async () => {
    const text = [
      'ID,Control,Applicability,Reason,Implemented',
      '1,A 5.1 Policies for information security,y,r1,yes',
      '2,a.05.02,TRUE,r2,partly',
      '3,Control 5.10,x,r3,',
      '4,5.11 Return of assets,Not applicable,Only leased laptops,',
      '5,A5.12,n/a,None,',
      '6,5.13,Nein,Keine,',
      ',"A.6 People controls",,,',
      '7,5.14,maybe,r7,',
      '8,5.15,,r8,',
    ].join('\r\n');
    const parsed = await parseSoaFile('mixed.txt', Buffer.from(text));
    expect(parsed.rows.map((r) => [r.line, r.number, r.applicable, r.justification])).toEqual([
      [2, '5.1', true, 'r1'],
      [3, '5.2', true, 'r2'],
      [4, '5.10', true, 'r3'],
      [5, '5.11', false, 'Only leased laptops'],
      [6, '5.12', false, 'None'],
      [7, '5.13', false, 'Keine'],
      [9, '5.14', null, 'r7'],
      [10, '5.15', null, 'r8'],
    ]);
    expect(parsed.rows[1]?.status).toBe('partly');
    expect(parsed.problems).toEqual([
      { line: 9, message: 'Applicability "maybe" is neither yes nor no' },
      { line: 10, message: 'Applicability is empty; expected yes or no' },
    ]);
    const preview = buildSoaPreview(parsed, annexAControls());
    // Rows without a yes/no are not applied, and their controls are not reported missing.
    expect(preview.changes.map((c) => c.number)).toEqual(['5.1', '5.2', '5.10', '5.11', '5.12', '5.13']);
    expect(preview.missing).toHaveLength(93 - 8);
  });

  it('reads a file without an extension by its content', async () => {
    const parsed = await parseSoaFile('soa', Buffer.from('Control;Applicable\n5.1;ja\n'));
    expect(parsed.rows).toEqual([
      { line: 2, number: '5.1', written: '5.1', applicable: true, justification: '', status: '' },
    ]);
    expect(parsed.version).toBeNull();
  });

  it('reads UTF-16 tab-separated text as Excel saves "Unicode Text"', async () => {
    const text = '\uFEFFControl\tApplicable\tJustification\r\nA.5.1\tNo\tGeré par le siège\r\n';
    const parsed = await parseSoaFile('soa.txt', Buffer.from(text, 'utf16le'));
    expect(parsed.rows).toEqual([
      { line: 2, number: '5.1', written: 'A.5.1', applicable: false, justification: 'Geré par le siège', status: '' },
    ]);
  });

  // Bytes written by hand from the code page tables, not by the decoder under test:
  // Windows-1252 0x96 = "–", 0x80 = "€", 0x93/0x94 = curly double quotes, 0x92 = right single quote.
  it('reads Windows-1252 en dashes, euro signs and curly quotes as Excel saves them', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Control;Applicable;Justification\r\n5.1;No;Budget 2024 '),
      Buffer.from([0x96]),
      Buffer.from(' 5 000 '),
      Buffer.from([0x80]),
      Buffer.from(' for the '),
      Buffer.from([0x93]),
      Buffer.from('core'),
      Buffer.from([0x94]),
      Buffer.from(' team'),
      Buffer.from([0x92]),
      Buffer.from('s work\r\n'),
    ]);
    const parsed = await parseSoaFile('soa.csv', bytes);
    expect(parsed.rows[0]?.justification).toBe(
      'Budget 2024 \u2013 5 000 \u20ac for the \u201ccore\u201d team\u2019s work',
    );
  });

  it('reads UTF-16 big-endian and little-endian files with the same dashes, euros and quotes', async () => {
    const text = 'Control\tApplicable\tJustification\r\n5.1\tNo\t\u2013 \u20ac \u201cq\u201d \u2019\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    // Big-endian: swap each UTF-16 code unit of the little-endian bytes.
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const bytes of [le, be]) {
      const parsed = await parseSoaFile('soa.txt', bytes);
      expect(parsed.rows[0]?.justification).toBe('\u2013 \u20ac \u201cq\u201d \u2019');
    }
  });

  it('reads UTF-8 with and without a BOM', async () => {
    const text = 'Control;Applicable;Justification\n5.1;No;\u2013 \u20ac \u201cq\u201d\n';
    for (const bytes of [
      Buffer.from(text, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    ]) {
      const parsed = await parseSoaFile('soa.csv', bytes);
      expect(parsed.rows[0]?.number).toBe('5.1');
      expect(parsed.rows[0]?.justification).toBe('\u2013 \u20ac \u201cq\u201d');
    }
  });

  it('reads Windows-1252 text as older Excel versions save it', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Control;Applicable;Justification\n5.1;oui;R'),
      Buffer.from([0xe9]),
      Buffer.from('sum\n'),
    ]);
    const parsed = await parseSoaFile('soa.csv', bytes);
    expect(parsed.rows[0]?.justification).toBe('Résum');
  });
});
