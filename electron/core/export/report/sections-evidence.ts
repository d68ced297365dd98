import { Paragraph, type FileChild } from 'docx';
import { table } from './docx-kit';
import type { EvidenceSupport } from './model';
import type { Ctx, ReportSection } from './sections-front';
import type { ReportStrings } from './strings-en';

/** The digest in two rows of 32 digits: a column that fits beside the name, split where a reader expects it. */
export const digestLines = (sha256: string): string => `${sha256.slice(0, 32)}\n${sha256.slice(32)}`;

const supportText = (s: ReportStrings, x: EvidenceSupport): string => {
  const e = s.evidence;
  switch (x.kind) {
    case 'finding':
      return e.finding(x.name);
    case 'verification':
      return e.verification(x.name);
    case 'interview':
      return e.interview(x.name);
    case 'observation':
      return e.observation(x.name);
    case 'item':
      return e.item(x.name);
    case 'library':
      return e.library;
    case 'draft':
      return e.draftFinding;
  }
};

/**
 * Every evidence file of the audit with its full SHA-256 (issue 19: integrity
 * made visible), its short reference as the findings cite it, and what it
 * supports, findings named by number.
 */
export function evidenceSection({ m, s, primary }: Ctx): ReportSection {
  const e = s.evidence;
  const files = m.evidence ?? [];
  const children: FileChild[] =
    files.length === 0
      ? [new Paragraph({ text: e.none })]
      : [
          new Paragraph({ text: e.intro }),
          table(
            e.cols,
            files.map((f) => [
              e.file(f.name, f.ref, e.size(f.size)),
              digestLines(f.sha256),
              f.supports.map((x) => supportText(s, x)).join('\n'),
            ]),
            { primary, widths: [30, 36, 34], size: 16, mono: [1] },
          ),
        ];
  return { title: e.heading, children };
}
