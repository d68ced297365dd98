import { Document, Paragraph, TextRun } from 'docx';
import { A4, marginAll, writeDocx, type BuildHooks, type WrittenDocx } from '../report/build';
import { factsTable, field, heading, hex, pageFooter, pageHeader, styleSet, table } from '../report/docx-kit';
import { compileDocument } from '../report/docx-package';
import { throwIfAborted } from '../report/photos';
import { reportStrings } from '../report/strings';
import { xmlSafeDeep } from '../report/xml-safe';
import type { PlanDocModel } from './model';
import { planStrings } from './strings';

const WIDTHS = [12, 11, 13, 34, 15, 15];

/**
 * The audit plan for the client (ISO/IEC 17021-1 9.2.3): objectives, scope,
 * criteria, sites, dates, team and roles, the timetable of sessions with the
 * requirements each covers, and the arrangements. A4 portrait, one section.
 */
export async function writePlanDocx(input: PlanDocModel, path: string, hooks: BuildHooks = {}): Promise<WrittenDocx> {
  const m = xmlSafeDeep(input);
  const p = m.plan;
  const s = reportStrings(m.language);
  const t = planStrings(m.language);
  throwIfAborted(hooks.signal);
  hooks.onProgress?.(0, 1, s.progress.writing);
  const audit = `${t.types[p.type] ?? p.type} ${p.startDate}`;
  const sessions = p.sessions.map((x) => [
    x.day,
    `${x.startTime}–${x.endTime}`,
    x.siteName ?? '',
    [x.topic, ...(x.items.length ? [t.requirements(x.items.map((i) => i.ref))] : [])].join('\n'),
    x.auditee,
    x.auditorName ?? '',
  ]);
  const doc = new Document({
    creator: m.signOff?.signerName ?? 'Fieldwork',
    title: `${t.title} ${p.clientName}`,
    styles: styleSet(m.body.primaryColour, m.body.accentColour),
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: marginAll(A4.margin) } },
        headers: { default: pageHeader(t.header(m.body.name, p.clientName, audit)) },
        footers: { default: pageFooter(s) },
        children: [
          new Paragraph({ style: 'Title', text: t.title }),
          new Paragraph({
            children: [new TextRun({ text: `${m.body.name} · ${m.generatedAt}`, color: hex(m.body.accentColour) })],
          }),
          factsTable(
            [
              [t.facts.client, p.clientName],
              [t.facts.audit, t.types[p.type] ?? p.type],
              [t.facts.standard, p.standard],
              [t.facts.dates, t.dates(s.date(p.startDate), s.date(p.endDate))],
              [t.facts.mode, t.modes[p.mode] ?? p.mode],
              [t.facts.sites, p.sites.map((x) => `${x.name}, ${x.address}`).join('\n') || t.none],
            ],
            m.body.primaryColour,
          ),
          ...field(t.objectives, p.objectives, t.none),
          ...field(t.scope, p.scope, t.none),
          ...field(t.criteria, p.criteria, t.none),
          heading(1, t.team),
          table(
            t.teamCols,
            p.team.map((x) => [x.name, t.roles[x.role] ?? x.role]),
            { primary: m.body.primaryColour, widths: [60, 40] },
          ),
          heading(1, t.timetable),
          sessions.length
            ? table(t.timetableCols, sessions, { primary: m.body.primaryColour, widths: WIDTHS, size: 18 })
            : new Paragraph({ text: t.noSessions }),
          ...field(t.notes, p.notes, t.none),
          new Paragraph({ spacing: { before: 240 }, text: t.agreement }),
          new Paragraph({
            spacing: { before: 240 },
            text: m.signOff ? t.issuedBy(m.signOff.signerName, m.signOff.signedOn) : t.draft,
          }),
        ],
      },
    ],
  });
  const written = await writeDocx(path, hooks, () => Promise.resolve({ parts: compileDocument(doc), warnings: [] }));
  hooks.onProgress?.(1, 1, s.progress.writing);
  return written;
}
