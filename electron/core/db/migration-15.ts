import type { Migration } from './migrations';

/**
 * Migration 15: the audit method (issue 16's tables) travels in team packages (issue 13).
 * - The plan and the meetings that migration 14 added get change-log triggers, written
 *   as migration 10 wrote every other logged table's (tests/unit/team/log-triggers.ts
 *   generated them once and its test holds the two alike): a lead's plan reaches the
 *   auditors, an auditor's meeting notes reach the lead, merged field by field.
 * - `carried_finding_copies`: the open findings of earlier audits carried into this one,
 *   as the lead last sent them (refreshed by each send, sync/export.ts). The findings
 *   themselves belong to other audits, which a package never holds; the copies let an
 *   auditor on site see what to verify. Only the lead writes them: read-only elsewhere.
 * - `technical_reviews` stays out of the log on purpose: the reviewer is independent of
 *   the audit team and works on the lead's data folder only.
 * Rows written before this migration are logged on their first export (ensureLogged).
 * Frozen: literal SQL, what this migration runs forever. SHARED_15 and SCOPE_RULES_15
 * describe the new logged tables for the merge (sync/tables.ts); the SQL does not read them.
 */
export const SHARED_15: Readonly<Record<string, { key: readonly string[]; fields: readonly string[] }>> = {
  audit_plans: { key: ['audit_id'], fields: ['notes', 'updated_by'] },
  plan_sessions: {
    key: ['id'],
    fields: ['audit_id', 'day', 'start_time', 'end_time', 'site_id', 'topic', 'auditee', 'auditor_id'],
  },
  plan_session_items: { key: ['session_id', 'item_id'], fields: [] },
  audit_meetings: {
    key: ['id'],
    fields: [
      'audit_id',
      'kind',
      'held_on',
      'confirmed_plan',
      'confirmed_confidentiality',
      'confirmed_reporting',
      'confirmed_appeals',
      'findings_presented',
      'acknowledgement',
      'acknowledged_by',
      'notes',
      'updated_by',
    ],
  },
  meeting_attendees: { key: ['id'], fields: ['meeting_id', 'position', 'name', 'role', 'organisation'] },
  carried_finding_copies: {
    key: ['audit_id', 'finding_id'],
    fields: ['from_audit_id', 'from_audit_type', 'from_audit_start', 'number', 'type', 'status', 'statement'],
  },
};

export const SCOPE_RULES_15: Readonly<
  Record<string, { kind: 'column'; column: 'audit_id' } | { kind: 'parent'; column: string; parent: string }>
> = {
  audit_plans: { kind: 'column', column: 'audit_id' },
  plan_sessions: { kind: 'column', column: 'audit_id' },
  plan_session_items: { kind: 'parent', column: 'session_id', parent: 'plan_sessions' },
  audit_meetings: { kind: 'column', column: 'audit_id' },
  meeting_attendees: { kind: 'parent', column: 'meeting_id', parent: 'audit_meetings' },
  carried_finding_copies: { kind: 'column', column: 'audit_id' },
};

