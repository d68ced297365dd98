import { z } from 'zod';
import { Id, IsoDate, requiredText, text } from './common';

/**
 * Wall-clock time on site, without a time zone ("2026-03-14T09:30"): an
 * interview at 09:30 in Lisbon stays at 09:30 whoever opens the audit later.
 */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use a date and time like 2026-03-14T09:30')
  .refine((s) => {
    const d = new Date(`${s}:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'Not a real date and time');

/**
 * A partial-edit schema from a create schema: every field optional and
 * WITHOUT its default. (zod's .partial() keeps defaults, so a patch would
 * silently reset every field it left out.)
 */
function patchOf<S extends z.ZodRawShape>(input: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(input.shape).map(([k, v]) => {
      const field = v as z.ZodType;
      return [k, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional()];
    }),
  ) as unknown as { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer T> ? T : S[K]> };
  return z.strictObject(shape);
}

/** Checklist items (of the same audit) a record supports. */
const ItemIds = z.array(Id).max(500, 'At most 500 linked requirements');

export const NOTES_MAX = 100_000;

// ---------------------------------------------------------------- interviews

export const InterviewInput = z.strictObject({
  intervieweeName: requiredText(200, 'Interviewee name'),
  intervieweeRole: text(200, 'Role').default(''),
  department: text(200, 'Department').default(''),
  /** One of the client's sites in this audit's scope, or none. */
  siteId: Id.nullable().default(null),
  heldAt: LocalDateTime,
  /** audit_team member ids of the auditors present. */
  auditorIds: z.array(Id).max(50, 'At most 50 auditors').default([]),
  itemIds: ItemIds.default([]),
  notes: text(NOTES_MAX, 'Notes').default(''),
});
export type InterviewInput = z.input<typeof InterviewInput>;
/** A partial edit (e.g. notes autosave); absent fields stay as they are. */
export const InterviewPatch = patchOf(InterviewInput);

export const Interview = z.object({
  id: Id,
  auditId: Id,
  intervieweeName: z.string(),
  intervieweeRole: z.string(),
  department: z.string(),
  siteId: Id.nullable(),
  heldAt: z.string(),
  auditorIds: z.array(Id),
  itemIds: z.array(Id),
  notes: z.string(),
  /** Number of evidence attachments linked to this interview. */
  attachmentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Interview = z.infer<typeof Interview>;

// -------------------------------------------------------------- observations

export const ObservationInput = z.strictObject({
  siteId: Id.nullable().default(null),
  location: text(300, 'Location').default(''),
  observedAt: LocalDateTime,
  description: requiredText(NOTES_MAX, 'Description'),
  itemIds: ItemIds.default([]),
});
export type ObservationInput = z.input<typeof ObservationInput>;
export const ObservationPatch = patchOf(ObservationInput);

export const Observation = z.object({
  id: Id,
  auditId: Id,
  siteId: Id.nullable(),
  location: z.string(),
  observedAt: z.string(),
  description: z.string(),
  itemIds: z.array(Id),
  attachmentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Observation = z.infer<typeof Observation>;

// --------------------------------------------------------- documents reviewed

/** A client document seen during the audit but not copied. */
export const DocumentInput = z.strictObject({
  title: requiredText(300, 'Document title'),
  identifier: text(200, 'Identifier').default(''),
  revision: text(100, 'Version or revision').default(''),
  documentDate: IsoDate.nullable().default(null),
  owner: text(200, 'Owner').default(''),
  itemIds: ItemIds.default([]),
  notes: text(NOTES_MAX, 'Notes').default(''),
});
export type DocumentInput = z.input<typeof DocumentInput>;
export const DocumentPatch = patchOf(DocumentInput);

export const DocumentReviewed = z.object({
  id: Id,
  auditId: Id,
  title: z.string(),
  identifier: z.string(),
  revision: z.string(),
  documentDate: z.string().nullable(),
  owner: z.string(),
  itemIds: z.array(Id),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentReviewed = z.infer<typeof DocumentReviewed>;
