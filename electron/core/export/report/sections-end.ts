import { Paragraph, TextRun, type FileChild } from 'docx';
import { factsTable, field, heading, paragraphs } from './docx-kit';
import { provenance } from './sections-provenance';
import type { Ctx, ReportSection } from './sections-front';

export function photosSection({ s }: Ctx, photoParagraphs: readonly Paragraph[]): ReportSection | null {
  if (photoParagraphs.length === 0) return null;
  return { title: s.photos.heading, children: [new Paragraph({ text: s.photos.intro }), ...photoParagraphs] };
}

/**
 * Each decision to go ahead with completeness gaps open (recorded in the
 * trail by repos/gate-facts.ts): what was decided, by whom, when, the gaps
 * then open and the reason typed.
 */
function overrides({ m, s, primary }: Ctx): FileChild[] {
  const o = s.overrides;
  const list = m.overrides ?? [];
  if (list.length === 0) return [heading(2, o.heading), new Paragraph({ text: o.none })];
  return [
    heading(2, o.heading),
    new Paragraph({ text: o.intro }),
    ...list.flatMap((x) => [
      factsTable(
        [
          [o.decision, o.stage[x.stage]],
          [o.by, x.by],
          [o.on, s.provenance.when(x.at)],
          [o.gaps, x.gaps.join('\n')],
          [o.reason, x.reason],
        ],
        primary,
      ),
      new Paragraph({ spacing: { after: 120 }, children: [] }),
    ]),
  ];
}

export function conclusions(ctx: Ctx): ReportSection {
  const { m, s } = ctx;
  const c = s.conclusions;
  const t = m.texts;
  return {
    title: c.heading,
    children: [
      heading(2, c.internalAudit),
      ...paragraphs(t.conclusionInternalAudit, s.notRecorded),
      heading(2, c.managementReview),
      ...paragraphs(t.conclusionManagementReview, s.notRecorded),
      heading(2, c.scope),
      ...paragraphs(t.conclusionScope, s.notRecorded),
      heading(2, c.objectives),
      ...paragraphs(t.conclusionObjectives, s.notRecorded),
      ...overrides(ctx),
    ],
  };
}

/** The team's recommendation; none for a gap analysis (pre-assessment), which is outside certification. */
export function recommendation({ m, s }: Ctx): ReportSection | null {
  if (m.audit.type === 'gap_analysis') return null;
  const r = s.recommendation;
  const rec = m.recommendation;
  const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
  // A Stage 1 concludes on readiness for Stage 2, never on certification; a surveillance on maintaining it, a
  // recertification on renewing it.
  const type = m.audit.type;
  const labels =
    type === 'stage1'
      ? s.labels.stage1Recommendation
      : type === 'surveillance1' || type === 'surveillance2'
        ? s.labels.surveillanceRecommendation
        : type === 'recertification'
          ? s.labels.recertificationRecommendation
          : s.labels.recommendation;
  const out: FileChild[] = [];
  if (!rec.decided) {
    out.push(new Paragraph({ text: r.suggestedOnly }), bold(labels[rec.suggested]));
  } else {
    out.push(bold(labels[rec.decided.recommendation]));
    // Overriding the suggestion, changing a decision or going ahead with completeness gaps open all need a reason.
    if (rec.decided.overridden) out.push(new Paragraph({ text: r.overridden }), ...paragraphs(rec.decided.reason, ''));
    else if (rec.decided.reason.trim() !== '')
      out.push(new Paragraph({ text: r.reasonGiven }), ...paragraphs(rec.decided.reason, ''));
    out.push(new Paragraph({ text: r.decidedBy(rec.decided.by, s.date(rec.decided.on)) }));
  }
  if (rec.reasons.length > 0) out.push(...field(r.basis, rec.reasons.join('\n'), ''));
  return { title: m.audit.type === 'stage1' ? r.stage1Heading : r.heading, children: out };
}

/** Use of marks (not for a pre-assessment: nothing is certified), unresolved issues and confidentiality. */
export function further({ m, s }: Ctx): ReportSection {
  const marks =
    m.audit.type === 'gap_analysis'
      ? []
      : [heading(2, s.markUse.heading), ...paragraphs(m.texts.certificateMarkUse, s.notRecorded)];
  return {
    title: s.further.heading,
    children: [
      ...marks,
      heading(2, s.unresolved.heading),
      ...paragraphs(m.texts.unresolvedIssues, s.none),
      heading(2, s.confidentiality.heading),
      new Paragraph({ text: s.confidentiality.text }),
    ],
  };
}

export function signOff(ctx: Ctx): ReportSection {
  const { m, s, primary } = ctx;
  const t = s.signOff;
  if (!m.signOff) {
    // A draft shows what the issued version will list, so the lead can check it before signing.
    return {
      title: t.heading,
      children: [
        new Paragraph({ children: [new TextRun({ text: t.draft, bold: true, color: 'C00000', size: 28 })] }),
        ...provenance(ctx),
      ],
    };
  }
  return {
    title: t.heading,
    children: [
      new Paragraph({ text: t.intro }),
      factsTable(
        [
          [t.name, m.signOff.signerName],
          [t.role, m.signOff.signerRole],
          [t.date, s.date(m.signOff.signedOn)],
          [t.fingerprint, m.signOff.fingerprint],
        ],
        primary,
      ),
      new Paragraph({ spacing: { before: 200 }, children: [new TextRun({ text: t.signatureNote, italics: true })] }),
      ...provenance(ctx),
    ],
  };
}