export const MIGRATION_15: Migration = {
  version: 15,
  name: 'plan, meetings and carried findings in team packages',
  sql: `
    CREATE TABLE carried_finding_copies (
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      finding_id TEXT NOT NULL,
      from_audit_id TEXT NOT NULL,
      from_audit_type TEXT NOT NULL,
      from_audit_start TEXT NOT NULL,
      number TEXT,
      type TEXT NOT NULL,
      status TEXT NOT NULL,
      statement TEXT NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      PRIMARY KEY (audit_id, finding_id)
    ) STRICT;
    CREATE TRIGGER audit_plans_log_insert AFTER INSERT ON audit_plans WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audit_plans', NEW.audit_id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audit_plans' AND row_id = NEW.audit_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audit_plans' AND row_id = NEW.audit_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'audit_plans' AND t.row_id = NEW.audit_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'audit_plans' AND row_id = NEW.audit_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_plans' AND row_id = NEW.audit_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_plans' AND row_id = NEW.audit_id AND live = 1;
    END;
    CREATE TRIGGER audit_plans_log_update AFTER UPDATE ON audit_plans WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'notes' THEN json_quote(NEW.notes) WHEN 'updated_by' THEN json_quote(NEW.updated_by) END
        WHERE table_name = 'audit_plans' AND row_id = NEW.audit_id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audit_plans', NEW.audit_id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audit_plans' AND row_id = NEW.audit_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audit_plans' AND row_id = NEW.audit_id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'audit_plans' AND row_id = NEW.audit_id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_plans' AND row_id = NEW.audit_id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by));
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_plans' AND row_id = NEW.audit_id AND live = 1;
    END;
    CREATE TRIGGER audit_plans_log_delete AFTER DELETE ON audit_plans WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'audit_plans', OLD.audit_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'audit_plans' AND row_id = OLD.audit_id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'audit_plans' AND row_id = OLD.audit_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'audit_plans'
            AND c.row_id = OLD.audit_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'audit_plans' AND row_id = OLD.audit_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'audit_plans' AND row_id = OLD.audit_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_plans' AND row_id = OLD.audit_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_plans' AND row_id = OLD.audit_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'audit_plans' AND row_id = OLD.audit_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER plan_sessions_log_insert AFTER INSERT ON plan_sessions WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'plan_sessions', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'plan_sessions' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'plan_sessions' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'plan_sessions' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'day' AS f, json_quote(NEW.day) AS v UNION ALL SELECT 'start_time' AS f, json_quote(NEW.start_time) AS v UNION ALL SELECT 'end_time' AS f, json_quote(NEW.end_time) AS v UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v UNION ALL SELECT 'topic' AS f, json_quote(NEW.topic) AS v UNION ALL SELECT 'auditee' AS f, json_quote(NEW.auditee) AS v UNION ALL SELECT 'auditor_id' AS f, json_quote(NEW.auditor_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'plan_sessions' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'plan_sessions' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'plan_sessions' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER plan_sessions_log_update AFTER UPDATE ON plan_sessions WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'audit_id' THEN json_quote(NEW.audit_id) WHEN 'day' THEN json_quote(NEW.day) WHEN 'start_time' THEN json_quote(NEW.start_time) WHEN 'end_time' THEN json_quote(NEW.end_time) WHEN 'site_id' THEN json_quote(NEW.site_id) WHEN 'topic' THEN json_quote(NEW.topic) WHEN 'auditee' THEN json_quote(NEW.auditee) WHEN 'auditor_id' THEN json_quote(NEW.auditor_id) END
        WHERE table_name = 'plan_sessions' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'day' AS f, json_quote(NEW.day) AS v WHERE NEW.day IS NOT OLD.day UNION ALL SELECT 'start_time' AS f, json_quote(NEW.start_time) AS v WHERE NEW.start_time IS NOT OLD.start_time UNION ALL SELECT 'end_time' AS f, json_quote(NEW.end_time) AS v WHERE NEW.end_time IS NOT OLD.end_time UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'topic' AS f, json_quote(NEW.topic) AS v WHERE NEW.topic IS NOT OLD.topic UNION ALL SELECT 'auditee' AS f, json_quote(NEW.auditee) AS v WHERE NEW.auditee IS NOT OLD.auditee UNION ALL SELECT 'auditor_id' AS f, json_quote(NEW.auditor_id) AS v WHERE NEW.auditor_id IS NOT OLD.auditor_id));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'plan_sessions', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'plan_sessions' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'plan_sessions' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'day' AS f, json_quote(NEW.day) AS v WHERE NEW.day IS NOT OLD.day UNION ALL SELECT 'start_time' AS f, json_quote(NEW.start_time) AS v WHERE NEW.start_time IS NOT OLD.start_time UNION ALL SELECT 'end_time' AS f, json_quote(NEW.end_time) AS v WHERE NEW.end_time IS NOT OLD.end_time UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'topic' AS f, json_quote(NEW.topic) AS v WHERE NEW.topic IS NOT OLD.topic UNION ALL SELECT 'auditee' AS f, json_quote(NEW.auditee) AS v WHERE NEW.auditee IS NOT OLD.auditee UNION ALL SELECT 'auditor_id' AS f, json_quote(NEW.auditor_id) AS v WHERE NEW.auditor_id IS NOT OLD.auditor_id) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'plan_sessions' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'plan_sessions' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'day' AS f, json_quote(NEW.day) AS v WHERE NEW.day IS NOT OLD.day UNION ALL SELECT 'start_time' AS f, json_quote(NEW.start_time) AS v WHERE NEW.start_time IS NOT OLD.start_time UNION ALL SELECT 'end_time' AS f, json_quote(NEW.end_time) AS v WHERE NEW.end_time IS NOT OLD.end_time UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'topic' AS f, json_quote(NEW.topic) AS v WHERE NEW.topic IS NOT OLD.topic UNION ALL SELECT 'auditee' AS f, json_quote(NEW.auditee) AS v WHERE NEW.auditee IS NOT OLD.auditee UNION ALL SELECT 'auditor_id' AS f, json_quote(NEW.auditor_id) AS v WHERE NEW.auditor_id IS NOT OLD.auditor_id));
      UPDATE tombstones SET live = 0 WHERE table_name = 'plan_sessions' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER plan_sessions_log_delete AFTER DELETE ON plan_sessions WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'plan_sessions', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'plan_sessions' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'plan_sessions' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'plan_sessions'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'plan_sessions' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'plan_sessions' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'plan_sessions' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'plan_sessions' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'plan_sessions' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER plan_session_items_log_insert AFTER INSERT ON plan_session_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'plan_session_items', NEW.session_id || '/' || NEW.item_id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM plan_sessions WHERE id = NEW.session_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'plan_session_items' AND row_id = NEW.session_id || '/' || NEW.item_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'plan_session_items' AND row_id = NEW.session_id || '/' || NEW.item_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'plan_session_items' AND t.row_id = NEW.session_id || '/' || NEW.item_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'session_id' AS f, json_quote(NEW.session_id) AS v UNION ALL SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'plan_session_items' AND row_id = NEW.session_id || '/' || NEW.item_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'plan_session_items' AND row_id = NEW.session_id || '/' || NEW.item_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'plan_session_items' AND row_id = NEW.session_id || '/' || NEW.item_id AND live = 1;
    END;
    CREATE TRIGGER plan_session_items_log_delete AFTER DELETE ON plan_session_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'plan_session_items', OLD.session_id || '/' || OLD.item_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'plan_session_items' AND row_id = OLD.session_id || '/' || OLD.item_id AND scope IS NOT NULL LIMIT 1), (SELECT audit_id FROM plan_sessions WHERE id = OLD.session_id)),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'plan_session_items' AND row_id = OLD.session_id || '/' || OLD.item_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'plan_session_items'
            AND c.row_id = OLD.session_id || '/' || OLD.item_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'plan_session_items' AND row_id = OLD.session_id || '/' || OLD.item_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'plan_session_items' AND row_id = OLD.session_id || '/' || OLD.item_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'plan_session_items' AND row_id = OLD.session_id || '/' || OLD.item_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'plan_session_items' AND row_id = OLD.session_id || '/' || OLD.item_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'plan_session_items' AND row_id = OLD.session_id || '/' || OLD.item_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER audit_meetings_log_insert AFTER INSERT ON audit_meetings WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audit_meetings', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audit_meetings' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audit_meetings' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'audit_meetings' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'kind' AS f, json_quote(NEW.kind) AS v UNION ALL SELECT 'held_on' AS f, json_quote(NEW.held_on) AS v UNION ALL SELECT 'confirmed_plan' AS f, json_quote(NEW.confirmed_plan) AS v UNION ALL SELECT 'confirmed_confidentiality' AS f, json_quote(NEW.confirmed_confidentiality) AS v UNION ALL SELECT 'confirmed_reporting' AS f, json_quote(NEW.confirmed_reporting) AS v UNION ALL SELECT 'confirmed_appeals' AS f, json_quote(NEW.confirmed_appeals) AS v UNION ALL SELECT 'findings_presented' AS f, json_quote(NEW.findings_presented) AS v UNION ALL SELECT 'acknowledgement' AS f, json_quote(NEW.acknowledgement) AS v UNION ALL SELECT 'acknowledged_by' AS f, json_quote(NEW.acknowledged_by) AS v UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'audit_meetings' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_meetings' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_meetings' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER audit_meetings_log_update AFTER UPDATE ON audit_meetings WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'audit_id' THEN json_quote(NEW.audit_id) WHEN 'kind' THEN json_quote(NEW.kind) WHEN 'held_on' THEN json_quote(NEW.held_on) WHEN 'confirmed_plan' THEN json_quote(NEW.confirmed_plan) WHEN 'confirmed_confidentiality' THEN json_quote(NEW.confirmed_confidentiality) WHEN 'confirmed_reporting' THEN json_quote(NEW.confirmed_reporting) WHEN 'confirmed_appeals' THEN json_quote(NEW.confirmed_appeals) WHEN 'findings_presented' THEN json_quote(NEW.findings_presented) WHEN 'acknowledgement' THEN json_quote(NEW.acknowledgement) WHEN 'acknowledged_by' THEN json_quote(NEW.acknowledged_by) WHEN 'notes' THEN json_quote(NEW.notes) WHEN 'updated_by' THEN json_quote(NEW.updated_by) END
        WHERE table_name = 'audit_meetings' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'kind' AS f, json_quote(NEW.kind) AS v WHERE NEW.kind IS NOT OLD.kind UNION ALL SELECT 'held_on' AS f, json_quote(NEW.held_on) AS v WHERE NEW.held_on IS NOT OLD.held_on UNION ALL SELECT 'confirmed_plan' AS f, json_quote(NEW.confirmed_plan) AS v WHERE NEW.confirmed_plan IS NOT OLD.confirmed_plan UNION ALL SELECT 'confirmed_confidentiality' AS f, json_quote(NEW.confirmed_confidentiality) AS v WHERE NEW.confirmed_confidentiality IS NOT OLD.confirmed_confidentiality UNION ALL SELECT 'confirmed_reporting' AS f, json_quote(NEW.confirmed_reporting) AS v WHERE NEW.confirmed_reporting IS NOT OLD.confirmed_reporting UNION ALL SELECT 'confirmed_appeals' AS f, json_quote(NEW.confirmed_appeals) AS v WHERE NEW.confirmed_appeals IS NOT OLD.confirmed_appeals UNION ALL SELECT 'findings_presented' AS f, json_quote(NEW.findings_presented) AS v WHERE NEW.findings_presented IS NOT OLD.findings_presented UNION ALL SELECT 'acknowledgement' AS f, json_quote(NEW.acknowledgement) AS v WHERE NEW.acknowledgement IS NOT OLD.acknowledgement UNION ALL SELECT 'acknowledged_by' AS f, json_quote(NEW.acknowledged_by) AS v WHERE NEW.acknowledged_by IS NOT OLD.acknowledged_by UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audit_meetings', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audit_meetings' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audit_meetings' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'kind' AS f, json_quote(NEW.kind) AS v WHERE NEW.kind IS NOT OLD.kind UNION ALL SELECT 'held_on' AS f, json_quote(NEW.held_on) AS v WHERE NEW.held_on IS NOT OLD.held_on UNION ALL SELECT 'confirmed_plan' AS f, json_quote(NEW.confirmed_plan) AS v WHERE NEW.confirmed_plan IS NOT OLD.confirmed_plan UNION ALL SELECT 'confirmed_confidentiality' AS f, json_quote(NEW.confirmed_confidentiality) AS v WHERE NEW.confirmed_confidentiality IS NOT OLD.confirmed_confidentiality UNION ALL SELECT 'confirmed_reporting' AS f, json_quote(NEW.confirmed_reporting) AS v WHERE NEW.confirmed_reporting IS NOT OLD.confirmed_reporting UNION ALL SELECT 'confirmed_appeals' AS f, json_quote(NEW.confirmed_appeals) AS v WHERE NEW.confirmed_appeals IS NOT OLD.confirmed_appeals UNION ALL SELECT 'findings_presented' AS f, json_quote(NEW.findings_presented) AS v WHERE NEW.findings_presented IS NOT OLD.findings_presented UNION ALL SELECT 'acknowledgement' AS f, json_quote(NEW.acknowledgement) AS v WHERE NEW.acknowledgement IS NOT OLD.acknowledgement UNION ALL SELECT 'acknowledged_by' AS f, json_quote(NEW.acknowledged_by) AS v WHERE NEW.acknowledged_by IS NOT OLD.acknowledged_by UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'audit_meetings' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_meetings' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'kind' AS f, json_quote(NEW.kind) AS v WHERE NEW.kind IS NOT OLD.kind UNION ALL SELECT 'held_on' AS f, json_quote(NEW.held_on) AS v WHERE NEW.held_on IS NOT OLD.held_on UNION ALL SELECT 'confirmed_plan' AS f, json_quote(NEW.confirmed_plan) AS v WHERE NEW.confirmed_plan IS NOT OLD.confirmed_plan UNION ALL SELECT 'confirmed_confidentiality' AS f, json_quote(NEW.confirmed_confidentiality) AS v WHERE NEW.confirmed_confidentiality IS NOT OLD.confirmed_confidentiality UNION ALL SELECT 'confirmed_reporting' AS f, json_quote(NEW.confirmed_reporting) AS v WHERE NEW.confirmed_reporting IS NOT OLD.confirmed_reporting UNION ALL SELECT 'confirmed_appeals' AS f, json_quote(NEW.confirmed_appeals) AS v WHERE NEW.confirmed_appeals IS NOT OLD.confirmed_appeals UNION ALL SELECT 'findings_presented' AS f, json_quote(NEW.findings_presented) AS v WHERE NEW.findings_presented IS NOT OLD.findings_presented UNION ALL SELECT 'acknowledgement' AS f, json_quote(NEW.acknowledgement) AS v WHERE NEW.acknowledgement IS NOT OLD.acknowledgement UNION ALL SELECT 'acknowledged_by' AS f, json_quote(NEW.acknowledged_by) AS v WHERE NEW.acknowledged_by IS NOT OLD.acknowledged_by UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by));
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_meetings' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER audit_meetings_log_delete AFTER DELETE ON audit_meetings WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'audit_meetings', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'audit_meetings' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'audit_meetings' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'audit_meetings'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'audit_meetings' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'audit_meetings' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_meetings' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_meetings' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'audit_meetings' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER meeting_attendees_log_insert AFTER INSERT ON meeting_attendees WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'meeting_attendees', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM audit_meetings WHERE id = NEW.meeting_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'meeting_attendees' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'meeting_attendees' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'meeting_attendees' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'meeting_id' AS f, json_quote(NEW.meeting_id) AS v UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v UNION ALL SELECT 'organisation' AS f, json_quote(NEW.organisation) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'meeting_attendees' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'meeting_attendees' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'meeting_attendees' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER meeting_attendees_log_update AFTER UPDATE ON meeting_attendees WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'meeting_id' THEN json_quote(NEW.meeting_id) WHEN 'position' THEN json_quote(NEW.position) WHEN 'name' THEN json_quote(NEW.name) WHEN 'role' THEN json_quote(NEW.role) WHEN 'organisation' THEN json_quote(NEW.organisation) END
        WHERE table_name = 'meeting_attendees' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'meeting_id' AS f, json_quote(NEW.meeting_id) AS v WHERE NEW.meeting_id IS NOT OLD.meeting_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v WHERE NEW.role IS NOT OLD.role UNION ALL SELECT 'organisation' AS f, json_quote(NEW.organisation) AS v WHERE NEW.organisation IS NOT OLD.organisation));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'meeting_attendees', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM audit_meetings WHERE id = NEW.meeting_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'meeting_attendees' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'meeting_attendees' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'meeting_id' AS f, json_quote(NEW.meeting_id) AS v WHERE NEW.meeting_id IS NOT OLD.meeting_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v WHERE NEW.role IS NOT OLD.role UNION ALL SELECT 'organisation' AS f, json_quote(NEW.organisation) AS v WHERE NEW.organisation IS NOT OLD.organisation) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'meeting_attendees' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'meeting_attendees' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'meeting_id' AS f, json_quote(NEW.meeting_id) AS v WHERE NEW.meeting_id IS NOT OLD.meeting_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v WHERE NEW.role IS NOT OLD.role UNION ALL SELECT 'organisation' AS f, json_quote(NEW.organisation) AS v WHERE NEW.organisation IS NOT OLD.organisation));
      UPDATE tombstones SET live = 0 WHERE table_name = 'meeting_attendees' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER meeting_attendees_log_delete AFTER DELETE ON meeting_attendees WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'meeting_attendees', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'meeting_attendees' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), (SELECT audit_id FROM audit_meetings WHERE id = OLD.meeting_id)),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'meeting_attendees' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'meeting_attendees'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'meeting_attendees' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'meeting_attendees' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'meeting_attendees' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'meeting_attendees' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'meeting_attendees' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER carried_finding_copies_log_insert AFTER INSERT ON carried_finding_copies WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'carried_finding_copies', NEW.audit_id || '/' || NEW.finding_id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'carried_finding_copies' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'carried_finding_copies' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'carried_finding_copies' AND t.row_id = NEW.audit_id || '/' || NEW.finding_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v UNION ALL SELECT 'from_audit_id' AS f, json_quote(NEW.from_audit_id) AS v UNION ALL SELECT 'from_audit_type' AS f, json_quote(NEW.from_audit_type) AS v UNION ALL SELECT 'from_audit_start' AS f, json_quote(NEW.from_audit_start) AS v UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v UNION ALL SELECT 'statement' AS f, json_quote(NEW.statement) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'carried_finding_copies' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'carried_finding_copies' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'carried_finding_copies' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND live = 1;
    END;
    CREATE TRIGGER carried_finding_copies_log_update AFTER UPDATE ON carried_finding_copies WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'from_audit_id' THEN json_quote(NEW.from_audit_id) WHEN 'from_audit_type' THEN json_quote(NEW.from_audit_type) WHEN 'from_audit_start' THEN json_quote(NEW.from_audit_start) WHEN 'number' THEN json_quote(NEW.number) WHEN 'type' THEN json_quote(NEW.type) WHEN 'status' THEN json_quote(NEW.status) WHEN 'statement' THEN json_quote(NEW.statement) END
        WHERE table_name = 'carried_finding_copies' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'from_audit_id' AS f, json_quote(NEW.from_audit_id) AS v WHERE NEW.from_audit_id IS NOT OLD.from_audit_id UNION ALL SELECT 'from_audit_type' AS f, json_quote(NEW.from_audit_type) AS v WHERE NEW.from_audit_type IS NOT OLD.from_audit_type UNION ALL SELECT 'from_audit_start' AS f, json_quote(NEW.from_audit_start) AS v WHERE NEW.from_audit_start IS NOT OLD.from_audit_start UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v WHERE NEW.number IS NOT OLD.number UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'statement' AS f, json_quote(NEW.statement) AS v WHERE NEW.statement IS NOT OLD.statement));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'carried_finding_copies', NEW.audit_id || '/' || NEW.finding_id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'carried_finding_copies' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'carried_finding_copies' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'from_audit_id' AS f, json_quote(NEW.from_audit_id) AS v WHERE NEW.from_audit_id IS NOT OLD.from_audit_id UNION ALL SELECT 'from_audit_type' AS f, json_quote(NEW.from_audit_type) AS v WHERE NEW.from_audit_type IS NOT OLD.from_audit_type UNION ALL SELECT 'from_audit_start' AS f, json_quote(NEW.from_audit_start) AS v WHERE NEW.from_audit_start IS NOT OLD.from_audit_start UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v WHERE NEW.number IS NOT OLD.number UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'statement' AS f, json_quote(NEW.statement) AS v WHERE NEW.statement IS NOT OLD.statement) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'carried_finding_copies' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'carried_finding_copies' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'from_audit_id' AS f, json_quote(NEW.from_audit_id) AS v WHERE NEW.from_audit_id IS NOT OLD.from_audit_id UNION ALL SELECT 'from_audit_type' AS f, json_quote(NEW.from_audit_type) AS v WHERE NEW.from_audit_type IS NOT OLD.from_audit_type UNION ALL SELECT 'from_audit_start' AS f, json_quote(NEW.from_audit_start) AS v WHERE NEW.from_audit_start IS NOT OLD.from_audit_start UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v WHERE NEW.number IS NOT OLD.number UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'statement' AS f, json_quote(NEW.statement) AS v WHERE NEW.statement IS NOT OLD.statement));
      UPDATE tombstones SET live = 0 WHERE table_name = 'carried_finding_copies' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND live = 1;
    END;
    CREATE TRIGGER carried_finding_copies_log_delete AFTER DELETE ON carried_finding_copies WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'carried_finding_copies', OLD.audit_id || '/' || OLD.finding_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'carried_finding_copies' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'carried_finding_copies' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'carried_finding_copies'
            AND c.row_id = OLD.audit_id || '/' || OLD.finding_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'carried_finding_copies' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'carried_finding_copies' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'carried_finding_copies' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'carried_finding_copies' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'carried_finding_copies' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
  `,
};
