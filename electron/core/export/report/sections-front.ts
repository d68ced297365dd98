import { AlignmentType, ImageRun, Paragraph, TextRun, type FileChild } from 'docx';
import { factsTable, field, heading, hex, label, paragraphs, table } from './docx-kit';
import type { ReportImage, ReportModel } from './model';
import type { ReportStrings } from './strings-en';

/** What every section builder needs. */
export interface Ctx {
  m: ReportModel;
  /** The texts for this audit's type (strings.ts stringsForAudit: a pre-assessment is worded as one). */
  s: ReportStrings;
  primary: string;
}

/**
 * A top-level section: its title (numbered heading 1, built by toc.ts, which
 * starts each section on a new page) and what follows it.
 */
export interface ReportSection {
  title: string;
  children: FileChild[];
}

function brandImage(img: ReportImage, maxW: number, maxH: number): ImageRun {
  const scale = Math.min(maxW / img.width, maxH / img.height, 1);
  return new ImageRun({
    type: 'png',
    data: Buffer.from(img.pngBase64, 'base64'),
    transformation: { width: Math.round(img.width * scale), height: Math.round(img.height * scale) },
  });
}

/** The audit's dates in the report's language (one day, or a span). */
const dates = (s: Ctx['s'], a: { startDate: string; endDate: string }) =>
  a.startDate === a.endDate ? s.date(a.startDate) : s.dateRange(s.date(a.startDate), s.date(a.endDate));

export function cover({ m, s, primary }: Ctx): FileChild[] {
  const out: FileChild[] = [];
  if (m.body.logo) out.push(new Paragraph({ children: [brandImage(m.body.logo, 240, 110)] }));
  if (m.body.name) out.push(new Paragraph({ children: [new TextRun({ text: m.body.name, bold: true, size: 28 })] }));
  out.push(
    new Paragraph({ spacing: { before: 1200 }, style: 'Title', text: s.cover.title }),
    new Paragraph({
      spacing: { after: 480 },
      children: [new TextRun({ text: m.client.name, size: 36, color: hex(m.body.accentColour) })],
    }),
    factsTable(
      [
        [s.cover.client, m.client.name],
        [s.cover.audit, `${s.labels.auditType[m.audit.type]} · ${m.audit.standard}`],
        [s.cover.dates, dates(s, m.audit)],
        [s.cover.reportNumber, m.reportNumber],
        [s.cover.version, String(m.version)],
        [s.cover.status, m.signOff ? `${s.cover.issued} ${s.date(m.signOff.signedOn)}` : s.cover.draft],
        [s.cover.produced, s.date(m.generatedAt)],
      ],
      primary,
    ),
  );
  if (s.bilingual.secondLanguage) {
    out.push(
      new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: s.bilingual.note, italics: true })] }),
    );
  }
  if (m.body.accreditationMark) {
    out.push(
      new Paragraph({
        spacing: { before: 600 },
        alignment: AlignmentType.RIGHT,
        children: [brandImage(m.body.accreditationMark, 160, 90)],
      }),
    );
  }
  if (m.body.accreditation) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: m.body.accreditation, size: 16 })],
      }),
    );
  }
  return out;
}

/** The controls the SoA excludes, each with the justification the SoA gives (ISO/IEC 27001 6.1.3 d). */
function soaExclusions({ m, s, primary }: Ctx): FileChild[] {
  const d = s.details;
  const excluded = m.soaExclusions ?? [];
  const out: FileChild[] = [heading(2, d.soaHeading)];
  if (m.audit.soaVersion === null && excluded.length === 0) return [...out, new Paragraph({ text: d.soaNotImported })];
  if (excluded.length === 0) return [...out, new Paragraph({ text: d.soaNoExclusions })];
  return [
    ...out,
    new Paragraph({ text: d.soaIntro(m.audit.soaVersion ?? '') }),
    table(
      d.soaCols,
      excluded.map((x) => [x.number, x.title, x.justification || d.soaNoJustification]),
      { primary, widths: [12, 33, 55], size: 18 },
    ),
  ];
}

