import { describe, expect, it } from 'vitest';
import { SOA_MAX_BYTES } from '#shared/domain/checklist';
import { parseSoaFile } from '#core/soa/parse';
import { ANNEX_A_NUMBERS, HEADER, csvText, rejection, soaLines, toCells } from './soa-helpers';

const soa = csvText([HEADER, ...soaLines(ANNEX_A_NUMBERS).map(toCells)]);
/** Lines of `unit` filling the file up to the 5 MB limit. */
const fill = (unit: string, used: number) => unit.repeat(Math.floor((SOA_MAX_BYTES - used) / unit.length));

describe('SoA CSV files of millions of rows', () => {
  it('2.5 million empty rows after a real SoA: the 93 controls are read, with their line numbers', async () => {
    for (const unit of ['\r\n', ',\n', ' , \n']) {
      const blanks = fill(unit, soa.length + 20);
      // Some of the blanks between the header and the rows, the rest after them.
      const text = soa.replace('\n', `\n${blanks.slice(0, 10 * unit.length)}`) + blanks.slice(10 * unit.length);
      expect(text.length).toBeGreaterThan(SOA_MAX_BYTES - 1000);
      const parsed = await parseSoaFile('soa.csv', Buffer.from(text));
      expect(parsed.rows).toHaveLength(93);
      expect(parsed.rows[0]).toMatchObject({ line: 12, number: '5.1' });
      expect(parsed.rows.at(-1)).toMatchObject({ line: 104, number: '8.34' });
      expect(parsed.problems).toEqual([]);
    }
  });

  it('more than 5,000 filled rows are refused, and reading stops at the row past the limit', async () => {
    const text = soa + fill('x\n', soa.length);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SOA_MAX_BYTES);
    expect(await rejection(parseSoaFile('soa.csv', Buffer.from(text)))).toEqual({
      code: 'too_large',
      message:
        'The file has more than 5,000 filled rows (reading stopped at line 5001); a Statement of Applicability has one row per control. Remove the other rows and import it again.',
    });
  });

  it('5,000 filled rows are still read', async () => {
    const rows = [HEADER, ...soaLines(ANNEX_A_NUMBERS).map(toCells)];
    const notes = Array.from({ length: 5000 - rows.length }, (_, i) => [`Note ${i}`, '', '', '']);
    const parsed = await parseSoaFile('soa.csv', Buffer.from(csvText([...rows, ...notes])));
    expect(parsed.rows).toHaveLength(93);
  });
});
