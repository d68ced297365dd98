import type { AuditType } from '../domain/audit';
import { RECOMMENDATION_LABELS, type Recommendation } from '../domain/programme';

/**
 * A Stage 1 never recommends certification: its conclusion is whether the
 * client is ready for Stage 2 (ISO/IEC 17021-1 9.3.1.2). The stored values
 * are the same three, so the cycle's rules read one column.
 */
const STAGE1_LABELS: Record<Recommendation, string> = {
  recommend: 'Ready for Stage 2',
  after_action_plans: 'Ready for Stage 2 once the areas of concern have an accepted action plan',
  not_recommended: 'Not ready for Stage 2',
};

/** A surveillance audit decides whether certification is maintained (17021-1 9.6.2), not whether it is granted. */
const SURVEILLANCE_LABELS: Record<Recommendation, string> = {
  recommend: 'Recommend maintaining certification',
  after_action_plans: 'Recommend maintaining certification once the corrective action plans are accepted',
  not_recommended: 'Do not recommend maintaining certification until major nonconformities are corrected and verified',
};

/** A recertification audit decides on renewing certification (17021-1 9.6.3). */
const RECERTIFICATION_LABELS: Record<Recommendation, string> = {
  recommend: 'Recommend renewing certification',
  after_action_plans: 'Recommend renewing certification once the corrective action plans are accepted',
  not_recommended: 'Do not recommend renewing certification until major nonconformities are corrected and verified',
};

export const recommendationLabel = (type: AuditType, r: Recommendation): string =>
  type === 'stage1'
    ? STAGE1_LABELS[r]
    : type === 'surveillance1' || type === 'surveillance2'
      ? SURVEILLANCE_LABELS[r]
      : type === 'recertification'
        ? RECERTIFICATION_LABELS[r]
        : RECOMMENDATION_LABELS[r];
