import type { RepoContext } from '../repos/context';
import { getMeetings, saveMeeting } from '../repos/meetings';
import { getPlan, savePlan } from '../repos/plan/plan';
import { addSession, deleteSession, sessionsForItem, updateSession } from '../repos/plan/sessions';
import { getReview, recordDecision, recordReview } from '../repos/review';
import type { Handlers, Tx } from './types';

type PlanOps = Extract<keyof Handlers, `plan.${string}` | `meetings.${string}` | `review.${string}`>;

/** The audit method around the checklist: plan, opening and closing meetings, technical review and decision. */
export const planHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, PlanOps> => ({
  'plan.get': tx(({ auditId }) => getPlan(ctx, auditId)),
  'plan.save': tx((input) => savePlan(ctx, input)),
  'plan.addSession': tx(({ auditId, by: _by, ...fields }) => addSession(ctx, auditId, fields)),
  'plan.updateSession': tx(({ id, session }) => updateSession(ctx, id, session)),
  'plan.deleteSession': tx(({ id }) => deleteSession(ctx, id)),
  'plan.itemSessions': tx(({ itemId }) => sessionsForItem(ctx, itemId)),
  'meetings.get': tx(({ auditId }) => getMeetings(ctx, auditId)),
  'meetings.save': tx((input) => saveMeeting(ctx, input)),
  'review.get': tx(({ auditId }) => getReview(ctx, auditId)),
  'review.record': tx((input) => recordReview(ctx, input)),
  'review.decide': tx((input) => recordDecision(ctx, input)),
});
