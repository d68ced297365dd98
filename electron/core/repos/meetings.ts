import { createHash } from 'node:crypto';
import { DomainError } from '#shared/api/result';
import type { Meeting, MeetingInput, MeetingKind, Meetings } from '#shared/domain/meetings';
import type { z } from 'zod';
import { newId } from '../ids';
import { requireEditableAudit } from './checklist';
import { stamp, type RepoContext } from './context';

type Input = z.output<typeof MeetingInput>;

/**
 * An audit has one opening and one closing meeting (UNIQUE (audit_id, kind)): its id is made from those two,
 * so the lead and an auditor who both record the opening meeting offline write the same record, merged field
 * by field (issue 13), instead of two records the merge could not both keep. Shaped like a UUID v7.
 */
export function meetingId(auditId: string, kind: MeetingKind): string {
  const h = createHash('sha256').update(`fieldwork meeting/${auditId}/${kind}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface MeetingRow {
  id: string;
  audit_id: string;
  kind: MeetingKind;
  held_on: string;
  confirmed_plan: number;
  confirmed_confidentiality: number;
  confirmed_reporting: number;
  confirmed_appeals: number;
  findings_presented: string;
  acknowledgement: string;
  acknowledged_by: string;
  notes: string;
  updated_at: string;
  updated_by: string;
}

function toMeeting(ctx: RepoContext, r: MeetingRow): Meeting {
  const attendees = ctx.db
    .prepare('SELECT id, name, role, organisation FROM meeting_attendees WHERE meeting_id = ? ORDER BY position')
    .all(r.id) as Meeting['attendees'];
  return {
    auditId: r.audit_id,
    kind: r.kind,
    heldOn: r.held_on,
    attendees,
    confirmed: {
      plan: r.confirmed_plan === 1,
      confidentiality: r.confirmed_confidentiality === 1,
      reporting: r.confirmed_reporting === 1,
      appeals: r.confirmed_appeals === 1,
    },
    findingsPresented: r.findings_presented,
    acknowledgement: r.acknowledgement,
    acknowledgedBy: r.acknowledged_by,
    notes: r.notes,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** The audit's opening and closing meetings, each null until recorded. */
export function getMeetings(ctx: RepoContext, auditId: string): Meetings {
  if (!ctx.db.prepare('SELECT 1 FROM audits WHERE id = ?').get(auditId)) {
    throw new DomainError('not_found', 'This audit does not exist (it may have been deleted).');
  }
  const rows = ctx.db.prepare('SELECT * FROM audit_meetings WHERE audit_id = ?').all(auditId) as MeetingRow[];
  const of = (kind: MeetingKind) => {
    const r = rows.find((x) => x.kind === kind);
    return r ? toMeeting(ctx, r) : null;
  };
  return { auditId, opening: of('opening'), closing: of('closing') };
}

/**
 * Records a meeting (again, replacing what was recorded). Meetings are held
 * during the audit, the closing one after the opening one; the closing
 * meeting's date is also the audit's closing-meeting date, from which the
 * client's response deadlines run.
 */
export function saveMeeting(ctx: RepoContext, input: Input): Meetings {
  requireEditableAudit(ctx, input.auditId);
  const audit = ctx.db.prepare('SELECT start_date, end_date FROM audits WHERE id = ?').get(input.auditId) as {
    start_date: string;
    end_date: string;
  };
  if (input.heldOn < audit.start_date || input.heldOn > audit.end_date) {
    throw new DomainError(
      'invalid_input',
      `The meeting must be held within the audit's dates (${audit.start_date} to ${audit.end_date}).`,
      [{ path: ['heldOn'], message: `Choose a day from ${audit.start_date} to ${audit.end_date}` }],
    );
  }
  const current = getMeetings(ctx, input.auditId);
  if (input.kind === 'closing') {
    if (!current.opening) {
      throw new DomainError('conflict', 'Record the opening meeting before the closing meeting.');
    }
    if (input.heldOn < current.opening.heldOn) {
      throw new DomainError(
        'invalid_input',
        `The closing meeting cannot be held before the opening meeting (${current.opening.heldOn}).`,
        [{ path: ['heldOn'], message: `Choose ${current.opening.heldOn} or later` }],
      );
    }
  } else if (current.closing && input.heldOn > current.closing.heldOn) {
    throw new DomainError(
      'invalid_input',
      `The opening meeting cannot be held after the closing meeting (${current.closing.heldOn}).`,
      [{ path: ['heldOn'], message: `Choose ${current.closing.heldOn} or earlier` }],
    );
  }
  const s = stamp(ctx);
  const values = {
    id: meetingId(input.auditId, input.kind),
    auditId: input.auditId,
    kind: input.kind,
    heldOn: input.heldOn,
    plan: input.confirmed.plan ? 1 : 0,
    confidentiality: input.confirmed.confidentiality ? 1 : 0,
    reporting: input.confirmed.reporting ? 1 : 0,
    appeals: input.confirmed.appeals ? 1 : 0,
    findings: input.findingsPresented,
    ack: input.acknowledgement,
    ackBy: input.acknowledgedBy,
    notes: input.notes,
    by: input.by,
    now: s.now,
    device: s.device,
  };
  ctx.db
    .prepare(
      `INSERT INTO audit_meetings (id, audit_id, kind, held_on, confirmed_plan, confirmed_confidentiality, confirmed_reporting,
         confirmed_appeals, findings_presented, acknowledgement, acknowledged_by, notes, updated_by, created_at, updated_at, device_id)
       VALUES (@id, @auditId, @kind, @heldOn, @plan, @confidentiality, @reporting, @appeals, @findings, @ack, @ackBy, @notes, @by,
         @now, @now, @device)
       ON CONFLICT (audit_id, kind) DO UPDATE SET held_on = @heldOn, confirmed_plan = @plan,
         confirmed_confidentiality = @confidentiality, confirmed_reporting = @reporting, confirmed_appeals = @appeals,
         findings_presented = @findings, acknowledgement = @ack, acknowledged_by = @ackBy, notes = @notes, updated_by = @by,
         updated_at = @now, device_id = @device`,
    )
    .run(values);
  const { id } = ctx.db
    .prepare('SELECT id FROM audit_meetings WHERE audit_id = ? AND kind = ?')
    .get(input.auditId, input.kind) as { id: string };
  syncAttendees(ctx, id, input);
  if (input.kind === 'closing') {
    ctx.db
      .prepare(
        `UPDATE audits SET closing_meeting_date = ?, updated_at = ?, device_id = ?
         WHERE id = ? AND closing_meeting_date IS NOT ?`,
      )
      .run(input.heldOn, s.now, s.device, input.auditId, input.heldOn);
  }
  return getMeetings(ctx, input.auditId);
}