export function auditDetails(ctx: Ctx): ReportSection {
  const { m, s, primary } = ctx;
  const d = s.details;
  const none = s.notRecorded;
  const contacts = m.client.contacts.map((c) => (c.role ? `${c.name} (${c.role})` : c.name)).join('\n');
  const children: FileChild[] = [
    heading(2, d.body),
    factsTable(
      [
        [d.clientName, m.body.name || none],
        [d.address, m.body.address || none],
        [d.accreditation, m.body.accreditation || none],
        [d.website, m.body.website || none],
      ],
      primary,
    ),
    heading(2, d.client),
    factsTable(
      [
        [d.clientName, m.client.name],
        [d.address, m.client.address || none],
        [d.representative, m.client.representative || none],
        [d.contacts, contacts || none],
      ],
      primary,
    ),
    heading(2, d.auditHeading),
    factsTable([[d.auditType, s.labels.auditType[m.audit.type]]], primary),
    ...field(d.objectives, m.audit.objectives, none),
    heading(2, d.criteriaHeading),
    factsTable(
      [
        [d.standard, m.audit.standard],
        [d.soa, m.audit.soaVersion ?? d.soaNone],
        [d.checklist, m.audit.checklistTitle],
      ],
      primary,
    ),
    ...field(d.isms, m.texts.ismsDocumentation, none),
    ...field(d.criteria, m.audit.criteria, none),
    heading(2, d.scopeHeading),
    ...field(d.scope, m.audit.scope, none),
    ...field(d.processes, m.texts.processes, none),
    label(d.sites),
    m.audit.sites.length === 0
      ? new Paragraph({ text: d.noSites })
      : table(
          d.siteCols,
          m.audit.sites.map((x) => [x.name, x.address, String(x.headcount), x.processes]),
          // Wide enough for "Headcount" on one line (at 12% Word broke it as "Headco/unt").
          { primary, widths: [20, 26, 16, 38] },
        ),
    ...soaExclusions(ctx),
    heading(2, d.whenHeading),
    factsTable(
      [
        [d.dates, dates(s, m.audit)],
        [d.mode, s.labels.mode[m.audit.mode]],
        [d.days, m.texts.auditorDays === null ? none : String(m.texts.auditorDays)],
        [d.minutes, m.audit.minutesRecorded === null ? none : d.hours(m.audit.minutesRecorded)],
      ],
      primary,
    ),
    ...field(d.places, m.texts.places, none),
    ...field(d.timeNotes, m.texts.timeNotes, none),
    heading(2, d.teamHeading),
    table(
      d.teamCols,
      m.audit.team.map((t) => [t.name, s.labels.teamRole[t.role]]),
      { primary, widths: [60, 40] },
    ),
    heading(2, d.deviationsHeading),
    ...paragraphs(m.texts.deviations, s.none),
  ];
  return { title: d.heading, children };
}

/** Who was interviewed, where, when, with whom of the team, and on which requirements. */
function interviews({ m, s, primary }: Ctx): FileChild[] {
  const a = s.approach;
  const list = m.records.interviews;
  if (list.length === 0) return [];
  return [
    heading(3, a.interviewsHeading),
    table(
      a.interviewCols,
      list.map((x) => [
        a.person(x.name, x.role, x.department),
        x.site,
        a.when(x.heldAt),
        x.auditors.join('\n'),
        x.requirements.join('\n'),
      ]),
      { primary, widths: [24, 16, 14, 16, 30], size: 18 },
    ),
  ];
}

/** Where and when each on-site observation was made, what was seen, and on which requirements. */
function observations({ m, s, primary }: Ctx): FileChild[] {
  const a = s.approach;
  const list = m.records.observations;
  if (list.length === 0) return [];
  return [
    heading(3, a.observationsHeading),
    table(
      a.observationCols,
      list.map((x) => [a.where(x.site, x.location), a.when(x.observedAt), x.description, x.requirements.join('\n')]),
      { primary, widths: [20, 14, 38, 28], size: 18 },
    ),
  ];
}

export function approach(ctx: Ctx): ReportSection {
  const { m, s, primary } = ctx;
  const a = s.approach;
  const r = m.records;
  const children: FileChild[] = [
    heading(2, a.documentsHeading),
    ...paragraphs(m.texts.documentsSummary, s.notRecorded),
    ...(r.documents.length > 0
      ? [
          table(
            a.documentCols,
            r.documents.map((x) => [x.title, x.identifier, x.revision]),
            { primary, widths: [60, 25, 15] },
          ),
        ]
      : []),
    heading(2, a.recordsHeading),
    new Paragraph({ text: a.recorded(r.interviews.length, r.observations.length) }),
    ...interviews(ctx),
    ...observations(ctx),
    heading(2, a.riskHeading),
    ...paragraphs(m.texts.riskAssessment, s.notRecorded),
    heading(2, a.samplingHeading),
    new Paragraph({ children: [new TextRun({ text: a.samplingStatement, bold: true })] }),
    ...paragraphs(m.texts.sampling, s.notRecorded),
    ...(m.samples.length > 0
      ? [
          table(
            a.sampledCols,
            m.samples.map((x) => [
              `${x.number} ${x.title}`.trim(),
              x.sampleSize === null ? '' : String(x.sampleSize),
              x.records.join('\n'),
            ]),
            { primary, widths: [35, 12, 53], size: 18 },
          ),
        ]
      : []),
  ];
  return { title: a.heading, children };
}
