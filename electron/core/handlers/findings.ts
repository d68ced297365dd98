import type { RepoContext } from '../repos/context';
import {
  closeFinding,
  decideResponse,
  issueFinding,
  respondToFinding,
  verifyFinding,
} from '../repos/findings/lifecycle';
import { listFindings } from '../repos/findings/list';
import { findingPage } from '../repos/findings/page';
import { getFinding } from '../repos/findings/rows';
import { findingSettings, setFindingSettings } from '../repos/findings/settings';
import { trailOf } from '../repos/findings/trail';
import { createFinding, deleteFinding, findingFromItem, updateFinding } from '../repos/findings/write';
import { DomainError } from '#shared/api/result';
import type { Handlers, Tx } from './types';

/** Numbers are the lead's: a member's copy would hand out numbers the lead's copy also uses. */
function refuseOnTeamCopy(ctx: RepoContext, findingId: string): void {
  const member = ctx.db
    .prepare(
      "SELECT 1 FROM findings f JOIN team_audits t ON t.audit_id = f.audit_id WHERE f.id = ? AND t.role = 'member'",
    )
    .get(findingId);
  if (member) {
    throw new DomainError('forbidden', 'Only the lead auditor issues findings: return your package to the lead.');
  }
}

type FindingOps = Extract<keyof Handlers, `findings.${string}`>;

/** Findings: each call one transaction; every write records who acted (`by`) in the audit trail. */
export const findingHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, FindingOps> => ({
  'findings.list': tx((q) => listFindings(ctx, q)),
  'findings.page': tx((q) => findingPage(ctx, q)),
  'findings.get': tx(({ id }) => getFinding(ctx, id)),
  'findings.create': tx(({ auditId, finding, by }) => createFinding(ctx, auditId, finding, by)),
  'findings.fromItem': tx(({ itemId, type, by }) => findingFromItem(ctx, itemId, type, by)),
  'findings.update': tx(({ id, patch, by }) => updateFinding(ctx, id, patch, by)),
  'findings.delete': tx(({ id }) => {
    deleteFinding(ctx, id);
    return { id };
  }),
  'findings.issue': tx(({ id, by }) => {
    refuseOnTeamCopy(ctx, id);
    return issueFinding(ctx, id, by);
  }),
  'findings.respond': tx(({ id, response, by }) => respondToFinding(ctx, id, response, by)),
  'findings.decideResponse': tx((input) => decideResponse(ctx, input)),
  'findings.verify': tx(({ id, verification, by }) => verifyFinding(ctx, id, verification, by)),
  'findings.close': tx(({ id, by }) => closeFinding(ctx, id, by)),
  'findings.trail': tx((q) => trailOf(ctx, q)),
  'findings.settings': tx(({ auditId }) => findingSettings(ctx, auditId)),
  'findings.setSettings': tx((input) => setFindingSettings(ctx, input)),
});
