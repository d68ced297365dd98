import { Paragraph, TextRun, type FileChild } from 'docx';
import { factsTable, heading } from './docx-kit';
import type { Ctx } from './sections-front';

/**
 * On the sign-off page: the team's returns merged into the audit, one small
 * table each (the SHA-256 is too long to share a row with the rest), then how
 * many conflicts were decided. Nothing at all for a solo audit.
 */
export function provenance({ m, s, primary }: Ctx): FileChild[] {
  const p = m.provenance;
  if (!p || p.packages.length === 0) return [];
  const t = s.provenance;
  const out: FileChild[] = [heading(2, t.heading), new Paragraph({ text: t.intro })];
  for (const pkg of p.packages) {
    out.push(
      factsTable(
        [
          [t.auditor, pkg.auditor],
          [t.device, t.shortDevice(pkg.device)],
          [t.sha256, pkg.sha256, 'mono'],
          [t.merged, t.when(pkg.at)],
        ],
        primary,
      ),
      new Paragraph({ spacing: { after: 120 }, children: [] }),
    );
  }
  out.push(new Paragraph({ children: [new TextRun({ text: t.conflicts(p.conflictsResolved), bold: true })] }));
  return out;
}
