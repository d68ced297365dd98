import type { RepoContext } from '#core/repos/context';
import type { ReportProvenance } from './model';

/**
 * The returns merged into the audit (received 'return' packages, oldest first;
 * package id breaks a tie so the order, and so the content hash, is stable)
 * and how many conflicts were decided here. Undefined when no return was
 * merged: a solo audit's report says nothing about a team.
 */
export function collectProvenance(ctx: RepoContext, auditId: string): ReportProvenance | undefined {
  const packages = ctx.db
    .prepare(
      `SELECT peer_name AS auditor, device_id AS device, sha256, at FROM team_exchanges
       WHERE audit_id = ? AND direction = 'received' AND kind = 'return' ORDER BY at, package_id`,
    )
    .all(auditId) as { auditor: string; device: string; sha256: string; at: string }[];
  if (packages.length === 0) return undefined;
  const { n } = ctx.db.prepare('SELECT count(*) AS n FROM conflict_resolutions WHERE audit_id = ?').get(auditId) as {
    n: number;
  };
  return { packages, conflictsResolved: n };
}
