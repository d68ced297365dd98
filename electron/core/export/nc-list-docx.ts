import { Document, PageOrientation, Paragraph, TextRun } from 'docx';
import { isNonconformity } from '#shared/rules/findings';
import { hex, pageFooter, pageHeader, styleSet, table } from './report/docx-kit';
import { A4, marginAll, writeDocx, type BuildHooks, type WrittenDocx } from './report/build';
import { compileDocument } from './report/docx-package';
import type { ReportFinding, ReportModel } from './report/model';
import { throwIfAborted } from './report/photos';
import { reportStrings } from './report/strings';
import type { ReportStrings } from './report/strings-en';
import { xmlSafeDeep } from './report/xml-safe';

/** Relative column widths (percent) of the ten columns. */
const WIDTHS = [6, 6, 11, 15, 14, 10, 10, 11, 9, 8]; // "Responsible" on one line

/** The date the organisation committed to in its latest response, else when the response itself is due. */
const dueDate = (f: ReportFinding) =>
  f.latestResponse?.actionDue ?? f.latestResponse?.correctionDue ?? f.responseDue ?? '';

function row(s: ReportStrings, m: ReportModel, f: ReportFinding): string[] {
  const r = f.latestResponse;
  const cites = f.photos.map((i) => s.photos.cite(i + 1, m.photos[i]!.ref));
  const evidence = [f.evidenceText.trim(), ...f.records, ...cites, ...f.attachments.map((a) => `${a.name} (${a.ref})`)]
    .filter((x) => x !== '')
    .join('\n');
  return [
    f.number,
    s.labels.findingGrade[f.type],
    f.requirements.join('\n'),
    f.statement,
    evidence,
    r?.correction ?? '',
    r?.rootCause ?? '',
    r?.correctiveAction ?? '',
    r?.responsible ?? '',
    dueDate(f),
  ];
}

/**
 * The nonconformity list: A4 landscape, one table, one row per issued
 * nonconformity, its header row repeated on every page. Built from the same
 * model as the report, so both always agree.
 */
export async function writeNcListDocx(input: ReportModel, path: string, hooks: BuildHooks = {}): Promise<WrittenDocx> {
  const model = xmlSafeDeep(input);
  const s = reportStrings(model.language);
  const t = s.ncList;
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
          ncs.length === 0
            ? new Paragraph({ text: t.none })
            : table(
                t.cols,
                ncs.map((f) => row(s, model, f)),
                { primary: model.body.primaryColour, widths: WIDTHS, size: 16 },
              ),
          ...(model.signOff
            ? [
                new Paragraph({
                  spacing: { before: 240 },
                  text: t.issuedBy(model.signOff.signerName, model.signOff.signedOn),
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
