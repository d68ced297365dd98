/** What importing a parsed SoA would change on an audit's Annex A controls. */
import type { SoaEntry, SoaPreview } from '#shared/domain/checklist';
import { parseControlNumber } from './columns';
import type { ParsedSoa } from './parse';

export interface SoaControl {
  ref: string;
  number: string;
  title: string;
  soa: SoaEntry | null;
}

const sameEntry = (a: SoaEntry | null, b: SoaEntry) =>
  a !== null && a.applicable === b.applicable && a.justification === b.justification && a.status === b.status;

export function buildSoaPreview(parsed: ParsedSoa, controls: readonly SoaControl[]): SoaPreview {
  const byNumber = new Map(controls.map((c) => [parseControlNumber(c.number)?.number ?? c.number, c]));
  const seen = new Set<string>();
  const preview: SoaPreview = {
    version: parsed.version,
    rows: parsed.rows.length,
    changes: [],
    unchanged: 0,
    excluded: [],
    unknown: [],
    duplicates: [],
    missing: [],
    problems: [...parsed.problems],
  };
  for (const row of parsed.rows) {
    const control = byNumber.get(row.number);
    if (!control) {
      preview.unknown.push({ line: row.line, number: row.written ?? row.number });
      continue;
    }
    // The first row for a control wins; later ones are listed, not applied.
    if (seen.has(row.number)) {
      preview.duplicates.push({ line: row.line, number: row.number });
      continue;
    }
    seen.add(row.number);
    // Unreadable applicability is already a problem on this line; the control keeps what it has.
    if (row.applicable === null) continue;
    const after: SoaEntry = { applicable: row.applicable, justification: row.justification, status: row.status };
    if (!after.applicable) {
      preview.excluded.push({ number: control.number, title: control.title, justification: after.justification });
      if (after.justification === '')
        preview.problems.push({ line: row.line, message: 'Excluded without a justification' });
    }
    if (sameEntry(control.soa, after)) preview.unchanged++;
    else
      preview.changes.push({
        ref: control.ref,
        number: control.number,
        title: control.title,
        before: control.soa,
        after,
      });
  }
  for (const [number, control] of byNumber) {
    if (!seen.has(number)) preview.missing.push({ number: control.number, title: control.title });
  }
  preview.problems.sort((a, b) => a.line - b.line);
  return preview;
}
