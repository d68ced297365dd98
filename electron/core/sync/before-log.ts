import type { MeetingKind } from '#shared/domain/meetings';
import type { Db } from '../db/open';
import { meetingId } from '../repos/meetings';
import type { RowRef } from './log';
import { stmt } from '../db/statements';
import { LOGGED, rowsById, rowsByIdParams } from './tables';

/**
 * Records written before their table was in the change log (migration 15's
 * plan and meetings; any table's rows from before migration 9) meet a team
 * package in two ways the merge alone cannot handle:
 *
 * - A meeting recorded before migration 15 has the random id schema 14 gave
 *   it, so the opening meeting the lead and an auditor both recorded offline
 *   is a different record on each laptop; merged, the second breaks
 *   UNIQUE (audit_id, kind) and the whole import was refused as a clash.
 *   `adoptMeetingIds` gives such a meeting the id migration 15's meetings.save
 *   gives (`meetingId`, from audit and kind) before it first travels or meets
 *   a package, so both laptops hold one record.
 * - A record here with no history (the plan both wrote, that meeting once
 *   renamed) would be taken for one new here: the package's values would
 *   overwrite it, and its own values, never logged, would be lost.
 *   `logUnloggedRows` logs its fields first (as the first export would), so
 *   the merge compares them field by field: equal values agree, different ones
 *   are a conflict, both kept.
 */

/** Clocks above what any package this folder sent for the audit may have carried of its own device's entries. */
function lastSentClock(db: Db, auditId: string, device: string): string {
  const vectors = stmt(db, "SELECT version_vector FROM team_exchanges WHERE audit_id = ? AND direction = 'sent'")
    .pluck()
    .all(auditId) as string[];
  let last = '';
  for (const v of vectors) {
    const clock = (JSON.parse(v) as Record<string, string>)[device];
    if (clock !== undefined && clock > last) last = clock;
  }
  return last;
}

/**
 * Renames the audit's meetings whose id is not the one made from audit and
 * kind, when that id never left or reached this folder: no entry of the
 * meeting or its attendees from another device, none of its own that a sent
 * package may have carried, and no entry under the new id. A renamed meeting
 * is as if recorded under the new id from the start (its attendees follow;
 * its own entries, never sent, move with it). Answers how many were renamed.
 */
export function adoptMeetingIds(db: Db, device: string, auditId: string): number {
  const meetings = stmt(db, 'SELECT id, kind FROM audit_meetings WHERE audit_id = ?').all(auditId) as {
    id: string;
    kind: MeetingKind;
  }[];
  const stray = meetings.filter((m) => m.id !== meetingId(auditId, m.kind));
  if (stray.length === 0) return 0;
  const sent = lastSentClock(db, auditId, device);
  // Every log entry of the meeting (as a row, or as its attendees' parent): device and clock.
  const entries = stmt(
    db,
    `SELECT device_id, clock FROM change_log WHERE table_name = 'audit_meetings' AND row_id = @id
     UNION ALL SELECT device_id, clock FROM tombstones WHERE table_name = 'audit_meetings' AND row_id = @id
     UNION ALL SELECT l.device_id, l.clock FROM change_log l
       WHERE l.table_name = 'meeting_attendees' AND l.row_id IN (SELECT id FROM meeting_attendees WHERE meeting_id = @id)`,
  );
  const taken = stmt(
    db,
    `SELECT 1 FROM change_log WHERE table_name = 'audit_meetings' AND row_id = @id
     UNION ALL SELECT 1 FROM tombstones WHERE table_name = 'audit_meetings' AND row_id = @id LIMIT 1`,
  );
  let renamed = 0;
  const applying = stmt(db, 'SELECT applying FROM write_context').pluck().get() as number;
  db.pragma('defer_foreign_keys = ON'); // the attendees follow their meeting within the statement list below
  stmt(db, 'UPDATE write_context SET applying = 1').run();
  try {
    for (const m of stray) {
      const to = meetingId(auditId, m.kind);
      const held = entries.all({ id: m.id }) as { device_id: string; clock: string }[];
      if (held.some((e) => e.device_id !== device || e.clock <= sent)) continue;
      if (taken.get({ id: to })) continue;
      stmt(db, 'UPDATE audit_meetings SET id = ? WHERE id = ?').run(to, m.id);
      stmt(db, 'UPDATE meeting_attendees SET meeting_id = ? WHERE meeting_id = ?').run(to, m.id);
      stmt(db, "UPDATE change_log SET row_id = ? WHERE table_name = 'audit_meetings' AND row_id = ?").run(to, m.id);
      stmt(
        db,
        `UPDATE change_log SET value = json_quote(@to) WHERE table_name = 'meeting_attendees' AND field = 'meeting_id'
           AND value = json_quote(@from)`,
      ).run({ to, from: m.id });
      renamed++;
    }
  } finally {
    stmt(db, 'UPDATE write_context SET applying = ?').run(applying);
  }
  return renamed;
}

/**
 * Logs, with this transaction's clock, every field without an entry of the
 * given rows that exist here (what `ensureLogged` does for a whole audit at
 * its first export), each replacing nothing: concurrent with whatever a
 * package says of them. Answers the entries written.
 */
export function logUnloggedRows(db: Db, rows: readonly RowRef[]): number {
  const byTable = new Map<string, string[]>();
  for (const r of rows) {
    const ids = byTable.get(r.table) ?? [];
    byTable.set(r.table, ids);
    ids.push(r.rowId);
  }
  let written = 0;
  for (const [table, ids] of byTable) {
    const t = LOGGED.get(table)!;
    const params = rowsByIdParams(t, ids);
    for (const c of t.columns) {
      written += stmt(
        db,
        `INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
           SELECT '${t.name}', r.row_id, '${c}', r.v, w.clock, w.device_id, w.author, r.scope, '[]'
           FROM write_context w, (${rowsById(t, `json_quote(t.${c}) AS v, ${t.scopeSql} AS scope`)}) r
           WHERE NOT EXISTS (SELECT 1 FROM change_log l
             WHERE l.table_name = '${t.name}' AND l.row_id = r.row_id AND l.field = '${c}')`,
      ).run(...params).changes;
    }
  }
  return written;
}

/** Whether a row's history has an entry for every column its table logs. */
export const fullyLogged = (table: string, history: { fields: Record<string, unknown> } | undefined): boolean =>
  history !== undefined && LOGGED.get(table)!.columns.every((c) => history.fields[c] !== undefined);
