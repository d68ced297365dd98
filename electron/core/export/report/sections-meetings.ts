import { Paragraph, TextRun, type FileChild } from 'docx';
import {
  MEETING_CONFIRMATIONS,
  MEETING_CONFIRMATION_LABELS,
  MEETING_KIND_LABELS,
  type Meeting,
  type Meetings,
} from '#shared/domain/meetings';
import { field, heading, label, table } from './docx-kit';
import type { Ctx, ReportSection } from './sections-front';

/** A meeting as the report prints it: no stamps, so saving it unchanged leaves the content hash alone. */
export type ReportMeeting = Omit<Meeting, 'auditId' | 'updatedAt' | 'updatedBy'>;
export interface ReportMeetings {
  opening: ReportMeeting | null;
  closing: ReportMeeting | null;
}

const strip = (m: Meeting | null): ReportMeeting | null => {
  if (!m) return null;
  const { auditId: _a, updatedAt: _u, updatedBy: _b, ...rest } = m;
  return rest;
};

/**
 * The report model's `meetings` key: absent when neither meeting is recorded,
 * so reports of audits without them keep their content hash.
 */
export const reportMeetings = (m: Meetings): { meetings?: ReportMeetings } =>
  m.opening || m.closing ? { meetings: { opening: strip(m.opening), closing: strip(m.closing) } } : {};

function meeting({ primary, s }: Ctx, kind: 'opening' | 'closing', m: ReportMeeting | null): FileChild[] {
  const T = s.meetings;
  const name = MEETING_KIND_LABELS[kind];
  if (!m) return [new Paragraph({ text: T.notHeld(name) })];
  const confirmed = MEETING_CONFIRMATIONS.filter((c) => m.confirmed[c]).map((c) => MEETING_CONFIRMATION_LABELS[c]);
  const out: FileChild[] = [
    heading(2, T.held(name, m.heldOn)),
    table(
      T.attendees,
      m.attendees.map((a) => [a.name, a.role, a.organisation]),
      { primary, widths: [34, 33, 33] },
    ),
    label(T.confirmed),
    new Paragraph({ text: confirmed.length ? confirmed.join('; ') : T.nothingConfirmed }),
  ];
  if (kind === 'closing') {
    out.push(...field(T.findings, m.findingsPresented, T.none));
    if (m.acknowledgedBy) {
      out.push(
        label(T.acknowledgement(m.acknowledgedBy)),
        new Paragraph({ children: [new TextRun({ text: m.acknowledgement || T.none, italics: true })] }),
      );
    }
  }
  if (m.notes) out.push(...field(T.notes, m.notes, T.none));
  return out;
}

/** ISO/IEC 17021-1 9.4.6 and 9.4.7: who attended, what was confirmed, the findings presented and acknowledged. */
export function meetingsSection(ctx: Ctx): ReportSection | null {
  const m = ctx.m.meetings;
  if (!m) return null;
  return {
    title: ctx.s.meetings.heading,
    children: [...meeting(ctx, 'opening', m.opening), ...meeting(ctx, 'closing', m.closing)],
  };
}
