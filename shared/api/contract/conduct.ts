import { z } from 'zod';
import {
  AuditPlan,
  ItemSession,
  PlanSaveInput,
  PlanSession,
  PlanSessionAddInput,
  PlanSessionRef,
  PlanSessionUpdateInput,
} from '../../domain/plan';
import { MeetingInput, Meetings } from '../../domain/meetings';
import { DecisionInput, ReviewInput, ReviewState } from '../../domain/review';
import { Id } from '../../domain/common';
import { ByAudit } from './common';
import type { OpShapes } from './common';

/** Running an audit: its plan and sessions, opening and closing meetings, the technical review. */
export const conductOps = {
  /** The audit plan (ISO/IEC 17021-1 9.2.3): the audit's objectives, scope and criteria, notes, the timetable. */
  'plan.get': { input: ByAudit, output: AuditPlan },
  'plan.save': { input: PlanSaveInput, output: AuditPlan },
  'plan.addSession': { input: PlanSessionAddInput, output: PlanSession },
  'plan.updateSession': { input: PlanSessionUpdateInput, output: PlanSession },
  'plan.deleteSession': { input: PlanSessionRef, output: z.object({ id: Id }) },
  /** The sessions that plan a checklist item. */
  'plan.itemSessions': { input: z.strictObject({ itemId: Id }), output: z.array(ItemSession) },
  /** Opening and closing meetings (9.4.6, 9.4.7). */
  'meetings.get': { input: ByAudit, output: Meetings },
  'meetings.save': { input: MeetingInput, output: Meetings },
  /** Technical review and certification decision (9.5), by people outside the audit team. */
  'review.get': { input: ByAudit, output: ReviewState },
  'review.record': { input: ReviewInput, output: ReviewState },
  'review.decide': { input: DecisionInput, output: ReviewState },
} as const satisfies OpShapes;
