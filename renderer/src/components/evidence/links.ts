import type { EvidenceTarget, EvidenceTargetType } from '#shared/domain/evidence';

/** How the UI names each kind of link target in a sentence: "attached only to this interview". */
export const TARGET_NOUNS: Record<EvidenceTargetType, string> = {
  audit: 'audit',
  checklist_item: 'checklist item',
  interview: 'interview',
  observation: 'observation',
  finding: 'finding',
  finding_verification: 'finding verification',
};

export const TARGET_LABELS: Record<EvidenceTargetType, string> = {
  audit: 'Evidence library',
  checklist_item: 'Checklist item',
  interview: 'Interview',
  observation: 'Observation',
  finding: 'Finding',
  finding_verification: 'Verification of a finding',
};

/** "Interview, 2 checklist items" when the records' names are not at hand. */
export function linkSummary(links: readonly EvidenceTarget[]): string {
  const counts = new Map<EvidenceTargetType, number>();
  for (const l of links) counts.set(l.type, (counts.get(l.type) ?? 0) + 1);
  if (counts.size === 0) return 'Nothing';
  return [...counts].map(([type, n]) => (n === 1 ? TARGET_LABELS[type] : `${n} ${TARGET_NOUNS[type]}s`)).join(', ');
}

/** Where a link leads in the app (the hit-link format of search). */
export function linkHref(auditId: string, link: EvidenceTarget): string | null {
  const base = `#/audits/${auditId}`;
  switch (link.type) {
    case 'checklist_item':
      return `${base}/checklist?item=${encodeURIComponent(link.id)}`;
    case 'interview':
      return `${base}/interviews?open=${encodeURIComponent(link.id)}`;
    case 'observation':
      return `${base}/observations?open=${encodeURIComponent(link.id)}`;
    case 'finding':
    case 'finding_verification':
      return `${base}/findings?open=${encodeURIComponent(link.id)}`;
    default:
      return null;
  }
}
