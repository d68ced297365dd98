import { z } from 'zod';
import { AuditMode, AuditType, TeamMember } from './audit';
import { Id, IsoDate, requiredText, text } from './common';

/**
 * The audit plan (ISO/IEC 17021-1 9.2.3): the audit's own objectives, scope,
 * criteria, sites, dates and team, plus notes and a timetable of sessions,
 * each linked to the checklist items it covers.
 */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:30');

const by = text(200, 'Your name').default('');

const sessionFields = {
  day: IsoDate,
  startTime: ClockTime,
  endTime: ClockTime,
  siteId: Id.nullable().default(null),
  topic: requiredText(2000, 'Process or requirements'),
  auditee: text(500, 'Auditee').default(''),
  auditorId: Id.nullable().default(null),
  /** The checklist items this session covers (the item editor shows the session). */
  itemIds: z.array(Id).max(500, 'At most 500 checklist items a session').default([]),
};

const endAfterStart = <T extends z.ZodType<{ startTime: string; endTime: string }>>(schema: T) =>
  schema.superRefine((s, ctx) => {
    if (s.endTime <= s.startTime) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The session ends before it starts' });
    }
  });

export const PlanSessionFields = endAfterStart(z.strictObject(sessionFields));
export type PlanSessionFields = z.input<typeof PlanSessionFields>;

export const PlanSessionAddInput = endAfterStart(z.strictObject({ auditId: Id, ...sessionFields, by }));
export type PlanSessionAddInput = z.input<typeof PlanSessionAddInput>;

export const PlanSessionUpdateInput = z.strictObject({ id: Id, session: PlanSessionFields, by });
export type PlanSessionUpdateInput = z.input<typeof PlanSessionUpdateInput>;

export const PlanSessionRef = z.strictObject({ id: Id, by });

export const PlanSaveInput = z.strictObject({
  auditId: Id,
  objectives: text(8000, 'Objectives'),
  scope: requiredText(8000, 'Scope statement'),
  criteria: text(8000, 'Criteria'),
  /** Logistics, language, confidentiality arrangements, anything else the client should know beforehand. */
  notes: text(8000, 'Notes').default(''),
  by,
});
export type PlanSaveInput = z.input<typeof PlanSaveInput>;

export const PlanItemRef = z.object({ id: Id, ref: z.string(), title: z.string() });

export const PlanSession = z.object({
  id: Id,
  auditId: Id,
  day: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  siteId: Id.nullable(),
  siteName: z.string().nullable(),
  topic: z.string(),
  auditee: z.string(),
  auditorId: Id.nullable(),
  auditorName: z.string().nullable(),
  items: z.array(PlanItemRef),
});
export type PlanSession = z.infer<typeof PlanSession>;

export const PlanSite = z.object({ id: Id, name: z.string(), address: z.string() });

export const AuditPlan = z.object({
  auditId: Id,
  clientName: z.string(),
  type: AuditType,
  standard: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  mode: AuditMode,
  objectives: z.string(),
  scope: z.string(),
  criteria: z.string(),
  notes: z.string(),
  sites: z.array(PlanSite),
  team: z.array(TeamMember),
  sessions: z.array(PlanSession),
  updatedAt: z.string().nullable(),
  updatedBy: z.string(),
});
export type AuditPlan = z.infer<typeof AuditPlan>;

/** Where a checklist item is planned: the sessions that list it. */
export const ItemSession = z.object({
  id: Id,
  day: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  topic: z.string(),
  auditorName: z.string().nullable(),
});
export type ItemSession = z.infer<typeof ItemSession>;
