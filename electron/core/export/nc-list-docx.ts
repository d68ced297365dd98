import { Document, PageOrientation, Paragraph, TextRun } from 'docx';
import { isNonconformity } from '#shared/rules/findings';
import { qualifiedNumber } from '#shared/rules/gates/cycle';
import { hex, pageFooter, pageHeader, styleSet, table } from './report/docx-kit';
import { A4, marginAll, writeDocx, type BuildHooks, type WrittenDocx } from './report/build';
import { compileDocument } from './report/docx-package';
import type { ReportFinding, ReportModel } from './report/model';
import { throwIfAborted } from './report/photos';
import { reportStrings } from './report/strings';
import type { ReportStrings } from './report/strings-en';
import { xmlSafeDeep } from './report/xml-safe';
import { ncListStrings, type NcListStrings } from './nc-list-strings';

/**
 * What the NC list prints beyond the report model: the day each finding was
 * closed, by its number (prepare.ts adds it; the report shows the status only).
 * Kept beside the model rather than in it, so the report's content hash, and
 * with it "changed since issued", stay as they are.
 */
export interface NcListFacts {
  closedOn: Record<string, string>;
}
export type NcListModel = ReportModel & { ncList?: NcListFacts };

/** Relative column widths (percent) of the ten columns. */
const WIDTHS = [8, 6, 10, 16, 13, 8, 17, 7, 9, 6];

/** The date the organisation committed to in its latest response, else when the response itself is due. */
const dueDate = (f: ReportFinding) =>
  f.latestResponse?.actionDue ?? f.latestResponse?.correctionDue ?? f.responseDue ?? '';

/** The client's response as recorded: when it came, whether it was accepted, and each part under its name. */
function response(t: NcListStrings, f: ReportFinding): string {
  const r = f.latestResponse;
  if (!r) return t.response.none;
  const labelled = [
    [t.response.correction, r.correction],
    [t.response.rootCause, r.rootCause],
    [t.response.correctiveAction, r.correctiveAction],
    [t.response.responsible, r.responsible],
  ]
    .filter(([, text]) => text!.trim() !== '')
    .map(([label, text]) => `${label}: ${text!.trim()}`);
  return [`${t.response.received(t.date(r.receivedAt))} (${t.response.decision[r.decision]})`, ...labelled].join('\n');
}

/** By whom, when and with what result the correction was verified; the notes say what was seen. */
function verification(s: ReportStrings, t: NcListStrings, f: ReportFinding): string {
  const v = f.verification;
  if (!v) return t.verification.none;
  return [
    t.verification.effective(s.labels.verificationMethod[v.method]),
    t.verification.by(t.date(v.verifiedOn), v.verifiedBy),
    v.notes.trim(),
  ]
    .filter((x) => x !== '')
    .join('\n');
}

function row(s: ReportStrings, t: NcListStrings, m: NcListModel, f: ReportFinding): string[] {
  const cites = f.photos.map((i) => s.photos.cite(i + 1, m.photos[i]!.ref));
  const evidence = [f.evidenceText.trim(), ...f.records, ...cites, ...f.attachments.map((a) => `${a.name} (${a.ref})`)]
    .filter((x) => x !== '')
    .join('\n');
  const due = dueDate(f);
  const closed = m.ncList?.closedOn[f.number];
  return [
    qualifiedNumber(m.audit.type, f.number),
    s.labels.findingGrade[f.type],
    f.requirements.join('\n'),
    f.statement,
    evidence,
    s.labels.findingStatus[f.status],
    response(t, f),
    due === '' ? '' : t.date(due),
    verification(s, t, f),
    closed ? t.date(closed) : t.notClosed,
  ];
}

/**
 * The nonconformity list: A4 landscape, one table, one row per issued
 * nonconformity, its header row repeated on every page. Built from the same
 * model as the report, so both always agree.
 */
export async function writeNcListDocx(input: NcListModel, path: string, hooks: BuildHooks = {}): Promise<WrittenDocx> {
  const model = xmlSafeDeep(input);
  const s = reportStrings(model.language);
  const t = ncListStrings(model.language);
  throwIfAborted(hooks.signal);
  hooks.onProgress?.(0, 1, s.progress.writing);
  const ncs = model.findings.filter((f) => isNonconformity(f.type));
  const audit = `${s.labels.auditType[model.audit.type]} ${model.audit.startDate}`;
  const intro = [model.client.name, audit, `${s.cover.reportNumber} ${model.reportNumber}`].join(' · ');
  const doc = new Document({
    creator: model.signOff?.signerName ?? 'Fieldwork',
    title: `${t.title} ${model.reportNumber}`,
    styles: styleSet(model.body.primaryColour, model.body.accentColour),
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: marginAll(851),
          },
        },
        headers: { default: pageHeader(t.header(model.body.name, model.client.name, audit, model.reportNumber)) },
        footers: { default: pageFooter(s) },
        children: [
          new Paragraph({ style: 'Title', text: t.title }),
          new Paragraph({ children: [new TextRun({ text: intro, color: hex(model.body.accentColour) })] }),
          ...(ncs.length === 0
            ? [new Paragraph({ text: t.none })]
            : [
                new Paragraph({ text: t.numbering(qualifiedNumber(model.audit.type, ncs[0]!.number)) }),
                table(
                  t.cols,
                  ncs.map((f) => row(s, t, model, f)),
                  { primary: model.body.primaryColour, widths: WIDTHS, size: 16 },
                ),
              ]),
          ...(model.signOff
            ? [
                new Paragraph({
                  spacing: { before: 240 },
                  text: t.issuedBy(model.signOff.signerName, t.date(model.signOff.signedOn)),
                }),
              ]
            : []),
        ],
      },
    ],
  });
  const written = await writeDocx(path, hooks, () => Promise.resolve({ parts: compileDocument(doc), warnings: [] }));
  hooks.onProgress?.(1, 1, s.progress.writing);
  return written;
}
