import { Paragraph, TextRun, type FileChild } from 'docx';
import { factsTable, field, heading, paragraphs } from './docx-kit';
import { provenance } from './sections-provenance';
import type { Ctx } from './sections-front';

export function photosSection({ s }: Ctx, photoParagraphs: readonly Paragraph[]): FileChild[] {
  if (photoParagraphs.length === 0) return [];
  return [heading(1, s.photos.heading, true), new Paragraph({ text: s.photos.intro }), ...photoParagraphs];
}

export function conclusions({ m, s }: Ctx): FileChild[] {
  const c = s.conclusions;
  const t = m.texts;
  return [
    heading(1, c.heading, true),
    heading(2, c.internalAudit),
    ...paragraphs(t.conclusionInternalAudit, s.notRecorded),
    heading(2, c.managementReview),
    ...paragraphs(t.conclusionManagementReview, s.notRecorded),
    heading(2, c.scope),
    ...paragraphs(t.conclusionScope, s.notRecorded),
    heading(2, c.objectives),
    ...paragraphs(t.conclusionObjectives, s.notRecorded),
  ];
}

export function recommendation({ m, s }: Ctx): FileChild[] {
  const r = s.recommendation;
  const rec = m.recommendation;
  const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
  // A Stage 1 concludes on readiness for Stage 2, never on certification.
  const labels = m.audit.type === 'stage1' ? s.labels.stage1Recommendation : s.labels.recommendation;
  const out: FileChild[] = [heading(1, m.audit.type === 'stage1' ? r.stage1Heading : r.heading)];
  if (!rec.decided) {
    out.push(new Paragraph({ text: r.suggestedOnly }), bold(labels[rec.suggested]));
  } else {
    out.push(bold(labels[rec.decided.recommendation]));
    // Overriding the suggestion, changing a decision or going ahead with completeness gaps open all need a reason.
    if (rec.decided.overridden) out.push(new Paragraph({ text: r.overridden }), ...paragraphs(rec.decided.reason, ''));
    else if (rec.decided.reason.trim() !== '')
      out.push(new Paragraph({ text: r.reasonGiven }), ...paragraphs(rec.decided.reason, ''));
    out.push(new Paragraph({ text: r.decidedBy(rec.decided.by, rec.decided.on) }));
  }
  if (rec.reasons.length > 0) out.push(...field(r.basis, rec.reasons.join('\n'), ''));
  return out;
}

export function closing({ m, s }: Ctx): FileChild[] {
  return [
    heading(1, s.markUse.heading),
    ...paragraphs(m.texts.certificateMarkUse, s.notRecorded),
    heading(1, s.unresolved.heading),
    ...paragraphs(m.texts.unresolvedIssues, s.none),
    heading(1, s.confidentiality.heading),
    new Paragraph({ text: s.confidentiality.text }),
  ];
}

export function signOff(ctx: Ctx): FileChild[] {
  const { m, s, primary } = ctx;
  const t = s.signOff;
  const out: FileChild[] = [heading(1, t.heading, true)];
  if (!m.signOff) {
    out.push(new Paragraph({ children: [new TextRun({ text: t.draft, bold: true, color: 'C00000', size: 28 })] }));
    // A draft shows what the issued version will list, so the lead can check it before signing.
    return [...out, ...provenance(ctx)];
  }
  out.push(
    new Paragraph({ text: t.intro }),
    factsTable(
      [
        [t.name, m.signOff.signerName],
        [t.role, m.signOff.signerRole],
        [t.date, m.signOff.signedOn],
        [t.fingerprint, m.signOff.fingerprint],
      ],
      primary,
    ),
    new Paragraph({ spacing: { before: 200 }, children: [new TextRun({ text: t.signatureNote, italics: true })] }),
    ...provenance(ctx),
  );
  return out;
}
