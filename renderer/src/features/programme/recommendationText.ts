import type { TFunction } from 'i18next';
import type { AuditType } from '#shared/domain/audit';
import type { Recommendation } from '#shared/domain/programme';

/**
 * The recommendation's words in the UI language, worded for the audit as
 * shared/rules/recommendation-label words them in English: readiness for a
 * Stage 1, maintaining for a surveillance, renewing for a recertification,
 * certification otherwise (labels:recommendation).
 */
export function recommendationText(t: TFunction, type: AuditType, r: Recommendation): string {
  if (type === 'stage1') return t(`programme:recommendationFor.stage1.${r}`);
  if (type === 'surveillance1' || type === 'surveillance2') return t(`programme:recommendationFor.surveillance.${r}`);
  if (type === 'recertification') return t(`programme:recommendationFor.recertification.${r}`);
  return t(`labels:recommendation.${r}`);
}
