/** CSV files: text decoding, delimiter detection and line numbers as an editor shows them. */
import iconv from 'iconv-lite';
import { DomainError } from '#shared/api/result';
import { csvRows } from './csv-rows';
import type { ParsedSoa } from './parse';
import { HEADER_SEARCH_ROWS, readTable, scanHeader, SOA_MAX_ROWS, tooManyRows, type GridRow } from './table';

const DELIMITERS = [',', ';', '\t'] as const;
/** Lines read to find the header: its 20 rows, even with multi-line cells above it. */
const PROBE_LINES = 500;

/**
 * UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, else Windows-1252 as older Excel versions save CSV.
 * iconv-lite, not TextDecoder: Node built with small ICU decodes 'windows-1252' as Latin-1, so "–", "€" and
 * curly quotes (0x80–0x9F) came out as invisible control characters.
 */
export function decodeText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf-16le', { stripBOM: false });
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf-16be', { stripBOM: false });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(buffer, 'windows-1252');
  }
}

export function readCsv(text: string): ParsedSoa {
  // One line-ending style, so line numbers match the editor's.
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let failure: { score: number; message: string } | null = null;
  let syntaxError: DomainError | null = null;
  for (const [i, delimiter] of delimiterOrder(clean).entries()) {
    // Find the header in the top of the file first: a wrong delimiter costs little on a large file.
    const probe = toGrid(clean, delimiter, PROBE_LINES);
    if (probe instanceof DomainError) {
      if (i === 0) syntaxError = probe;
      continue;
    }
    const scan = scanHeader(probe);
    if (scan.ok) {
      const grid = toGrid(clean, delimiter);
      if (grid instanceof DomainError) throw grid;
      return readTable(grid, scan.header);
    }
    if (!failure || scan.score > failure.score) failure = scan;
  }
  // A CSV syntax error only matters if no delimiter gives a header.
  throw syntaxError ?? new DomainError('invalid_input', failure?.message ?? 'The file has no rows.');
}

/** By how often each delimiter appears in the lines where the header can be. */
function delimiterOrder(text: string): string[] {
  const top = text.split('\n', HEADER_SEARCH_ROWS * 2).join('\n');
  const count = (d: string) => top.split(d).length - 1;
  return [...DELIMITERS].sort((a, b) => count(b) - count(a));
}

function toGrid(text: string, delimiter: string, toLine?: number): GridRow[] | DomainError {
  const read = csvRows(text, delimiter, { maxRows: SOA_MAX_ROWS, ...(toLine === undefined ? {} : { toLine }) });
  if ('kind' in read) {
    return new DomainError(
      'invalid_input',
      read.kind === 'unclosed'
        ? `The CSV file could not be read: the quoted field starting on line ${read.line} is never closed.`
        : `The CSV file could not be read: line ${read.line} has a misplaced quote.`,
    );
  }
  if (read.overflow) throw tooManyRows('line', read.rows.at(-1)!.line);
  return read.rows;
}
