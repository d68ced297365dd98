import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { NC_LIST_COLUMNS, toCsv, toXlsx } from '#core/export/nc-list';

const dir = mkdtempSync(join(tmpdir(), 'fw-nc-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Debian's python3-openpyxl loads only in the system interpreter. */
const PYTHON = '/usr/bin/python3';

/** Finding texts an attacker (or a careless paste) could put in a finding, and the cell a correct reader shows. */
const HOSTILE: [text: string, cell: string][] = [
  ["Backups untested;=cmd|' /C calc'!A0", "Backups untested;'=cmd|' /C calc'!A0"],
  ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ['+SUM(1;2)', "'+SUM(1;2)"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\t=1+1', "'\t=1+1"],
  ['\r=1+1', "'\r'=1+1"],
  ['Two lines\n=HYPERLINK("http://x";"y")', 'Two lines\n\'=HYPERLINK("http://x";"y")'],
  ['Quote " and comma, then ;@SUM(A1)', 'Quote " and comma, then ;\'@SUM(A1)'],
  ['After a quote;"=1+1"', 'After a quote;\'"=1+1"'],
  ['Tab\t=1+1 inside', 'Tab\t=1+1 inside'],
  ['Plain text, 5 % done; on track', 'Plain text, 5 % done; on track'],
];
/** A cell a spreadsheet could run: a formula character first, possibly after the quotes that open a quoted cell. */
const FORMULA_START = /^"*[=+\-@\t\r]/;
const rows = [[...NC_LIST_COLUMNS.slice(0, 2)], ...HOSTILE.map(([text], i) => [`NC-${i + 1}`, text])];

/** Python's csv module: a second, independent reader, as a spreadsheet splitting on `delimiter` would. */
function pythonCsv(text: string, delimiter: string): string[][] {
  const file = join(dir, `py-${delimiter === ';' ? 'semicolon' : 'comma'}.csv`);
  writeFileSync(file, text, 'utf8');
  const script =
    'import csv, json, sys\n' +
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n" +
    '    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))\n';
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file, delimiter], { encoding: 'utf8' })) as string[][];
}

describe('NC list CSV: no finding text becomes a live formula, whatever the list separator', () => {
  const csv = toCsv(rows);

  it('read split on "," as written (csv-parse and Python\'s csv): each text one cell, neutralised', () => {
    const strict: string[][] = parse(csv, { bom: true });
    for (const read of [strict, pythonCsv(csv, ',')]) {
      expect(read).toEqual([rows[0], ...HOSTILE.map(([, cell], i) => [`NC-${i + 1}`, cell])]);
      for (const field of read.flat()) expect(field).not.toMatch(FORMULA_START);
    }
  });

  it('read split on ";" as German or French Excel does, quotes honoured only at a cell start: no cell starts a formula', () => {
    // Excel keeps a quote that is not at a cell's start as text; csv-parse does so with relax_quotes, Python always.
    const loose: string[][] = parse(csv, { delimiter: ';', bom: true, relax_quotes: true, relax_column_count: true });
    for (const read of [loose, pythonCsv(csv, ';')]) {
      const fields = read.flat();
      expect(fields.length).toBeGreaterThan(rows.length);
      for (const field of fields) expect(field).not.toMatch(FORMULA_START);
    }
  });

  it('the raw file quotes every field that holds ; , " tab or a line break', () => {
    const body = csv.replace(/^\uFEFF/, '');
    expect(body).toContain("\"Backups untested;'=cmd|' /C calc'!A0\"");
    expect(body).toContain('"Quote "" and comma, then ;\'@SUM(A1)"');
    expect(body).toContain('"Tab\t=1+1 inside"');
    expect(body).toContain('"Plain text, 5 % done; on track"');
    expect(body.split('\r\n')[1]).toBe("NC-1,\"Backups untested;'=cmd|' /C calc'!A0\"");
  });
});

// exceljs and Python take a few seconds to load on a busy machine.
describe('NC list XLSX: finding texts are string cells, never formulas', { timeout: 60_000 }, () => {
  it('openpyxl reads every hostile text back as a string cell with the exact text', async () => {
    const file = join(dir, 'nc.xlsx');
    writeFileSync(file, await toXlsx(rows.slice(1), 'Nonconformities'));
    const script =
      'import json, sys, openpyxl\n' +
      'ws = openpyxl.load_workbook(sys.argv[1]).active\n' +
      'print(json.dumps([[[c.data_type, c.value] for c in row] for row in ws.iter_rows(min_row=2)]))\n';
    const read = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as [string, string][][];
    // XML turns a bare CR into LF when read; everything else is the exact text.
    expect(read.map((r) => r[1])).toEqual(HOSTILE.map(([text]) => ['s', text.replace(/\r/g, '\n')]));
  });
});
