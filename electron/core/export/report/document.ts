import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  HeadingLevel,
  InternalHyperlink,
  LeaderType,
  LevelFormat,
  NumberFormat,
  PageNumber,
  Paragraph,
  SectionType,
  Tab,
  TabStopType,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { hex, pageHeader, styleSet } from './docx-kit';
import { meetingsSection } from './sections-meetings';
import { approach, auditDetails, cover, type Ctx, type ReportSection } from './sections-front';
import { findings, previousFindings, results } from './sections-body';
import { conclusions, further, photosSection, recommendation, signOff } from './sections-end';
import { evidenceSection } from './sections-evidence';

/**
 * The report as a Word document: the cover and contents, then one Word
 * section per top-level heading. Each starts on a new page and numbers its
 * pages from 1 with its own number before them ("Page 4-2"), so the contents
 * can give every section's first page ("4-1") when the file is written, true
 * in any viewer whatever the layout: no field to update, which would break the
 * signature. (A contents field's page numbers exist only once a viewer updates
 * it; computing absolute page numbers would need Word's own layout.)
 */

/** A4 portrait, 2 cm margins (twips). */
export const A4 = { width: 11906, height: 16838, margin: 1134 };
/** The text column: where the contents' page numbers are right-aligned. */
const TEXT_WIDTH = A4.width - 2 * A4.margin;
const SECTION_NUMBERING = 'report-sections';
/** The hanging indent of a numbered heading and of a contents line: the number, then the title. */
const NUMBER_INDENT = 567;

export const marginAll = (twips: number) => ({
  top: twips,
  bottom: twips,
  left: twips,
  right: twips,
  header: 567,
  footer: 567,
});

/** The sections in order; those with nothing to show (no photos, no meetings, no recommendation) are left out. */
export function reportSections(ctx: Ctx, photoParagraphs: Paragraph[]): ReportSection[] {
  const gap = ctx.m.audit.type === 'gap_analysis';
  return [
    auditDetails(ctx),
    approach(ctx),
    meetingsSection(ctx),
    results(ctx),
    findings(ctx),
    // A pre-assessment is outside the certification cycle: nothing is carried into it.
    gap ? null : previousFindings(ctx),
    photosSection(ctx, photoParagraphs),
    evidenceSection(ctx),
    conclusions(ctx),
    recommendation(ctx),
    further(ctx),
    signOff(ctx),
  ].filter((x): x is ReportSection => x !== null);
}

const anchor = (n: number) => `section-${n}`;

/** Section n's heading: numbered n by Word's list numbering (the text stays the title), bookmarked for the contents. */
const sectionHeading = (n: number, title: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_1,
    numbering: { reference: SECTION_NUMBERING, level: 0 },
    children: [new Bookmark({ id: anchor(n), children: [new TextRun(title)] })],
  });

/** The contents: "n  Title ........ n-1" per section, each line a link to its heading. */
function contents({ s, primary }: Ctx, sections: readonly ReportSection[]): FileChild[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      spacing: { after: 240 },
      children: [new TextRun({ text: s.contents, bold: true, size: 32, color: hex(primary) })],
    }),
    ...sections.map(
      (sec, i) =>
        new Paragraph({
          spacing: { after: 80 },
          indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT },
          tabStops: [
            { type: TabStopType.LEFT, position: NUMBER_INDENT },
            { type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT },
          ],
          children: [
            new InternalHyperlink({
              anchor: anchor(i + 1),
              children: [
                new TextRun({ children: [String(i + 1), new Tab(), sec.title, new Tab(), s.sectionStart(i + 1)] }),
              ],
            }),
          ],
        }),
    ),
    new Paragraph({
      spacing: { before: 240 },
      children: [new TextRun({ text: s.contentsNote, italics: true, size: 16, color: '595959' })],
    }),
  ];
}

/** PageNumber.CURRENT is a string the library turns into the PAGE field. */
const footer = (children: string[]) =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 16, color: '595959', children })],
      }),
    ],
  });

export function reportDocument(ctx: Ctx, photoParagraphs: Paragraph[]): Document {
  const { m: model, s } = ctx;
  const sections = reportSections(ctx, photoParagraphs);
  const page = (format: (typeof NumberFormat)[keyof typeof NumberFormat]) => ({
    size: { width: A4.width, height: A4.height },
    margin: marginAll(A4.margin),
    pageNumbers: { start: 1, formatType: format },
  });
  const header = () => ({ default: pageHeader(s.header(model.body.name, model.reportNumber, model.version)) });
  const front: ISectionOptions = {
    properties: { page: page(NumberFormat.LOWER_ROMAN) },
    headers: header(),
    footers: { default: footer([s.frontPage, PageNumber.CURRENT]) },
    children: [...cover(ctx), ...contents(ctx, sections)],
  };
  return new Document({
    creator: model.signOff?.signerName ?? 'Fieldwork',
    title: `${s.cover.title} ${model.reportNumber}`,
    description: `${model.client.name} · ${s.labels.auditType[model.audit.type]}`,
    styles: styleSet(model.body.primaryColour, model.body.accentColour),
    numbering: {
      config: [
        {
          reference: SECTION_NUMBERING,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT } } },
            },
          ],
        },
      ],
    },
    sections: [
      front,
      ...sections.map((sec, i): ISectionOptions => ({
        properties: { type: SectionType.NEXT_PAGE, page: page(NumberFormat.DECIMAL) },
        headers: header(),
        footers: { default: footer([s.sectionPage(i + 1), PageNumber.CURRENT]) },
        children: [sectionHeading(i + 1, sec.title), ...sec.children],
      })),
    ],
  });
}
