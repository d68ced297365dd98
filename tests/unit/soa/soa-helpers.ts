/** Builders for SoA import tests: the 93 Annex A controls and real CSV/XLSX bytes. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { DomainError, type ErrorCode } from '#shared/api/result';
import type { SoaControl } from '#core/soa/preview';

/** 5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34 (the real titles live in the template). */
export const ANNEX_A_NUMBERS: readonly string[] = (
  [
    [5, 37],
    [6, 8],
    [7, 14],
    [8, 34],
  ] as const
).flatMap(([theme, count]) => Array.from({ length: count }, (_, i) => `${theme}.${i + 1}`));

export const titleOf = (number: string) => `Control ${number} title`;

export function annexAControls(): SoaControl[] {
  return ANNEX_A_NUMBERS.map((number) => ({ ref: `A.${number}`, number, title: titleOf(number), soa: null }));
}

export interface SoaLine {
  control: string;
  applicable: string;
  justification: string;
  status: string;
}

/** One row per control: applicable unless listed in `excluded` (number -> justification). */
export function soaLines(numbers: readonly string[], excluded: Record<string, string> = {}): SoaLine[] {
  return numbers.map((n) =>
    n in excluded
      ? { control: `A.${n}`, applicable: 'No', justification: excluded[n] ?? '', status: 'Not applicable' }
      : { control: `A.${n}`, applicable: 'Yes', justification: `Risk treatment for ${n}`, status: 'Implemented' },
  );
}

const quote = (cell: string, delimiter: string) =>
  /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;

export function csvText(rows: readonly (readonly string[])[], delimiter = ',', newline = '\n'): string {
  return rows.map((r) => r.map((c) => quote(c, delimiter)).join(delimiter)).join(newline) + newline;
}

export const HEADER = ['Control', 'Applicable', 'Justification', 'Implementation status'];
export const toCells = (l: SoaLine) => [l.control, l.applicable, l.justification, l.status];

/** Writes the workbook to a temporary file and reads the bytes back, as the app receives a picked file. */
export async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const dir = mkdtempSync(join(tmpdir(), 'fw-soa-'));
  try {
    const file = join(dir, 'soa.xlsx');
    await workbook.xlsx.writeFile(file);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rejection the user sees: its code and exact message. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: ErrorCode; message: string }> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const { code, message } = error as DomainError;
  return { code, message };
}