/** Attendees keep their ids, as an audit's team does, so only real edits get new stamps. */
function syncAttendees(ctx: RepoContext, meetingId: string, input: Input): void {
  const s = stamp(ctx);
  const existing = new Map(
    (
      ctx.db
        .prepare('SELECT id, position, name, role, organisation FROM meeting_attendees WHERE meeting_id = ?')
        .all(meetingId) as { id: string; position: number; name: string; role: string; organisation: string }[]
    ).map((r) => [r.id, r]),
  );
  for (const a of input.attendees) {
    if (a.id !== undefined && !existing.has(a.id)) {
      throw new DomainError(
        'not_found',
        'An attendee being edited is not on this meeting any more; reload and try again.',
      );
    }
  }
  const kept = new Set<string>();
  const insert = ctx.db.prepare(
    `INSERT INTO meeting_attendees (id, meeting_id, position, name, role, organisation, created_at, updated_at, device_id)
     VALUES (@id, @meetingId, @position, @name, @role, @organisation, @now, @now, @device)`,
  );
  const update = ctx.db.prepare(
    `UPDATE meeting_attendees SET position = @position, name = @name, role = @role, organisation = @organisation,
       updated_at = @now, device_id = @device WHERE id = @id`,
  );
  input.attendees.forEach((a, position) => {
    const row = { meetingId, position, name: a.name, role: a.role, organisation: a.organisation };
    const before = a.id === undefined ? undefined : existing.get(a.id);
    if (before) {
      kept.add(before.id);
      const same =
        before.position === position &&
        before.name === a.name &&
        before.role === a.role &&
        before.organisation === a.organisation;
      if (!same) update.run({ ...row, id: before.id, now: s.now, device: s.device });
    } else {
      insert.run({ ...row, id: newId(), now: s.now, device: s.device });
    }
  });
  const del = ctx.db.prepare('DELETE FROM meeting_attendees WHERE id = ?');
  for (const id of existing.keys()) if (!kept.has(id)) del.run(id);
}
