/** Excel workbooks: every worksheet as a grid of the texts Excel displays. */
import ExcelJS from 'exceljs';
import { DomainError } from '#shared/api/result';
import type { GridRow } from './table';
import { readZipDirectory } from './zip';

/** A genuine SoA workbook unpacks to a few MB; far more is a damaged or hostile file. */
export const XLSX_MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export const UNREADABLE_XLSX =
  'The file could not be read as an Excel workbook; it may be damaged. Open it in Excel, save it again as .xlsx or CSV and import that file.';

export async function readXlsx(bytes: Buffer, notSpreadsheet: string): Promise<GridRow[][]> {
  const directory = readZipDirectory(bytes);
  if (!directory) throw new DomainError('invalid_input', UNREADABLE_XLSX);
  if (directory.names.length > 0 && !directory.names.includes('xl/workbook.xml')) {
    throw new DomainError('invalid_input', notSpreadsheet);
  }
  if (directory.unpackedBytes !== null && directory.unpackedBytes > XLSX_MAX_UNPACKED_BYTES) {
    const mb = (directory.unpackedBytes / 1024 / 1024).toFixed(0);
    throw new DomainError(
      'too_large',
      `The workbook unpacks to ${mb} MB; a Statement of Applicability workbook must unpack to at most 100 MB.`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
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
