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

export const recommendationLabel = (type: AuditType, r: Recommendation): string =>
  type === 'stage1' ? STAGE1_LABELS[r] : RECOMMENDATION_LABELS[r];
