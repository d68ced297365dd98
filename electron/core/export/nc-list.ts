import type { Finding } from '#shared/domain/finding';
import { FINDING_STATUS_LABELS, FINDING_TYPE_LABELS, VERIFICATION_METHOD_LABELS } from '#shared/domain/finding';
import { requirementRefLabel } from '#shared/domain/requirement-ref';
import { compareFindingNumbers, SERIES, SERIES_ORDER } from '#shared/rules/findings';

/** The nonconformity list as a table: one row per issued finding, in the order of the report. */
export const NC_LIST_COLUMNS = [
  'Number',
  'Type',
  'Requirement',
  'Statement',
  'Evidence summary',
  'Status',
  'Due date',
  'Correction',
  'Root cause',
  'Corrective action',
  'Verification',
  'Closed on',
] as const;

/** Columns written as real dates in the XLSX (yyyy-mm-dd text in the rows and the CSV). */
const DATE_COLUMNS = new Set<string>(['Due date', 'Closed on']);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function evidenceSummary(f: Finding): string {
  const parts = [f.evidenceText.trim()];
  if (f.records.length > 0) parts.push(`Records: ${f.records.map((r) => r.label).join('; ')}`);
  if (f.evidenceIds.length > 0) parts.push(plural(f.evidenceIds.length, 'attachment'));
  return parts.filter((p) => p !== '').join('\n');
}

function verification(f: Finding): string {
  const v = f.verification;
  if (!v) return '';
  const head = `${VERIFICATION_METHOD_LABELS[v.method]}, ${v.verifiedOn}, ${v.verifiedBy}`;
  return v.notes.trim() === '' ? head : `${head}: ${v.notes.trim()}`;
}

/** Rows of plain strings (dates as ISO yyyy-mm-dd), drafts left out: they are not part of the record yet. */
export function ncListRows(findings: readonly Finding[]): string[][] {
  return findings
    .filter((f) => f.status !== 'draft' && f.number !== null)
    .toSorted(
      (a, b) =>
        SERIES_ORDER[SERIES[a.type]] - SERIES_ORDER[SERIES[b.type]] || compareFindingNumbers(a.number!, b.number!),
    )
    .map((f) => {
      const response = f.responses.at(-1);
      return [
        f.number!,
        FINDING_TYPE_LABELS[f.type],
        f.requirements.map(requirementRefLabel).join('\n'),
        f.statement,
        evidenceSummary(f),
        FINDING_STATUS_LABELS[f.status],
        f.responseDue ?? '',
        response?.correction ?? '',
        response?.rootCause ?? '',
        response?.correctiveAction ?? '',
        verification(f),
        f.closedAt?.slice(0, 10) ?? '',
      ];
    });
}

/**
 * Where a spreadsheet may start a cell inside a field: the field's start, and —
 * for German or French Excel, which splits a comma file on ";" and honours
 * quotes only at a cell's start — after every ";" and line break in the text.
 */
const CELL_START_FORMULA = /(?<=^|[;\r\n])(?="*[=+\-@\t\r])/g;

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote,
 * semicolon, tab or line break. A UTF-8 byte-order mark lets spreadsheet apps
 * read accents right. Wherever a cell may start with a formula character
 * (= + - @, tab or CR), a single quote is put in front, as OWASP recommends, so
 * "Backups untested;=cmd|…" is text under any list separator.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (raw: string) => {
    const v = raw.replace(CELL_START_FORMULA, "'");
    return /[",;\t\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export async function toXlsx(rows: readonly (readonly string[])[], sheetName: string): Promise<Buffer> {
  // Loaded here, in the export worker: prepare.ts imports this file on the backend thread for the rows alone, and
  // exceljs takes a quarter of a second to load (npm run bench cli-startup).
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fieldwork';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = NC_LIST_COLUMNS.map((header, i) => ({
    header,
    width: [10, 22, 30, 60, 50, 18, 12, 40, 40, 40, 40, 12][i],
    ...(DATE_COLUMNS.has(header) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  // Strings stay strings (exceljs never turns text into formulas), so no escaping is needed here; dates become
  // date cells (UTC midnight: a calendar day, no time zone), so the list sorts and filters by date.
  const dated = NC_LIST_COLUMNS.map((h) => DATE_COLUMNS.has(h));
  for (const r of rows) {
    const cells = r.map((v, i) => (dated[i] && ISO_DAY.test(v) ? new Date(`${v}T00:00:00Z`) : v));
    sheet.addRow(cells).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: NC_LIST_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
