/** CSV files: text decoding, delimiter detection and line numbers as an editor shows them. */
import { DomainError } from '#shared/api/result';
import { csvRows } from './csv-rows';
import type { ParsedSoa } from './parse';
import { HEADER_SEARCH_ROWS, readTable, scanHeader, SOA_MAX_ROWS, tooManyRows, type GridRow } from './table';

const DELIMITERS = [',', ';', '\t'] as const;
/** Lines read to find the header: its 20 rows, even with multi-line cells above it. */
const PROBE_LINES = 500;

/** UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as older Excel versions save CSV. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
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
