import { DomainError } from '#shared/api/result';
import type { EvidenceTarget } from '#shared/domain/evidence';
import { stamp, type RepoContext } from '../context';
import { findingRow } from './rows';
import { requireStillComplete, touchFinding } from './write';

export const isFindingTarget = (t: EvidenceTarget): boolean =>
  t.type === 'finding' || t.type === 'finding_verification';

/**
 * Stamps each finding among `targets` with `by` before one of its attachment
 * links changes, so the trail entry (migration 6) names who did it.
 */
export function stampFindingTargets(ctx: RepoContext, targets: readonly EvidenceTarget[], by: string): void {
  const s = stamp(ctx);
  for (const t of targets) if (isFindingTarget(t)) touchFinding(ctx, s, t.id, by);
}

/** After an attachment left `target`: an issued finding must keep its objective evidence (else the caller rolls back). */
export function requireCompleteAfterUnlink(ctx: RepoContext, target: EvidenceTarget): void {
  if (target.type !== 'finding') return;
  const row = findingRow(ctx, target.id);
  if (row.status !== 'draft') requireStillComplete(ctx, row);
}

/**
 * An attachment that is an issued finding's objective evidence, or the
 * evidence of a recorded verification, is part of the certification record:
 * it is not deleted outright, only removed from the finding (a change its
 * history keeps).
 */
export function requireNotEvidenceOfIssued(ctx: RepoContext, evidenceId: string): void {
  const numbers = ctx.db
    .prepare(
      `SELECT DISTINCT f.number FROM evidence_links l JOIN findings f ON f.id = l.target_id
       WHERE l.evidence_id = ? AND f.status <> 'draft'
         AND (l.target_type = 'finding' OR (l.target_type = 'finding_verification' AND f.verified_on IS NOT NULL))
       ORDER BY f.number`,
    )
    .pluck()
    .all(evidenceId) as string[];
  if (numbers.length > 0) {
    throw new DomainError('conflict', {
      key: 'errors:evidence.evidenceOfIssued',
      params: { numbers: numbers.join(', ') },
    });
  }
}
