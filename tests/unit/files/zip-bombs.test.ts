import { describe, expect, it } from 'vitest';
import { unzipWork } from '#core/files/unzip';
import { verifyPackage } from '#core/signing/package-verify';
import { parseSoaFile } from '#core/soa/parse';
import { sampleDocx } from '../signing/fixtures';
import { ANNEX_A_NUMBERS, HEADER, rejection, soaLines, toCells, xlsxBytes } from '../soa/soa-helpers';
import { entriesOf, writeZip, zeros } from './zip-writer';

// 200 MiB of zeros deflate to about 200 KB, well under the 5 MB SoA limit.
const BOMB_MB = 200;
/** The bomb's headers claim 4 KB: what a reader that trusts them would expect to inflate. */
const DECLARED = 4096;
/** The reader may overrun an entry's declared size by one inflate step (64 KiB) before it stops. */
const MAX_INFLATED = 1024 * 1024;

const inflatedDuring = async (work: () => Promise<unknown>) => {
  const before = unzipWork.inflatedBytes;
  const outcome = await work().then(
    () => null,
    (e: unknown) => e,
  );
  return { outcome, inflated: unzipWork.inflatedBytes - before };
};

async function soaWorkbook(): Promise<Buffer> {
  return xlsxBytes((wb) => {
    const sheet = wb.addWorksheet('SoA');
    sheet.addRow(HEADER);
    for (const line of soaLines(ANNEX_A_NUMBERS)) sheet.addRow(toCells(line));
  });
}

describe(
  'zip bombs that understate their size are stopped after inflating about what they declare',
  { timeout: 120_000 },
  () => {
    it('SoA import: an XLSX with 200 MiB of zeros declared as 4 KB is refused, having inflated under 1 MiB', async () => {
      const parts = await entriesOf(await soaWorkbook());
      // The same parts written by the test's own ZIP writer import fine: the writer is not what is refused.
      const honest = writeZip(parts);
      expect((await parseSoaFile('soa.xlsx', honest)).rows).toHaveLength(93);

      const bomb = writeZip([
        ...parts,
        { name: 'xl/media/filler.bin', content: zeros(BOMB_MB), declaredSize: DECLARED },
      ]);
      expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
      const { outcome, inflated } = await inflatedDuring(() => parseSoaFile('soa.xlsx', bomb));
      expect(outcome).toMatchObject({
        code: 'too_large',
        message:
          'The workbook holds more data than its zip index declares, as zip bombs do; it was not unpacked further. Save it again in Excel as .xlsx or CSV and import that file.',
      });
      expect(inflated).toBeGreaterThan(DECLARED);
      expect(inflated).toBeLessThan(MAX_INFLATED);
    });

    it('SoA import: the worksheet itself understated is refused the same way', async () => {
      const parts = await entriesOf(await soaWorkbook());
      const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
      const padded = Buffer.concat([sheet.content, zeros(BOMB_MB)]);
      const bomb = writeZip(
        parts.map((p) => (p === sheet ? { ...p, content: padded, declaredSize: p.content.length } : p)),
      );
      const { outcome, inflated } = await inflatedDuring(() => parseSoaFile('soa.xlsx', bomb));
      expect(outcome).toMatchObject({ code: 'too_large' });
      expect(inflated).toBeLessThan(MAX_INFLATED);
    });

    it('Check a document / fieldwork verify: a DOCX with 200 MiB declared as 4 KB is refused, having inflated under 1 MiB', async () => {
      const parts = await entriesOf(await sampleDocx());
      expect(await verifyPackage(writeZip(parts))).toMatchObject({ status: 'unsigned' });

      const bomb = writeZip([
        ...parts,
        { name: 'word/media/filler.bin', content: zeros(BOMB_MB), declaredSize: DECLARED },
      ]);
      const { outcome, inflated } = await inflatedDuring(() => verifyPackage(bomb));
      expect(outcome).toMatchObject({
        code: 'too_large',
        message:
          'This document holds more data than its zip index declares, as zip bombs do; it was not unpacked further.',
      });
      expect(inflated).toBeLessThan(MAX_INFLATED);
    });

    it('a DOCX whose honest sizes add up to more than 512 MB is refused before anything is inflated', async () => {
      const parts = await entriesOf(await sampleDocx());
      // Three stored-size claims of 200 MB each: honest headers, nothing inflated to find out.
      const claims = [1, 2, 3].map((i) => ({
        name: `word/media/big${i}.bin`,
        content: zeros(1),
        declaredSize: 200 * 1024 * 1024,
      }));
      const { outcome, inflated } = await inflatedDuring(() => verifyPackage(writeZip([...claims, ...parts])));
      expect(outcome).toMatchObject({ code: 'too_large' });
      expect(inflated).toBe(0);
    });

    it('a DOCX of more than 10,000 entries is refused before anything is inflated', async () => {
      const parts = await entriesOf(await sampleDocx());
      const filler = Array.from({ length: 10_001 - parts.length }, (_, i) => ({
        name: `word/media/f${i}.bin`,
        content: Buffer.from('x'),
      }));
      const { outcome, inflated } = await inflatedDuring(() => verifyPackage(writeZip([...parts, ...filler])));
      expect(outcome).toMatchObject({
        code: 'too_large',
        message: 'This document is too large to check (over 512 MB unpacked or 10,000 parts).',
      });
      expect(inflated).toBe(0);
    });

    it('an entry whose content does not match its CRC is refused as not a DOCX', async () => {
      const parts = await entriesOf(await sampleDocx());
      const bytes = writeZip(parts);
      // Flip a byte of the first entry's stored CRC in the central directory.
      const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      bytes.writeUInt8(bytes.readUInt8(central + 16) ^ 0xff, central + 16);
      expect(await rejection(verifyPackage(bytes))).toEqual({
        code: 'invalid_input',
        message: 'This file is not a Word document (DOCX).',
      });
    });
  },
);
