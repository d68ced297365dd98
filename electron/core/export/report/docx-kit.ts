import {
  LineRuleType,
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HeadingLevel,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
} from 'docx';
import type { ReportStrings } from './strings-en';

/**
 * Small building blocks shared by the report and the nonconformity list: the
 * style set in the certification body's colours, header and footer, tables
 * whose header row repeats on every page, and text that keeps its line breaks.
 */

export const hex = (colour: string) => colour.replace(/^#/, '').toUpperCase();

export const FONT = 'Calibri';
/** For digests: every character the same width, so two can be compared column by column. */
export const MONO_FONT = 'Consolas';

/** Word's own style ids (Heading1…, Caption), so the navigation pane and the contents field find them. */
export function styleSet(primary: string, accent: string): IStylesOptions {
  const p = hex(primary);
  return {
    default: {
      document: {
        run: { font: FONT, size: 21 }, // lineRule spelled out: LibreOffice reads a bare line value as exact, which clips pictures.
        paragraph: { spacing: { after: 100, line: 264, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { font: FONT, size: 52, bold: true, color: p }, paragraph: { spacing: { after: 240 } } },
      heading1: {
        run: { font: FONT, size: 32, bold: true, color: p },
        paragraph: { outlineLevel: 0, spacing: { before: 360, after: 140 }, keepNext: true },
      },
      heading2: {
        run: { font: FONT, size: 26, bold: true, color: p },
        paragraph: { outlineLevel: 1, spacing: { before: 240, after: 100 }, keepNext: true },
      },
      heading3: {
        run: { font: FONT, size: 23, bold: true, color: hex(accent) },
        paragraph: { outlineLevel: 2, spacing: { before: 200, after: 80 }, keepNext: true },
      },
    },
    paragraphStyles: [
      {
        id: 'Caption',
        name: 'Caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true, size: 18, color: '404040' },
        paragraph: { spacing: { before: 60, after: 200 } },
      },
      {
        id: 'FieldLabel',
        name: 'Field label',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true, color: p },
        paragraph: { spacing: { before: 120, after: 40 }, keepNext: true },
      },
    ],
  };
}

/** Text runs that keep the author's line breaks. */
export function runs(
  text: string,
  opts: { bold?: boolean; color?: string; size?: number; font?: string } = {},
): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1, ...opts }));
}

/** One paragraph per blank-line-separated block; the placeholder when the text is empty. */
export function paragraphs(text: string, placeholder: string): Paragraph[] {
  const blocks = text
    .trim()
    .split(/\n\s*\n/)
    .filter((b) => b.trim() !== '');
  if (blocks.length === 0) return [new Paragraph({ children: [new TextRun({ text: placeholder, italics: true })] })];
  return blocks.map((b) => new Paragraph({ children: runs(b.trim()) }));
}

export const heading = (level: 1 | 2 | 3, text: string, pageBreakBefore = false) =>
  new Paragraph({
    heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1],
    text,
    pageBreakBefore,
  });

export const label = (text: string) => new Paragraph({ style: 'FieldLabel', text });

/** A labelled block: the label in the style set's colour, then the text (or the placeholder). */
export const field = (name: string, text: string, placeholder: string): Paragraph[] => [
  label(name),
  ...paragraphs(text, placeholder),
];

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cell(
  text: string,
  opts: { header?: boolean; fill?: string; width?: number; size?: number; font?: string } = {},
) {
  return new TableCell({
    borders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: opts.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } : undefined,
    width: opts.width !== undefined ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    children: [
      new Paragraph({
        spacing: { after: 0 },
        children: runs(text, {
          bold: opts.header,
          color: opts.header ? 'FFFFFF' : undefined,
          size: opts.size,
          font: opts.font,
        }),
      }),
    ],
  });
}

/**
 * A full-width table: the header row, in the primary colour, repeats on each
 * page; rows never split across pages mid-line only when short (Word decides).
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  /** `mono`: the columns (0-based) whose cells are set in MONO_FONT, such as digests. */
  opts: { primary: string; widths?: readonly number[]; size?: number; mono?: readonly number[] },
): Table {
  const fill = hex(opts.primary);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell(h, { header: true, fill, width: opts.widths?.[i], size: opts.size })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: r.map((v, i) =>
              cell(v, { width: opts.widths?.[i], size: opts.size, ...(opts.mono?.includes(i) && { font: MONO_FONT }) }),
            ),
          }),
      ),
    ],
  });
}

/** Two columns, label and value, for facts such as the cover page's; a 'mono' value is set in MONO_FONT. */
export function factsTable(
  rows: readonly (readonly [string, string] | readonly [string, string, 'mono'])[],
  primary: string,
): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([k, v, mono]) =>
        new TableRow({
          children: [
            cell(k, { header: true, fill: hex(primary), width: 32 }),
            cell(v, { width: 68, ...(mono && { font: MONO_FONT, size: 16 }) }),
          ],
        }),
    ),
  });
}

export const pageHeader = (text: string) =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6', space: 4 } },
        children: [new TextRun({ text, size: 16, color: '595959' })],
      }),
    ],
  });

/** "Page X of Y" with Word's PAGE and NUMPAGES fields, so every viewer fills in the numbers. */
export const pageFooter = (s: ReportStrings) =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 16,
            color: '595959',
            children: [s.pageOf[0], PageNumber.CURRENT, s.pageOf[1], PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
