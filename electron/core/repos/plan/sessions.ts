import { DomainError } from '#shared/api/result';
import type { ItemSession, PlanSession, PlanSessionFields } from '#shared/domain/plan';
import type { z } from 'zod';
import { newId } from '../../ids';
import { requireEditableAudit } from '../checklist';
import { stamp, type RepoContext, type Stamp } from '../context';

type Fields = z.output<typeof PlanSessionFields>;

interface SessionRow {
  id: string;
  audit_id: string;
  day: string;
  start_time: string;
  end_time: string;
  site_id: string | null;
  site_name: string | null;
  topic: string;
  auditee: string;
  auditor_id: string | null;
  auditor_name: string | null;
}

const SESSION_SELECT = `SELECT p.*, s.name AS site_name, t.name AS auditor_name
  FROM plan_sessions p
  LEFT JOIN client_sites s ON s.id = p.site_id
  LEFT JOIN audit_team t ON t.id = p.auditor_id`;

/** The audit's timetable in order of day and time, each session with the checklist items it covers. */
export function listSessions(ctx: RepoContext, auditId: string): PlanSession[] {
  const rows = ctx.db
    .prepare(`${SESSION_SELECT} WHERE p.audit_id = ? ORDER BY p.day, p.start_time, p.end_time, p.id`)
    .all(auditId) as SessionRow[];
  const items = ctx.db
    .prepare(
      `SELECT si.session_id, c.id, c.ref, c.title FROM plan_session_items si
       JOIN plan_sessions p ON p.id = si.session_id JOIN checklist_items c ON c.id = si.item_id
       WHERE p.audit_id = ? ORDER BY c.position`,
    )
    .all(auditId) as { session_id: string; id: string; ref: string; title: string }[];
  const bySession = new Map<string, PlanSession['items']>();
  for (const i of items) {
    const list = bySession.get(i.session_id) ?? [];
    list.push({ id: i.id, ref: i.ref, title: i.title });
    bySession.set(i.session_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    auditId: r.audit_id,
    day: r.day,
    startTime: r.start_time,
    endTime: r.end_time,
    siteId: r.site_id,
    siteName: r.site_name,
    topic: r.topic,
    auditee: r.auditee,
    auditorId: r.auditor_id,
    auditorName: r.auditor_name,
    items: bySession.get(r.id) ?? [],
  }));
}

/** Refuses what the schema cannot see: a day outside the audit, a site out of scope, an auditor off the team. */
function checkFields(ctx: RepoContext, auditId: string, f: Fields): void {
  const audit = ctx.db.prepare('SELECT start_date, end_date FROM audits WHERE id = ?').get(auditId) as {
    start_date: string;
    end_date: string;
  };
  if (f.day < audit.start_date || f.day > audit.end_date) {
    throw new DomainError(
      'invalid_input',
      `The session's day must fall within the audit's dates (${audit.start_date} to ${audit.end_date}).`,
      [{ path: ['day'], message: `Choose a day from ${audit.start_date} to ${audit.end_date}` }],
    );
  }
  if (
    f.siteId &&
    !ctx.db.prepare('SELECT 1 FROM audit_sites WHERE audit_id = ? AND site_id = ?').get(auditId, f.siteId)
  ) {
    throw new DomainError('invalid_input', 'That site is not in the scope of this audit.', [
      { path: ['siteId'], message: 'Choose a site in the audit scope' },
    ]);
  }
  if (
    f.auditorId &&
    !ctx.db.prepare('SELECT 1 FROM audit_team WHERE audit_id = ? AND id = ?').get(auditId, f.auditorId)
  ) {
    throw new DomainError('invalid_input', 'That auditor is not on this audit team.', [
      { path: ['auditorId'], message: 'Choose a member of the audit team' },
    ]);
  }
  const unique = new Set(f.itemIds);
  if (unique.size > 0) {
    const found = ctx.db
      .prepare(
        `SELECT count(*) AS n FROM checklist_items WHERE audit_id = ? AND id IN (SELECT value FROM json_each(?))`,
      )
      .get(auditId, JSON.stringify([...unique])) as { n: number };
    if (found.n !== unique.size) {
      throw new DomainError(
        'invalid_input',
        "A checklist item listed for the session is not in this audit's checklist.",
        [{ path: ['itemIds'], message: "Choose items of this audit's checklist" }],
      );
    }
  }
}

