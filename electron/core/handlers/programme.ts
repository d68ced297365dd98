import type { RepoContext } from '../repos/context';
import { carriedFindings } from '../repos/programme/carried';
import { setCertification } from '../repos/programme/certification';
import { compareWithPrevious } from '../repos/programme/compare';
import { createNextAudit } from '../repos/programme/create-next';
import { getProgramme } from '../repos/programme/steps';
import { decideRecommendation, getRecommendation } from '../repos/recommendation';
import type { Handlers, Tx } from './types';

type ProgrammeOps = Extract<keyof Handlers, `programme.${string}` | `recommendation.${string}`>;

export const programmeHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, ProgrammeOps> => ({
  'programme.get': tx(({ clientId }) => getProgramme(ctx, clientId)),
  'programme.setCertification': tx(({ clientId, decisionDate, expiryDate }) => {
    setCertification(ctx, clientId, { decisionDate, expiryDate });
    return getProgramme(ctx, clientId);
  }),
  'programme.createNext': tx((input) => createNextAudit(ctx, input)),
  'programme.carried': tx(({ auditId }) => carriedFindings(ctx, auditId)),
  'programme.compare': tx(({ auditId }) => compareWithPrevious(ctx, auditId)),
  'recommendation.get': tx(({ auditId }) => getRecommendation(ctx, auditId)),
  'recommendation.decide': tx((input) => decideRecommendation(ctx, input)),
});
