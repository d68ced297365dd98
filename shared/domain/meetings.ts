import { z } from 'zod';
import { Id, IsoDate, requiredText, text } from './common';
import { labelsEn } from '#shared/i18n/labels/en';

/** Opening and closing meetings (ISO/IEC 17021-1 9.4.6, 9.4.7). */
export const MEETING_KINDS = ['opening', 'closing'] as const;
export const MeetingKind = z.enum(MEETING_KINDS, { error: 'Choose the opening or the closing meeting' });
export type MeetingKind = z.infer<typeof MeetingKind>;
/** English; other languages: labelsIn(language).meetingKind (#shared/i18n/labels/index). */
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = labelsEn.meetingKind;

/** What the lead auditor confirms with the client at a meeting, as checkboxes. */
export const MEETING_CONFIRMATIONS = ['plan', 'confidentiality', 'reporting', 'appeals'] as const;
export type MeetingConfirmation = (typeof MEETING_CONFIRMATIONS)[number];
/** English; other languages: labelsIn(language).meetingConfirmation (#shared/i18n/labels/index). */
export const MEETING_CONFIRMATION_LABELS: Record<MeetingConfirmation, string> = labelsEn.meetingConfirmation;

export const MeetingAttendeeInput = z.strictObject({
  id: Id.optional(),
  name: requiredText(200, 'Attendee name'),
  role: text(200, 'Role').default(''),
  organisation: text(200, 'Organisation').default(''),
});
export type MeetingAttendeeInput = z.input<typeof MeetingAttendeeInput>;

export const MeetingInput = z
  .strictObject({
    auditId: Id,
    kind: MeetingKind,
    heldOn: IsoDate,
    attendees: z.array(MeetingAttendeeInput).min(1, 'List who attended').max(100, 'At most 100 attendees'),
    confirmed: z
      .strictObject({
        plan: z.boolean().default(false),
        confidentiality: z.boolean().default(false),
        reporting: z.boolean().default(false),
        appeals: z.boolean().default(false),
      })
      .default({ plan: false, confidentiality: false, reporting: false, appeals: false }),
    /** Closing meeting: the findings presented, in words. */
    findingsPresented: text(8000, 'Findings presented').default(''),
    /** Closing meeting: what the client said on acknowledging the findings. */
    acknowledgement: text(4000, 'Acknowledgement').default(''),
    acknowledgedBy: text(200, 'Acknowledged by').default(''),
    notes: text(8000, 'Notes').default(''),
    by: text(200, 'Your name').default(''),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'opening' && (m.findingsPresented || m.acknowledgement || m.acknowledgedBy)) {
      ctx.addIssue({
        code: 'custom',
        path: ['findingsPresented'],
        message: 'Findings are presented and acknowledged at the closing meeting',
      });
    }
    if (m.acknowledgement && !m.acknowledgedBy) {
      ctx.addIssue({ code: 'custom', path: ['acknowledgedBy'], message: 'Say who acknowledged the findings' });
    }
  });
export type MeetingInput = z.input<typeof MeetingInput>;

export const MeetingAttendee = z.object({ id: Id, name: z.string(), role: z.string(), organisation: z.string() });

export const Meeting = z.object({
  auditId: Id,
  kind: MeetingKind,
  heldOn: z.string(),
  attendees: z.array(MeetingAttendee),
  confirmed: z.object({
    plan: z.boolean(),
    confidentiality: z.boolean(),
    reporting: z.boolean(),
    appeals: z.boolean(),
  }),
  findingsPresented: z.string(),
  acknowledgement: z.string(),
  acknowledgedBy: z.string(),
  notes: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

export const Meetings = z.object({ auditId: Id, opening: Meeting.nullable(), closing: Meeting.nullable() });
export type Meetings = z.infer<typeof Meetings>;