/** Brings the session's item links in line with the list, leaving unchanged links (and their stamps) alone. */
function writeItems(ctx: RepoContext, s: Stamp, sessionId: string, itemIds: readonly string[]): void {
  const wanted = new Set(itemIds);
  const have = new Set(
    (
      ctx.db.prepare('SELECT item_id FROM plan_session_items WHERE session_id = ?').all(sessionId) as {
        item_id: string;
      }[]
    ).map((r) => r.item_id),
  );
  const del = ctx.db.prepare('DELETE FROM plan_session_items WHERE session_id = ? AND item_id = ?');
  for (const id of have) if (!wanted.has(id)) del.run(sessionId, id);
  const ins = ctx.db.prepare(
    'INSERT INTO plan_session_items (session_id, item_id, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?)',
  );
  for (const id of wanted) if (!have.has(id)) ins.run(sessionId, id, s.now, s.now, s.device);
}

function getSession(ctx: RepoContext, id: string): PlanSession {
  const row = ctx.db.prepare('SELECT audit_id FROM plan_sessions WHERE id = ?').get(id) as
    { audit_id: string } | undefined;
  if (!row) throw new DomainError('not_found', 'This session of the plan does not exist (it may have been deleted).');
  return listSessions(ctx, row.audit_id).find((x) => x.id === id)!;
}

export function addSession(ctx: RepoContext, auditId: string, f: Fields): PlanSession {
  requireEditableAudit(ctx, auditId);
  checkFields(ctx, auditId, f);
  const s = stamp(ctx);
  const id = newId();
  ctx.db
    .prepare(
      `INSERT INTO plan_sessions (id, audit_id, day, start_time, end_time, site_id, topic, auditee, auditor_id, created_at, updated_at, device_id)
       VALUES (@id, @auditId, @day, @startTime, @endTime, @siteId, @topic, @auditee, @auditorId, @now, @now, @device)`,
    )
    .run({ id, auditId, ...sessionColumns(f), now: s.now, device: s.device });
  writeItems(ctx, s, id, f.itemIds);
  return getSession(ctx, id);
}

const sessionColumns = (f: Fields) => ({
  day: f.day,
  startTime: f.startTime,
  endTime: f.endTime,
  siteId: f.siteId,
  topic: f.topic,
  auditee: f.auditee,
  auditorId: f.auditorId,
});

export function updateSession(ctx: RepoContext, id: string, f: Fields): PlanSession {
  const auditId = getSession(ctx, id).auditId;
  requireEditableAudit(ctx, auditId);
  checkFields(ctx, auditId, f);
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `UPDATE plan_sessions SET day = @day, start_time = @startTime, end_time = @endTime, site_id = @siteId, topic = @topic,
         auditee = @auditee, auditor_id = @auditorId, updated_at = @now, device_id = @device
       WHERE id = @id AND (day IS NOT @day OR start_time IS NOT @startTime OR end_time IS NOT @endTime OR site_id IS NOT @siteId
         OR topic IS NOT @topic OR auditee IS NOT @auditee OR auditor_id IS NOT @auditorId)`,
    )
    .run({ id, ...sessionColumns(f), now: s.now, device: s.device });
  writeItems(ctx, s, id, f.itemIds);
  return getSession(ctx, id);
}

export function deleteSession(ctx: RepoContext, id: string): { id: string } {
  const auditId = getSession(ctx, id).auditId;
  requireEditableAudit(ctx, auditId);
  ctx.db.prepare('DELETE FROM plan_sessions WHERE id = ?').run(id);
  return { id };
}

/** The sessions that plan a checklist item (the item editor's "Planned" line). */
export function sessionsForItem(ctx: RepoContext, itemId: string): ItemSession[] {
  if (!ctx.db.prepare('SELECT 1 FROM checklist_items WHERE id = ?').get(itemId)) {
    throw new DomainError('not_found', 'This checklist item does not exist (it may have been deleted).');
  }
  const rows = ctx.db
    .prepare(
      `${SESSION_SELECT} JOIN plan_session_items si ON si.session_id = p.id
       WHERE si.item_id = ? ORDER BY p.day, p.start_time, p.id`,
    )
    .all(itemId) as SessionRow[];
  return rows.map((r) => ({
    id: r.id,
    day: r.day,
    startTime: r.start_time,
    endTime: r.end_time,
    topic: r.topic,
    auditorName: r.auditor_name,
  }));
}
