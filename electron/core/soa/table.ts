/**
 * From a grid of cell texts (one CSV file or one worksheet) to SoA rows: find
 * the header, pick the columns, read every data row.
 */
import { DomainError } from '#shared/api/result';
import {
  EXPECTED_COLUMNS,
  clip,
  headerKind,
  parseApplicability,
  parseControlNumber,
  versionInRow,
  type ColumnKind,
} from './columns';
import type { ParsedSoa, SoaRow } from './parse';

/** One non-blank row; `line` is what the user sees (CSV line, Excel row number). */
export interface GridRow {
  line: number;
  cells: string[];
}

/** The header is searched for in this many non-blank rows from the top. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * Non-blank rows a file or worksheet may have: a Statement of Applicability has
 * one row per control (93 in the 2022 Annex A, a few hundred with sub-rows and
 * notes), so anything far beyond is not one, and reading stops there.
 */
export const SOA_MAX_ROWS = 5000;

export const tooManyRows = (word: RowWord, at: number) =>
  new DomainError(
    'too_large',
    `The file has more than ${SOA_MAX_ROWS.toLocaleString('en')} filled rows (reading stopped at ${word} ${at}); a Statement of Applicability has one row per control. Remove the other rows and import it again.`,
  );

export interface Header {
  index: number;
  line: number;
  columns: Partial<Record<ColumnKind, number>>;
  /** Some SoAs have one justification column for inclusion and another for exclusion. */
  justifications: number[];
}

/** How the user counts rows: lines in a text editor, rows in Excel. */
export type RowWord = 'line' | 'row';

export type HeaderScan = { ok: true; header: Header } | { ok: false; score: number; message: string };

export function scanHeader(grid: readonly GridRow[], word: RowWord = 'line'): HeaderScan {
  let controlOnly: { line: number } | null = null;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const row = grid[index] as GridRow;
    const kinds = row.cells.map(headerKind);
    const controls = kinds.flatMap((k, i) => (k === 'control' ? [i] : []));
    if (controls.length === 0) continue;
    const columns: Partial<Record<ColumnKind, number>> = {};
    kinds.forEach((k, i) => {
      if (k && k !== 'control' && columns[k] === undefined) columns[k] = i;
    });
    if (columns.applicable === undefined) {
      controlOnly ??= { line: row.line };
      continue;
    }
    columns.control = pickControlColumn(grid, index, controls);
    const justifications = kinds.flatMap((k, i) => (k === 'justification' ? [i] : []));
    return { ok: true, header: { index, line: row.line, columns, justifications } };
  }
  if (controlOnly) {
    return {
      ok: false,
      score: 1,
      message: `The header on ${word} ${controlOnly.line} has no applicability column. Add a column "Applicable" with yes or no for each control.`,
    };
  }
  return {
    ok: false,
    score: 0,
    message: `No header row with a control number column was found in the first ${HEADER_SEARCH_ROWS} rows. Expected columns: ${EXPECTED_COLUMNS}.`,
  };
}

/** "Control ID | Control": the column whose cells hold control numbers wins; ties go to the leftmost. */
function pickControlColumn(grid: readonly GridRow[], headerIndex: number, candidates: number[]): number {
  let best = candidates[0] as number;
  let bestCount = -1;
  for (const col of candidates) {
    let count = 0;
    for (let r = headerIndex + 1; r < grid.length; r++) {
      if (parseControlNumber(grid[r]?.cells[col] ?? '')) count++;
    }
    if (count > bestCount) [best, bestCount] = [col, count];
  }
  return best;
}

export function readTable(grid: readonly GridRow[], header: Header, word: RowWord = 'line'): ParsedSoa {
  const { columns } = header;
  const cell = (row: GridRow, kind: ColumnKind) => {
    const i = columns[kind];
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const rows: SoaRow[] = [];
  const problems: ParsedSoa['problems'] = [];
  let version: string | null = null;
  for (let r = 0; r < header.index && version === null; r++) version = versionInRow(grid[r]?.cells ?? []);
  let columnVersion: { value: string; line: number } | null = null;

  for (const row of grid.slice(header.index + 1)) {
    const control = cell(row, 'control');
    const applicableText = cell(row, 'applicable');
    if (control === '') {
      if (applicableText !== '') problems.push({ line: row.line, message: 'No control number on this row' });
      continue;
    }
    const parsed = parseControlNumber(control);
    // A heading such as "A.5 Organizational controls" inside the table: no number, no answer.
    if (!parsed && applicableText === '') continue;
    const applicability = parseApplicability(applicableText);
    if (applicability.value === null) problems.push({ line: row.line, message: applicability.problem });
    rows.push({
      line: row.line,
      number: parsed?.number ?? clip(control, 50),
      written: parsed?.written ?? clip(control, 50),
      applicable: applicability.value,
      justification: header.justifications
        .map((i) => (row.cells[i] ?? '').trim())
        .filter((text) => text !== '')
        .join('\n'),
      status: cell(row, 'status'),
    });
    const rowVersion = cell(row, 'version');
    if (rowVersion === '') continue;
    if (!columnVersion) columnVersion = { value: clip(rowVersion, 50), line: row.line };
    else if (clip(rowVersion, 50) !== columnVersion.value) {
      problems.push({
        line: row.line,
        message: `Version "${clip(rowVersion, 50)}" differs from "${columnVersion.value}" on ${word} ${columnVersion.line}`,
      });
    }
  }
  return { version: version ?? columnVersion?.value ?? null, rows, problems };
}

/**
 * The first worksheet that has a header; throws the clearest message if none
 * has one.
 */
export function bestTable(grids: Iterable<GridRow[]>, word: RowWord): ParsedSoa {
  let failure: { score: number; message: string } | null = null;
  for (const grid of grids) {
    const scan = scanHeader(grid, word);
    if (scan.ok) return readTable(grid, scan.header, word);
    if (!failure || scan.score > failure.score) failure = scan;
  }
  throw new DomainError('invalid_input', failure?.message ?? 'The file has no rows.');
}
