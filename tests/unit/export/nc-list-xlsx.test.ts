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

type Column = (typeof NC_LIST_COLUMNS)[number];
const row = (cells: Partial<Record<Column, string>>) => NC_LIST_COLUMNS.map((c) => cells[c] ?? '');

describe('NC list XLSX, read back with openpyxl', { timeout: 60_000 }, () => {
  it('has client, audit and report number on each row, real date cells, an autofilter over the table and a frozen header', async () => {
    const file = join(dir, 'nc.xlsx');
    const common = { Client: 'Acme Ltd', Audit: 'Stage 2 2026-03-02', 'Report number': 'EC-2026-001' };
    const rows = [
      row({ ...common, Finding: 'ST2-NC-01', Status: 'Open', 'Due date': '2026-04-02' }),
      row({
        ...common,
        Finding: 'ST2-NC-02',
        Status: 'Closed',
        'Response received': '2026-03-20',
        'Verified on': '2026-04-01',
        'Verified by': 'Lena Lead',
        Verification: 'Effective (document review): Records seen',
        'Closed on': '2026-05-01',
      }),
    ];
    writeFileSync(file, await toXlsx(rows, 'NCs'));
    const script = [
      'import json, sys, openpyxl',
      'ws = openpyxl.load_workbook(sys.argv[1]).active',
      'head = [c.value for c in ws[1]]',
      // Each cell as openpyxl sees it: its type ("s" text, "d" date, "n" number), whether a date, its value.
      'cell = lambda c: [c.data_type, c.is_date, None if c.value is None else str(c.value)]',
      'rows = [{h: cell(c) for h, c in zip(head, r)} for r in ws.iter_rows(min_row=2)]',
      'print(json.dumps({"head": head, "filter": ws.auto_filter.ref, "frozen": ws.freeze_panes, "bold": ws["A1"].font.b, "rows": rows}))',
    ].join('\n');
    const read = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as {
      head: string[];
      filter: string;
      frozen: string;
      bold: boolean;
      rows: Record<Column, [string, boolean, string | null]>[];
    };
    expect(read.head).toEqual([...NC_LIST_COLUMNS]);
    expect(read.head.slice(0, 4)).toEqual(['Client', 'Audit', 'Report number', 'Finding']);
    // The filter spans the header and both rows (19 columns: A to S); the header row stays in view.
    expect(read.filter).toBe('A1:S3');
    expect(read.frozen).toBe('A2');
    expect(read.bold).toBe(true);
    const [open, closed] = read.rows as [Record<Column, [string, boolean, string | null]>, (typeof read.rows)[0]];
    expect(open.Client).toEqual(['s', false, 'Acme Ltd']);
    expect(open.Audit).toEqual(['s', false, 'Stage 2 2026-03-02']);
    expect(open['Report number']).toEqual(['s', false, 'EC-2026-001']);
    expect(open.Finding).toEqual(['s', false, 'ST2-NC-01']);
    expect(open['Due date']).toEqual(['d', true, '2026-04-02 00:00:00']);
    // Empty cells stay empty, never the text "undefined" or a zero date.
    expect(open['Closed on'][2]).toBeNull();
    expect(closed.Status).toEqual(['s', false, 'Closed']);
    for (const [column, day] of [
      ['Response received', '2026-03-20'],
      ['Verified on', '2026-04-01'],
      ['Closed on', '2026-05-01'],
    ] as const) {
      expect(closed[column]).toEqual(['d', true, `${day} 00:00:00`]);
    }
    expect(closed['Verified by']).toEqual(['s', false, 'Lena Lead']);
  });
});
