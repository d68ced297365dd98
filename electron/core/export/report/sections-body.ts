import { Paragraph, type FileChild } from 'docx';
import { RESULTS, type ItemResult } from '#shared/domain/checklist';
import { isNonconformity } from '#shared/rules/findings';
import { auditPrefix, qualifiedNumber } from '#shared/rules/gates/cycle';
import { factsTable, field, heading, paragraphs, table } from './docx-kit';
import type { ReportCarried, ReportFinding, ReportGroup, ReportVerification } from './model';
import type { Ctx, ReportSection } from './sections-front';
import type { ReportStrings } from './strings-en';

/** Count columns in the order of the strings' countCols (after Area and Items). */
const COUNTED: readonly ItemResult[] = ['conforming', 'ofi', 'minor_nc', 'major_nc', 'not_applicable', 'not_audited'];

function countRow(s: ReportStrings, g: ReportGroup): string[] {
  const counts = Object.fromEntries(RESULTS.map((r) => [r, 0])) as Record<ItemResult, number>;
  for (const i of g.items) counts[i.result] += 1;
  return [
    s.results.groupTitle(g.id, g.title, g.kind),
    String(g.items.length),
    ...COUNTED.map((r) => String(counts[r])),
  ];
}

/** One kind of group (clauses, themes or topics): a table of counts, then each group's items with notes. */
function resultBlock({ m, s, primary }: Ctx, kind: ReportGroup['kind'], title: string): FileChild[] {
  const groups = m.groups.filter((g) => g.kind === kind);
  if (groups.length === 0) return [];
  return [
    heading(2, title),
    table(
      s.results.countCols,
      groups.map((g) => countRow(s, g)),
      {
        primary,
        widths: [30, 8, 9, 8, 9, 9, 8, 19], // "Not audited" on one line
        size: 18,
      },
    ),
    ...groups.flatMap((g) => [
      heading(3, s.results.groupTitle(g.id, g.title, g.kind)),
      table(
        s.results.itemCols,
        g.items.map((i) => [
          i.number,
          i.title,
          // An excluded control reads as such, not as a result the team chose.
          i.excluded ? `${s.labels.result[i.result]}\n${s.results.excluded}` : s.labels.result[i.result],
          i.notes,
        ]),
        { primary, widths: [9, 28, 16, 47], size: 18 },
      ),
    ]),
  ];
}

export function results(ctx: Ctx): ReportSection {
  const r = ctx.s.results;
  return {
    title: r.heading,
    children: [
      new Paragraph({ text: r.intro }),
      ...resultBlock(ctx, 'clause', r.byClause),
      ...resultBlock(ctx, 'theme', r.byTheme),
      ...resultBlock(ctx, 'topic', r.byTopic),
    ],
  };
}

const verificationText = (s: ReportStrings, v: ReportVerification) =>
  [s.findings.verified(s.labels.verificationMethod[v.method], v.verifiedOn, v.verifiedBy), v.notes.trim()]
    .filter((x) => x !== '')
    .join('\n');

