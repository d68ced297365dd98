import type { TFunction } from 'i18next';
import type { EvidenceTarget, EvidenceTargetType } from '#shared/domain/evidence';

/**
 * "Interview, 2 checklist items" when the records' names are not at hand;
 * the words are the evidence namespace's (targetLabel.*, targetCount.*).
 */
export function linkSummary(links: readonly EvidenceTarget[], t: TFunction<'evidence'>): string {
  const counts = new Map<EvidenceTargetType, number>();
  for (const l of links) counts.set(l.type, (counts.get(l.type) ?? 0) + 1);
  if (counts.size === 0) return t('nothing');
  return [...counts]
    .map(([type, n]) => (n === 1 ? t(`targetLabel.${type}`) : t(`targetCount.${type}`, { count: n })))
    .join(', ');
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
