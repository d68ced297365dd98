/**
 * A small CSV tokenizer for SoA files: non-blank records with the line each
 * starts on, as an editor counts lines. Blank lines cost one character test
 * each, and reading stops once more rows than a Statement of Applicability can
 * have were seen, so a 5 MB file of empty or junk rows is read in milliseconds.
 * Quotes are honoured at a field's start only (as spreadsheet apps do); a quote
 * inside an unquoted field is text.
 */
import type { GridRow } from './table';

export type CsvProblem = { kind: 'unclosed' | 'misplaced'; line: number };

export interface CsvRows {
  rows: GridRow[];
  /** True when reading stopped because more than `maxRows` non-blank rows were found. */
  overflow: boolean;
}

const LF = 10;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

/**
 * `text` has LF line ends only. Reads up to line `toLine` (inclusive) when
 * given; stops after `maxRows` + 1 non-blank rows. Returns a CsvProblem for a
 * quote that is never closed or text right after a closing quote.
 */
export function csvRows(
  text: string,
  delimiter: string,
  opts: { maxRows: number; toLine?: number },
): CsvRows | CsvProblem {
  const delim = delimiter.charCodeAt(0);
  const isPad = (c: number) => c === SPACE || (c === TAB && delim !== TAB);
  const n = text.length;
  const rows: GridRow[] = [];
  let i = 0;
  let line = 1;
  while (i < n && (opts.toLine === undefined || line <= opts.toLine)) {
    if (text.charCodeAt(i) === LF) {
      i++;
      line++;
      continue;
    }
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let j = i;
      while (j < n && isPad(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === QUOTE) {
        let value = '';
        let k = j + 1;
        for (;;) {
          const q = text.indexOf('"', k);
          if (q < 0) return { kind: 'unclosed', line: start };
          value += text.slice(k, q);
          for (let p = k; p < q; p++) if (text.charCodeAt(p) === LF) line++;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            k = q + 2;
            continue;
          }
          k = q + 1;
          break;
        }
        while (k < n && isPad(text.charCodeAt(k))) k++;
        if (k < n && text.charCodeAt(k) !== delim && text.charCodeAt(k) !== LF)
          return { kind: 'misplaced', line: start };
        cells.push(value);
        i = k;
      } else {
        let k = j;
        while (k < n && text.charCodeAt(k) !== delim && text.charCodeAt(k) !== LF) k++;
        cells.push(text.slice(j, k).trim());
        i = k;
      }
      if (i >= n) break;
      if (text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      i++; // the line feed ending the record
      line++;
      break;
    }
    if (cells.some((c) => c !== '')) {
      rows.push({ line: start, cells });
      if (rows.length > opts.maxRows) return { rows, overflow: true };
    }
  }
  return { rows, overflow: false };
}
