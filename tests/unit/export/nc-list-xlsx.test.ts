import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NC_LIST_COLUMNS, toXlsx } from '#core/export/nc-list';

const dir = mkdtempSync(join(tmpdir(), 'fw-nc-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Debian's python3-openpyxl loads only in the system interpreter. */
const PYTHON = '/usr/bin/python3';

const row = (number: string, due: string, closed: string) =>
  NC_LIST_COLUMNS.map((c) =>
    c === 'Number' ? number : c === 'Due date' ? due : c === 'Closed on' ? closed : `${c} text`,
  );

describe('NC list XLSX, read back with openpyxl', () => {
  it('has real date cells, an autofilter on the header and a frozen header row', async () => {
    const file = join(dir, 'nc.xlsx');
    writeFileSync(file, await toXlsx([row('NC-01', '2026-04-02', ''), row('NC-02', '', '2026-05-01')], 'NCs'));
    const script =
      'import json, sys, openpyxl\n' +
      'ws = openpyxl.load_workbook(sys.argv[1]).active\n' +
      'head = [c.value for c in ws[1]]\n' +
      'due, closed = head.index("Due date"), head.index("Closed on")\n' +
      'cells = [[(r[due].data_type, r[due].is_date, str(r[due].value)), (r[closed].data_type, str(r[closed].value))] for r in ws.iter_rows(min_row=2)]\n' +
      'print(json.dumps({"head": head, "filter": ws.auto_filter.ref, "frozen": ws.freeze_panes, "cells": cells}))\n';
    const read = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as {
      head: string[];
      filter: string;
      frozen: string;
      cells: unknown[];
    };
    expect(read.head).toEqual([...NC_LIST_COLUMNS]);
    expect(read.head).toEqual(expect.arrayContaining(['Status', 'Due date', 'Verification', 'Closed on']));
    expect(read.filter).toBe('A1:L1');
    expect(read.frozen).toBe('A2');
    expect(read.cells).toEqual([
      [
        ['d', true, '2026-04-02 00:00:00'],
        ['s', ''],
      ],
      [
        ['s', false, ''],
        ['d', '2026-05-01 00:00:00'],
      ],
    ]);
  });
});
