/** Excel workbooks: every worksheet as a grid of the texts Excel displays. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DomainError } from '#shared/api/result';
import { unzipBounded, ZipRefused } from '../files/unzip';
import { SOA_MAX_ROWS, tooManyRows, type GridRow } from './table';

/** A genuine SoA workbook unpacks to a few MB; far more is a damaged or hostile file. Never more is inflated. */
export const XLSX_LIMITS = { unpackedBytes: 100 * 1024 * 1024, entries: 10_000 } as const;

export const UNREADABLE_XLSX =
  'The file could not be read as an Excel workbook; it may be damaged. Open it in Excel, save it again as .xlsx or CSV and import that file.';

const TOO_LARGE =
  'The workbook unpacks to more than 100 MB; a Statement of Applicability workbook must unpack to at most 100 MB.';
const UNDERSTATED =
  'The workbook holds more data than its zip index declares, as zip bombs do; it was not unpacked further. Save it again in Excel as .xlsx or CSV and import that file.';

/**
 * The workbook's parts, unpacked here with limits on the bytes inflated, then
 * handed to exceljs as an uncompressed zip: exceljs inflates whatever it is
 * given, so it never sees anything this check has not already unpacked.
 */
async function checkedWorkbook(bytes: Buffer, notSpreadsheet: string): Promise<Buffer> {
  let parts: Map<string, Buffer>;
  try {
    parts = await unzipBounded(bytes, XLSX_LIMITS);
  } catch (e) {
    if (!(e instanceof ZipRefused)) throw e;
    if (e.problem === 'damaged') throw new DomainError('invalid_input', UNREADABLE_XLSX);
    throw new DomainError('too_large', e.problem === 'understated' ? UNDERSTATED : TOO_LARGE);
  }
  if (parts.size === 0) throw new DomainError('invalid_input', UNREADABLE_XLSX);
  if (!parts.has('xl/workbook.xml')) throw new DomainError('invalid_input', notSpreadsheet);
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content, { createFolders: false, compression: 'STORE' });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

export async function readXlsx(bytes: Buffer, notSpreadsheet: string): Promise<GridRow[][]> {
  const unpacked = await checkedWorkbook(bytes, notSpreadsheet);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(unpacked as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw new DomainError('invalid_input', UNREADABLE_XLSX);
  }
  if (workbook.worksheets.length === 0) throw new DomainError('invalid_input', UNREADABLE_XLSX);
  return workbook.worksheets.map(sheetGrid);
}

function sheetGrid(sheet: ExcelJS.Worksheet): GridRow[] {
  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged range holds its value once, in its top-left cell; the others would read as copies.
      cells[col - 1] = cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell.value, cell.numFmt);
    });
    const filled = Array.from(cells, (c) => (c ?? '').trim());
    if (filled.some((c) => c !== '')) grid.push({ line, cells: filled });
    if (grid.length > SOA_MAX_ROWS) throw tooManyRows('row', line);
  });
  return grid;
}

/** The text the user sees in the cell. */
function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberText(value, numFmt);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result, numFmt);
  if ('error' in value) return value.error;
  // Hyperlink: its text may itself be rich text.
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text, numFmt);
  return '';
}

/** Shows trailing zeros a "0.00" format displays (5.10), and no float noise (0.1 + 0.2). */
function numberText(value: number, numFmt: string | undefined): string {
  const decimals = /^0\.(0+)$/.exec(numFmt ?? '')?.[1]?.length;
  if (decimals !== undefined) return value.toFixed(decimals);
  return String(Number(value.toPrecision(15)));
}
