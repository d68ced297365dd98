import type { AuditType } from '#shared/domain/audit';
import type { Finding } from '#shared/domain/finding';
import { FINDING_STATUS_LABELS, FINDING_TYPE_LABELS, VERIFICATION_METHOD_LABELS } from '#shared/domain/finding';
import { requirementRefLabel } from '#shared/domain/requirement-ref';
import { compareFindingNumbers, SERIES, SERIES_ORDER } from '#shared/rules/findings';
import { qualifiedNumber } from '#shared/rules/gates/cycle';

/**
 * The nonconformity list as a table: one row per issued finding, in the order of the report. The client, the audit
 * and the report number are on every row, and the finding carries its audit's prefix ("ST2-NC-01"), so lists of
 * several audits pasted into one sheet (a client's cycle, a certification body's register) stay unambiguous.
 */
export const NC_LIST_COLUMNS = [
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
] as const;

/** Columns written as real dates in the XLSX (yyyy-mm-dd text in the rows and the CSV). */
const DATE_COLUMNS = new Set<string>(['Due date', 'Response received', 'Verified on', 'Closed on']);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Column widths in the XLSX, in characters. */
const WIDTHS: Record<(typeof NC_LIST_COLUMNS)[number], number> = {
  Client: 24,
  Audit: 22,
  'Report number': 16,
  Finding: 13,
  Type: 22,
  Requirement: 30,
  Statement: 60,
  'Evidence summary': 50,
  Status: 18,
  'Due date': 12,
  'Response received': 12,
  Correction: 40,
  'Root cause': 40,
  'Corrective action': 40,
  Responsible: 18,
  'Verified on': 12,
  'Verified by': 18,
  Verification: 40,
  'Closed on': 12,
};

/** What every row repeats: whose audit, which one, under which report. */
export interface NcListContext {
  client: string;
  /** "Stage 2 2026-03-02" */
  audit: string;
  auditType: AuditType;
  /** The issued report's number; "Not issued" before the report is. */
  reportNumber: string;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function evidenceSummary(f: Finding): string {
  const parts = [f.evidenceText.trim()];
  if (f.records.length > 0) parts.push(`Records: ${f.records.map((r) => r.label).join('; ')}`);
  if (f.evidenceIds.length > 0) parts.push(plural(f.evidenceIds.length, 'attachment'));
  return parts.filter((p) => p !== '').join('\n');
}

/** The verification's result: recorded only when the correction was found effective, with how and what was seen. */
function verification(f: Finding): string {
  const v = f.verification;
  if (!v) return '';
  const head = `Effective (${VERIFICATION_METHOD_LABELS[v.method].toLowerCase()})`;
  return v.notes.trim() === '' ? head : `${head}: ${v.notes.trim()}`;
}

/** Rows of plain strings (dates as ISO yyyy-mm-dd), drafts left out: they are not part of the record yet. */
export function ncListRows(findings: readonly Finding[], context: NcListContext): string[][] {
  return findings
    .filter((f) => f.status !== 'draft' && f.number !== null)
    .toSorted(
      (a, b) =>
        SERIES_ORDER[SERIES[a.type]] - SERIES_ORDER[SERIES[b.type]] || compareFindingNumbers(a.number!, b.number!),
    )
    .map((f) => {
      const response = f.responses.at(-1);
      const row: Record<(typeof NC_LIST_COLUMNS)[number], string> = {
        Client: context.client,
        Audit: context.audit,
        'Report number': context.reportNumber,
        Finding: qualifiedNumber(context.auditType, f.number),
        Type: FINDING_TYPE_LABELS[f.type],
        Requirement: f.requirements.map(requirementRefLabel).join('\n'),
        Statement: f.statement,
        'Evidence summary': evidenceSummary(f),
        Status: FINDING_STATUS_LABELS[f.status],
        'Due date': f.responseDue ?? '',
        'Response received': response?.receivedAt ?? '',
        Correction: response?.correction ?? '',
        'Root cause': response?.rootCause ?? '',
        'Corrective action': response?.correctiveAction ?? '',
        Responsible: response?.responsible ?? '',
        'Verified on': f.verification?.verifiedOn ?? '',
        'Verified by': f.verification?.verifiedBy ?? '',
        Verification: verification(f),
        'Closed on': f.closedAt?.slice(0, 10) ?? '',
      };
      return NC_LIST_COLUMNS.map((c) => row[c]);
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
  sheet.columns = NC_LIST_COLUMNS.map((header) => ({
    header,
    width: WIDTHS[header],
    ...(DATE_COLUMNS.has(header) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  // Strings stay strings (exceljs never turns text into formulas), so no escaping is needed here; dates become
  // date cells (UTC midnight: a calendar day, no time zone), so the list sorts and filters by date.
  const dated = NC_LIST_COLUMNS.map((h) => DATE_COLUMNS.has(h));
  for (const r of rows) {
    // An empty field is an empty cell (the filter's "(Blanks)"), not a cell holding empty text.
    const cells = r.map((v, i) => (v === '' ? null : dated[i] && ISO_DAY.test(v) ? new Date(`${v}T00:00:00Z`) : v));
    sheet.addRow(cells).alignment = { wrapText: true, vertical: 'top' };
  }
  // Over the whole table, as Excel itself writes it: header to last row.
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, rows.length + 1), column: NC_LIST_COLUMNS.length },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
