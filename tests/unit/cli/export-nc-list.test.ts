import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { newId } from '#core/ids';
import { value } from '../../helpers/backend';
import { CLI, REPO_ROOT } from '../../helpers/serve';
import { issueFinding, resolveNc, stage2InProgress } from '../programme/helpers';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** Reads the workbook with openpyxl (Debian's python3-openpyxl): a different library from the writer. */
function readXlsx(file: string): { sheets: string[]; rows: (string | null)[][] } {
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'ws = wb.worksheets[0]',
    // Date cells come back as datetimes: written as "date:YYYY-MM-DD" so the test sees they are real dates.
    'day = lambda v: "date:" + v.date().isoformat() if hasattr(v, "date") else v',
    'rows = [[day(c) for c in r] for r in ws.iter_rows(values_only=True)]',
    'print(json.dumps({"sheets": wb.sheetnames, "rows": rows}))',
  ].join('\n');
  const r = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openpyxl could not read the file: ${r.stderr}`);
  return JSON.parse(r.stdout) as { sheets: string[]; rows: (string | null)[][] };
}

const HEADER = [
  'Client',
  'Audit',
  'Report number',
  'Finding',
  'Type',
  'Requirement',
  'Statement',
  'Evidence summary',
  'Status',
  'Due date',
  'Response received',
  'Correction',
  'Root cause',
  'Corrective action',
  'Responsible',
  'Verified on',
  'Verified by',
  'Verification',
  'Closed on',
];
/** A row as a record by column, so the checks read by name. */
const byColumn = (row: readonly (string | null)[]) =>
  Object.fromEntries(HEADER.map((h, i) => [h, row[i] ?? ''])) as Record<(typeof HEADER)[number], string>;
/** Today as the backend stamps it (UTC). */
const today = () => new Date().toISOString().slice(0, 10);

let dir: string;
let dataDir: string;
let auditId: string;
let numbers: { major: string; minor: string; ofi: string };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-cli-nc-'));
  dataDir = join(dir, 'data');
  const backend = openBackend({ dataDir, appVersion: 'test' });
  try {
    const { audit } = await stage2InProgress(backend);
    auditId = audit.id;
    const major = await issueFinding(backend, audit.id, 'major', 'A.8.13');
    // Commas, quotes, line breaks and a leading "=" must survive the trip through CSV.
    value(
      await backend.call('findings.update', {
        id: major.id,
        patch: { statement: '=No restore test, "ever", for\nthe ERP system' },
        by: 'Lena Lead',
      }),
    );
    const minor = await issueFinding(backend, audit.id, 'minor', 'A.5.18');
    await resolveNc(backend, minor.id, audit.id, { until: 'closed', on: '2026-04-01' });
    const ofi = await issueFinding(backend, audit.id, 'ofi', 'A.7.7');
    value(
      await backend.call('findings.create', {
        auditId: audit.id,
        finding: { type: 'minor', statement: 'Still a draft', raisedAt: '2026-03-03T12:00' },
        by: 'Lena Lead',
      }),
    );
    numbers = { major: major.number!, minor: minor.number!, ofi: ofi.number! };
  } finally {
    backend.close();
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case spawns the real (built) CLI (up to a second or two to start on a busy machine).
describe('fieldwork export-nc-list', { timeout: 120_000 }, () => {
  it('writes one CSV row per issued finding, read back with csv-parse', () => {
    const out = join(dir, 'nc.csv');
    const r = run('export-nc-list', '--data-dir', dataDir, '--audit', auditId, '--format', 'csv', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*nc\.csv \(\d+ KB, SHA-256 [0-9a-f]{64}\)\.\n$/);
    const raw = readFileSync(out, 'utf8');
    expect(raw.startsWith('\uFEFFClient,Audit,Report number,Finding,')).toBe(true);
    expect(raw.endsWith('\r\n')).toBe(true);
    const rows: string[][] = parse(raw, { bom: true });
    expect(rows[0]).toEqual(HEADER);
    expect(numbers).toEqual({ major: 'NC-01', minor: 'NC-02', ofi: 'OFI-01' });
    // The audit's prefix on every finding: two audits' NC-01 never read alike once lists are combined.
    expect(rows.map((row) => row[3])).toEqual(['Finding', 'ST2-NC-01', 'ST2-NC-02', 'ST2-OFI-01']);
    const [major, minor, ofi] = rows.slice(1).map(byColumn) as [
      ReturnType<typeof byColumn>,
      ReturnType<typeof byColumn>,
      ReturnType<typeof byColumn>,
    ];
    for (const row of [major, minor, ofi]) {
      expect(row.Client).toBe('Acme Ltd');
      expect(row.Audit).toBe('Stage 2 2026-03-02');
      // Nothing issued yet: the list says so rather than leave the column blank.
      expect(row['Report number']).toBe('Not issued');
    }
    expect(major.Type).toBe('Major nonconformity');
    expect(major.Requirement).toBe('A.8.13 Information backup');
    // A spreadsheet would run a cell starting with "=" as a formula: it is written as text.
    expect(major.Statement).toBe('\'=No restore test, "ever", for\nthe ERP system');
    expect(major['Evidence summary']).toBe('Seen during the audit');
    expect(major.Status).toBe('Open');
    // Closing meeting defaults to the audit's last day (2026-03-04); majors are due 30 days later.
    expect(major['Due date']).toBe('2026-04-03');
    expect([major.Correction, major['Verified on'], major.Verification, major['Closed on']]).toEqual(['', '', '', '']);
    // A closed NC reads closed: its status, the response as recorded, who verified it and when, the closing day.
    expect(minor).toMatchObject({
      Status: 'Closed',
      'Due date': '2026-06-02',
      'Response received': '2026-04-01',
      Correction: 'Fixed',
      'Root cause': 'Cause',
      'Corrective action': 'Plan',
      Responsible: 'Sam',
      'Verified on': '2026-04-01',
      'Verified by': 'Lena Lead',
      Verification: 'Effective (document review): Records seen',
      'Closed on': today(),
    });
    expect(ofi.Type).toBe('Opportunity for improvement');
    expect(ofi['Due date']).toBe('');
  });

  it('writes the same rows as an XLSX workbook, read back with openpyxl', () => {
    const out = join(dir, 'nc.xlsx');
    const r = run('export-nc-list', '--data-dir', dataDir, '--audit', auditId, '--format', 'xlsx', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const book = readXlsx(out);
    expect(book.sheets).toEqual(['Stage 2 2026-03-02']);
    expect(book.rows[0]).toEqual(HEADER);
    expect(book.rows.map((row) => row[3])).toEqual(['Finding', 'ST2-NC-01', 'ST2-NC-02', 'ST2-OFI-01']);
    const [major, minor, ofi] = book.rows.slice(1).map((row) => byColumn(row));
    expect(major!.Statement).toBe('=No restore test, "ever", for\nthe ERP system');
    expect([major!.Client, major!.Audit, major!['Report number']]).toEqual([
      'Acme Ltd',
      'Stage 2 2026-03-02',
      'Not issued',
    ]);
    // Dates are date cells, not text (issue 16).
    expect(minor).toMatchObject({
      Status: 'Closed',
      'Due date': 'date:2026-06-02',
      'Response received': 'date:2026-04-01',
      'Verified on': 'date:2026-04-01',
      'Closed on': `date:${today()}`,
    });
    // Empty cells come back as empty (None), never as the text "undefined".
    expect(ofi!['Due date']).toBe('');
  });

  it('refuses an unknown audit, a bad format and an unwritable path in one line, leaving no file', () => {
    const out = join(dir, 'refused.csv');
    const unknown = run('export-nc-list', '--data-dir', dataDir, '--audit', newId(), '--format', 'csv', '--out', out);
    expect(unknown).toEqual({
      code: 1,
      out: '',
      err: 'fieldwork: This audit does not exist (it may have been deleted). Nothing was written.\n',
    });
    const format = run('export-nc-list', '--data-dir', dataDir, '--audit', auditId, '--format', 'pdf', '--out', out);
    expect(format).toEqual({
      code: 2,
      out: '',
      err: 'fieldwork: Unknown format "pdf": use docx, xlsx or csv. Nothing was written.\n',
    });
    const missing = join(dir, 'no-such-folder', 'nc.csv');
    const nowhere = run(
      'export-nc-list',
      '--data-dir',
      dataDir,
      '--audit',
      auditId,
      '--format',
      'csv',
      '--out',
      missing,
    );
    expect(nowhere).toEqual({
      code: 1,
      out: '',
      err: `fieldwork: Cannot write ${missing}: its folder does not exist. Nothing was written.\n`,
    });
    // A path through a file (not a folder) cannot be written either.
    const inFile = join(dir, 'keep.txt', 'nc.csv');
    writeFileSync(join(dir, 'keep.txt'), 'x');
    const through = run(
      'export-nc-list',
      '--data-dir',
      dataDir,
      '--audit',
      auditId,
      '--format',
      'xlsx',
      '--out',
      inFile,
    );
    expect(through.err).toBe(`fieldwork: Cannot write ${inFile}: its folder does not exist. Nothing was written.\n`);
    expect(through.code).toBe(1);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    const isFolder = run(
      'export-nc-list',
      '--data-dir',
      dataDir,
      '--audit',
      auditId,
      '--format',
      'csv',
      '--out',
      folder,
    );
    expect(isFolder.err).toBe(`fieldwork: Cannot write ${folder}: it is a folder. Nothing was written.\n`);
    expect(isFolder.code).toBe(1);
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.startsWith('refused') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves an existing file untouched when the export is refused', () => {
    const out = join(dir, 'keep.csv');
    writeFileSync(out, 'earlier export');
    const r = run('export-nc-list', '--data-dir', dataDir, '--audit', newId(), '--format', 'csv', '--out', out);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('earlier export');
  });
});
