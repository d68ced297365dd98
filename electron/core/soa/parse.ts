/**
 * Statement of Applicability files (CSV or Excel) to rows: control number,
 * applicability, justification, implementation status, and the document's
 * version. Every rejection is a DomainError with a message for the user.
 */
import { DomainError } from '#shared/api/result';
import { decodeText, readCsv } from './csv';
import { checkSoaSize, EMPTY_FILE } from './size';
import { bestTable } from './table';
import { readXlsx, UNREADABLE_XLSX } from './xlsx';

export interface SoaRow {
  /** 1-based line (CSV) or row number (Excel), as the user sees it. */
  line: number;
  /** Normalised control number ("5.1"), or the cell as written when it is not a control number. */
  number: string;
  applicable: boolean | null;
  justification: string;
  status: string;
  /** The control number as written in the file ("A.05.01"), for messages. */
  written?: string;
}

export interface ParsedSoa {
  version: string | null;
  rows: SoaRow[];
  problems: { line: number; message: string }[];
}

export const NOT_SPREADSHEET =
  'The file is not a CSV or Excel file. Save the Statement of Applicability as .xlsx or .csv and import that file.';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** Extensions of documents that are never a table we can read, whatever their bytes look like. */
const FOREIGN = new Set(
  'pdf doc docx docm dot ppt pptx odt odp ods rtf pages numbers key zip png jpg jpeg gif msg eml'.split(' '),
);

const startsWith = (bytes: Buffer, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** An OLE2 container: an old .xls workbook, or a password-protected .xlsx (Excel encrypts into OLE2). */
function oleMessage(ext: string): string {
  if (ext === 'xls') {
    return 'This is an Excel 97-2003 workbook (.xls). Save it as .xlsx or CSV in Excel and import that file.';
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    return 'The workbook is password-protected. Remove the password in Excel, save it and import it again.';
  }
  return NOT_SPREADSHEET;
}

/** No NUL bytes (unless UTF-16 with a BOM) and hardly any control characters in the first 64 KB. */
function looksLikeText(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  return control <= sample.length / 100;
}

export async function parseSoaFile(name: string, bytes: Buffer): Promise<ParsedSoa> {
  checkSoaSize(bytes);
  const ext = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase() ?? '';
  if (FOREIGN.has(ext) || startsWith(bytes, PDF)) throw new DomainError('invalid_input', NOT_SPREADSHEET);
  if (startsWith(bytes, ZIP)) return bestTable(await readXlsx(bytes, NOT_SPREADSHEET), 'row');
  if (startsWith(bytes, OLE)) throw new DomainError('invalid_input', oleMessage(ext));
  if (ext === 'xlsx' || ext === 'xlsm') {
    if (!looksLikeText(bytes)) throw new DomainError('invalid_input', UNREADABLE_XLSX);
  } else if (!looksLikeText(bytes)) throw new DomainError('invalid_input', NOT_SPREADSHEET);
  const text = decodeText(bytes);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new DomainError('invalid_input', EMPTY_FILE);
  return readCsv(text);
}