function findingDetail({ m, s, primary }: Ctx, f: ReportFinding): FileChild[] {
  const t = s.findings;
  const facts: [string, string][] = [
    [t.type, s.labels.findingType[f.type]],
    [t.status, s.labels.findingStatus[f.status]],
    [t.requirement, f.requirements.join('\n') || s.notRecorded],
  ];
  if (f.site) facts.push([t.site, f.site]);
  facts.push([t.raised, [f.raisedBy, f.raisedAt.replace('T', ' ')].filter((x) => x).join(', ')]);
  if (f.responseDue) facts.push([t.responseDue, f.responseDue]);
  const out: FileChild[] = [
    heading(3, t.title(f.number, s.labels.findingType[f.type])),
    factsTable(facts, primary),
    ...field(t.statement, f.statement, s.notRecorded),
    ...field(t.evidence, f.evidenceText, s.notRecorded),
  ];
  if (f.records.length > 0) out.push(...field(t.records, f.records.join('\n'), ''));
  if (f.photos.length > 0) {
    const cites = f.photos.map((i) => s.photos.cite(i + 1, m.photos[i]!.ref));
    out.push(...field(t.photos, cites.join('\n'), ''));
  }
  if (f.attachments.length > 0) {
    out.push(...field(t.attachments, f.attachments.map((a) => `${a.name} (${a.ref})`).join('\n'), ''));
  }
  const r = f.latestResponse;
  if (r) {
    const due = [r.correctionDue, r.actionDue].filter((x) => x).join(' / ');
    out.push(
      ...field(
        t.response,
        [
          `${t.correction}: ${r.correction}`,
          `${t.rootCause}: ${r.rootCause}`,
          `${t.correctiveAction}: ${r.correctiveAction}`,
          `${t.responsible}: ${r.responsible}${due ? ` (${due})` : ''}`,
        ].join('\n'),
        '',
      ),
    );
  }
  if (f.verification) out.push(...field(t.verification, verificationText(s, f.verification), ''));
  return out;
}

export function findings(ctx: Ctx): ReportSection {
  const { m, s, primary } = ctx;
  const t = s.findings;
  const ncs = m.findings.filter((f) => isNonconformity(f.type));
  const others = m.findings.filter((f) => !isNonconformity(f.type));
  const children: FileChild[] = [
    // A pre-assessment says first what its gaps are (and are not).
    ...(m.audit.type === 'gap_analysis' ? [new Paragraph({ text: s.gapAnalysis.findings.intro })] : []),
    heading(2, t.summaryHeading),
    m.findings.length === 0
      ? new Paragraph({ text: t.noFindings })
      : table(
          t.summaryCols,
          m.findings.map((f) => [
            f.number,
            s.labels.findingType[f.type],
            f.requirements.join('\n'),
            s.labels.findingStatus[f.status],
          ]),
          { primary, widths: [10, 25, 45, 20] },
        ),
    heading(2, t.ncHeading),
    ...(ncs.length === 0 ? [new Paragraph({ text: t.noNcs })] : ncs.flatMap((f) => findingDetail(ctx, f))),
    heading(2, t.otherHeading),
    ...(others.length === 0 ? [new Paragraph({ text: t.noOther })] : others.flatMap((f) => findingDetail(ctx, f))),
  ];
  return { title: t.heading, children };
}

/** "ST2: Stage 2, SV1: Surveillance 1": the prefixes the carried findings' numbers use, each once. */
const prefixLegend = ({ s }: Ctx, carried: readonly ReportCarried[]): string =>
  [...new Set(carried.map((c) => c.fromAuditType))]
    .map((type) => s.previous.prefix(auditPrefix(type), s.labels.auditType[type]))
    .join('; ');

/**
 * Findings of earlier audits, numbered with their audit's prefix ("ST2-NC-01"):
 * one client's cycle has an NC-01 in every audit.
 */
export function previousFindings(ctx: Ctx): ReportSection {
  const { m, s, primary } = ctx;
  const p = s.previous;
  return {
    title: p.heading,
    children:
      m.carried.length === 0
        ? paragraphs('', p.none)
        : [
            new Paragraph({ text: p.intro }),
            new Paragraph({ text: prefixLegend(ctx, m.carried) }),
            table(
              p.cols,
              m.carried.map((c) => [
                qualifiedNumber(c.fromAuditType, c.number),
                `${s.labels.auditType[c.fromAuditType]} ${c.fromAuditStart}`,
                s.labels.findingGrade[c.type],
                c.statement,
                s.labels.findingStatus[c.status],
                c.verification ? verificationText(s, c.verification) : '',
              ]),
              { primary, widths: [12, 14, 10, 30, 14, 20], size: 18 },
            ),
          ],
  };
}
