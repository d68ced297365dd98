import type { Migration } from './migrations';

/**
 * Migration 14: the audit method (issue 16).
 * - The audit plan (ISO/IEC 17021-1 9.2.3): notes per audit beside the audit's own
 *   objectives, scope, criteria, sites, dates and team; a timetable of sessions (day,
 *   times, site, process or requirements, auditee, auditor) linked to checklist items.
 * - Opening and closing meetings (9.4.6, 9.4.7): one of each per audit, its attendees,
 *   the items confirmed, at closing the findings presented and the client's acknowledgement.
 * - Technical review and certification decision (9.5): one per audit, made on an issued
 *   report by people outside the audit team; final once the decision is recorded.
 * - The gap-analysis (pre-assessment) audit type: the audits table is rebuilt for its
 *   CHECK (SQLite cannot alter one), rows copied as they are, its indexes and its three
 *   change-log triggers made again word for word. Runs with foreign keys off
 *   (`rebuildsTables`): a DROP TABLE would otherwise delete every audit's children
 *   through their ON DELETE CASCADE; migrate() checks the keys before committing.
 * The new tables are not in the team change log yet: packages do not carry them.
 * Frozen: literal SQL, what this migration runs forever.
 */
export const MIGRATION_14: Migration = {
  version: 14,
  name: 'audit plan, meetings, technical review, gap-analysis audits',
  rebuildsTables: true,
  sql: `
    CREATE TABLE audits_v14 (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
      standard TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('stage1','stage2','surveillance1','surveillance2','recertification','special','gap_analysis')),
      scope TEXT NOT NULL,
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL CHECK (end_date >= start_date),
      mode TEXT NOT NULL CHECK (mode IN ('on_site','remote')),
      objectives TEXT NOT NULL,
      criteria TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('planned','in_progress','reporting','closed')),
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      template_id TEXT NOT NULL DEFAULT '',
      template_version TEXT NOT NULL DEFAULT '',
      soa_version TEXT,
      soa_imported_at TEXT,
      closing_meeting_date TEXT,
      response_days_major INTEGER NOT NULL DEFAULT 30 CHECK (response_days_major BETWEEN 1 AND 365),
      response_days_minor INTEGER NOT NULL DEFAULT 90 CHECK (response_days_minor BETWEEN 1 AND 365),
      previous_audit_id TEXT REFERENCES audits(id) ON DELETE SET NULL
    ) STRICT;
    INSERT INTO audits_v14 (id, client_id, standard, type, scope, start_date, end_date, mode, objectives, criteria, status,
        created_at, updated_at, device_id, template_id, template_version, soa_version, soa_imported_at, closing_meeting_date,
        response_days_major, response_days_minor, previous_audit_id)
      SELECT id, client_id, standard, type, scope, start_date, end_date, mode, objectives, criteria, status,
        created_at, updated_at, device_id, template_id, template_version, soa_version, soa_imported_at, closing_meeting_date,
        response_days_major, response_days_minor, previous_audit_id FROM audits;
    DROP TABLE audits;
    -- Other tables' triggers name audits; without the legacy rule the rename re-checks them while audits is missing.
    PRAGMA legacy_alter_table = ON;
    ALTER TABLE audits_v14 RENAME TO audits;
    PRAGMA legacy_alter_table = OFF;
    CREATE INDEX audits_client ON audits(client_id, start_date, id);
    CREATE INDEX audits_previous ON audits(previous_audit_id);
    CREATE INDEX audits_start ON audits(start_date, id);
    CREATE INDEX audits_status ON audits(status, start_date, id);
    CREATE INDEX audits_type ON audits(type, start_date, id);
    CREATE TRIGGER audits_log_insert AFTER INSERT ON audits WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audits', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audits' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'audits' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v UNION ALL SELECT 'standard' AS f, json_quote(NEW.standard) AS v UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v UNION ALL SELECT 'scope' AS f, json_quote(NEW.scope) AS v UNION ALL SELECT 'start_date' AS f, json_quote(NEW.start_date) AS v UNION ALL SELECT 'end_date' AS f, json_quote(NEW.end_date) AS v UNION ALL SELECT 'mode' AS f, json_quote(NEW.mode) AS v UNION ALL SELECT 'objectives' AS f, json_quote(NEW.objectives) AS v UNION ALL SELECT 'criteria' AS f, json_quote(NEW.criteria) AS v UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v UNION ALL SELECT 'template_id' AS f, json_quote(NEW.template_id) AS v UNION ALL SELECT 'template_version' AS f, json_quote(NEW.template_version) AS v UNION ALL SELECT 'soa_version' AS f, json_quote(NEW.soa_version) AS v UNION ALL SELECT 'soa_imported_at' AS f, json_quote(NEW.soa_imported_at) AS v UNION ALL SELECT 'closing_meeting_date' AS f, json_quote(NEW.closing_meeting_date) AS v UNION ALL SELECT 'response_days_major' AS f, json_quote(NEW.response_days_major) AS v UNION ALL SELECT 'response_days_minor' AS f, json_quote(NEW.response_days_minor) AS v UNION ALL SELECT 'previous_audit_id' AS f, json_quote(NEW.previous_audit_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'audits' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER audits_log_update AFTER UPDATE ON audits WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'client_id' THEN json_quote(NEW.client_id) WHEN 'standard' THEN json_quote(NEW.standard) WHEN 'type' THEN json_quote(NEW.type) WHEN 'scope' THEN json_quote(NEW.scope) WHEN 'start_date' THEN json_quote(NEW.start_date) WHEN 'end_date' THEN json_quote(NEW.end_date) WHEN 'mode' THEN json_quote(NEW.mode) WHEN 'objectives' THEN json_quote(NEW.objectives) WHEN 'criteria' THEN json_quote(NEW.criteria) WHEN 'status' THEN json_quote(NEW.status) WHEN 'template_id' THEN json_quote(NEW.template_id) WHEN 'template_version' THEN json_quote(NEW.template_version) WHEN 'soa_version' THEN json_quote(NEW.soa_version) WHEN 'soa_imported_at' THEN json_quote(NEW.soa_imported_at) WHEN 'closing_meeting_date' THEN json_quote(NEW.closing_meeting_date) WHEN 'response_days_major' THEN json_quote(NEW.response_days_major) WHEN 'response_days_minor' THEN json_quote(NEW.response_days_minor) WHEN 'previous_audit_id' THEN json_quote(NEW.previous_audit_id) END
        WHERE table_name = 'audits' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'standard' AS f, json_quote(NEW.standard) AS v WHERE NEW.standard IS NOT OLD.standard UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'scope' AS f, json_quote(NEW.scope) AS v WHERE NEW.scope IS NOT OLD.scope UNION ALL SELECT 'start_date' AS f, json_quote(NEW.start_date) AS v WHERE NEW.start_date IS NOT OLD.start_date UNION ALL SELECT 'end_date' AS f, json_quote(NEW.end_date) AS v WHERE NEW.end_date IS NOT OLD.end_date UNION ALL SELECT 'mode' AS f, json_quote(NEW.mode) AS v WHERE NEW.mode IS NOT OLD.mode UNION ALL SELECT 'objectives' AS f, json_quote(NEW.objectives) AS v WHERE NEW.objectives IS NOT OLD.objectives UNION ALL SELECT 'criteria' AS f, json_quote(NEW.criteria) AS v WHERE NEW.criteria IS NOT OLD.criteria UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'template_id' AS f, json_quote(NEW.template_id) AS v WHERE NEW.template_id IS NOT OLD.template_id UNION ALL SELECT 'template_version' AS f, json_quote(NEW.template_version) AS v WHERE NEW.template_version IS NOT OLD.template_version UNION ALL SELECT 'soa_version' AS f, json_quote(NEW.soa_version) AS v WHERE NEW.soa_version IS NOT OLD.soa_version UNION ALL SELECT 'soa_imported_at' AS f, json_quote(NEW.soa_imported_at) AS v WHERE NEW.soa_imported_at IS NOT OLD.soa_imported_at UNION ALL SELECT 'closing_meeting_date' AS f, json_quote(NEW.closing_meeting_date) AS v WHERE NEW.closing_meeting_date IS NOT OLD.closing_meeting_date UNION ALL SELECT 'response_days_major' AS f, json_quote(NEW.response_days_major) AS v WHERE NEW.response_days_major IS NOT OLD.response_days_major UNION ALL SELECT 'response_days_minor' AS f, json_quote(NEW.response_days_minor) AS v WHERE NEW.response_days_minor IS NOT OLD.response_days_minor UNION ALL SELECT 'previous_audit_id' AS f, json_quote(NEW.previous_audit_id) AS v WHERE NEW.previous_audit_id IS NOT OLD.previous_audit_id));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audits', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audits' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'standard' AS f, json_quote(NEW.standard) AS v WHERE NEW.standard IS NOT OLD.standard UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'scope' AS f, json_quote(NEW.scope) AS v WHERE NEW.scope IS NOT OLD.scope UNION ALL SELECT 'start_date' AS f, json_quote(NEW.start_date) AS v WHERE NEW.start_date IS NOT OLD.start_date UNION ALL SELECT 'end_date' AS f, json_quote(NEW.end_date) AS v WHERE NEW.end_date IS NOT OLD.end_date UNION ALL SELECT 'mode' AS f, json_quote(NEW.mode) AS v WHERE NEW.mode IS NOT OLD.mode UNION ALL SELECT 'objectives' AS f, json_quote(NEW.objectives) AS v WHERE NEW.objectives IS NOT OLD.objectives UNION ALL SELECT 'criteria' AS f, json_quote(NEW.criteria) AS v WHERE NEW.criteria IS NOT OLD.criteria UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'template_id' AS f, json_quote(NEW.template_id) AS v WHERE NEW.template_id IS NOT OLD.template_id UNION ALL SELECT 'template_version' AS f, json_quote(NEW.template_version) AS v WHERE NEW.template_version IS NOT OLD.template_version UNION ALL SELECT 'soa_version' AS f, json_quote(NEW.soa_version) AS v WHERE NEW.soa_version IS NOT OLD.soa_version UNION ALL SELECT 'soa_imported_at' AS f, json_quote(NEW.soa_imported_at) AS v WHERE NEW.soa_imported_at IS NOT OLD.soa_imported_at UNION ALL SELECT 'closing_meeting_date' AS f, json_quote(NEW.closing_meeting_date) AS v WHERE NEW.closing_meeting_date IS NOT OLD.closing_meeting_date UNION ALL SELECT 'response_days_major' AS f, json_quote(NEW.response_days_major) AS v WHERE NEW.response_days_major IS NOT OLD.response_days_major UNION ALL SELECT 'response_days_minor' AS f, json_quote(NEW.response_days_minor) AS v WHERE NEW.response_days_minor IS NOT OLD.response_days_minor UNION ALL SELECT 'previous_audit_id' AS f, json_quote(NEW.previous_audit_id) AS v WHERE NEW.previous_audit_id IS NOT OLD.previous_audit_id) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'audits' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'standard' AS f, json_quote(NEW.standard) AS v WHERE NEW.standard IS NOT OLD.standard UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'scope' AS f, json_quote(NEW.scope) AS v WHERE NEW.scope IS NOT OLD.scope UNION ALL SELECT 'start_date' AS f, json_quote(NEW.start_date) AS v WHERE NEW.start_date IS NOT OLD.start_date UNION ALL SELECT 'end_date' AS f, json_quote(NEW.end_date) AS v WHERE NEW.end_date IS NOT OLD.end_date UNION ALL SELECT 'mode' AS f, json_quote(NEW.mode) AS v WHERE NEW.mode IS NOT OLD.mode UNION ALL SELECT 'objectives' AS f, json_quote(NEW.objectives) AS v WHERE NEW.objectives IS NOT OLD.objectives UNION ALL SELECT 'criteria' AS f, json_quote(NEW.criteria) AS v WHERE NEW.criteria IS NOT OLD.criteria UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'template_id' AS f, json_quote(NEW.template_id) AS v WHERE NEW.template_id IS NOT OLD.template_id UNION ALL SELECT 'template_version' AS f, json_quote(NEW.template_version) AS v WHERE NEW.template_version IS NOT OLD.template_version UNION ALL SELECT 'soa_version' AS f, json_quote(NEW.soa_version) AS v WHERE NEW.soa_version IS NOT OLD.soa_version UNION ALL SELECT 'soa_imported_at' AS f, json_quote(NEW.soa_imported_at) AS v WHERE NEW.soa_imported_at IS NOT OLD.soa_imported_at UNION ALL SELECT 'closing_meeting_date' AS f, json_quote(NEW.closing_meeting_date) AS v WHERE NEW.closing_meeting_date IS NOT OLD.closing_meeting_date UNION ALL SELECT 'response_days_major' AS f, json_quote(NEW.response_days_major) AS v WHERE NEW.response_days_major IS NOT OLD.response_days_major UNION ALL SELECT 'response_days_minor' AS f, json_quote(NEW.response_days_minor) AS v WHERE NEW.response_days_minor IS NOT OLD.response_days_minor UNION ALL SELECT 'previous_audit_id' AS f, json_quote(NEW.previous_audit_id) AS v WHERE NEW.previous_audit_id IS NOT OLD.previous_audit_id));
      UPDATE tombstones SET live = 0 WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER audits_log_delete AFTER DELETE ON audits WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'audits', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'audits' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'audits' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'audits'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'audits' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'audits' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audits' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'audits' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'audits' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;

    CREATE TABLE audit_plans (
      audit_id TEXT PRIMARY KEY REFERENCES audits(id) ON DELETE CASCADE,
      notes TEXT NOT NULL DEFAULT '',
      updated_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
    ) STRICT;
    CREATE TABLE plan_sessions (
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      day TEXT NOT NULL,
      start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
      end_time TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time > start_time),
      site_id TEXT REFERENCES client_sites(id) ON DELETE SET NULL,
      topic TEXT NOT NULL,
      auditee TEXT NOT NULL DEFAULT '',
      auditor_id TEXT REFERENCES audit_team(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX plan_sessions_audit ON plan_sessions(audit_id, day, start_time);
    CREATE INDEX plan_sessions_site ON plan_sessions(site_id);
    CREATE INDEX plan_sessions_auditor ON plan_sessions(auditor_id);
    CREATE TABLE plan_session_items (
      session_id TEXT NOT NULL REFERENCES plan_sessions(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      PRIMARY KEY (session_id, item_id)
    ) STRICT;
    CREATE INDEX plan_session_items_item ON plan_session_items(item_id);

    CREATE TABLE audit_meetings (
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('opening','closing')),
      held_on TEXT NOT NULL,
      confirmed_plan INTEGER NOT NULL DEFAULT 0 CHECK (confirmed_plan IN (0, 1)),
      confirmed_confidentiality INTEGER NOT NULL DEFAULT 0 CHECK (confirmed_confidentiality IN (0, 1)),
      confirmed_reporting INTEGER NOT NULL DEFAULT 0 CHECK (confirmed_reporting IN (0, 1)),
      confirmed_appeals INTEGER NOT NULL DEFAULT 0 CHECK (confirmed_appeals IN (0, 1)),
      findings_presented TEXT NOT NULL DEFAULT '',
      acknowledgement TEXT NOT NULL DEFAULT '',
      acknowledged_by TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      updated_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      UNIQUE (audit_id, kind)
    ) STRICT;
    CREATE TABLE meeting_attendees (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES audit_meetings(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      role TEXT NOT NULL DEFAULT '',
      organisation TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX meeting_attendees_meeting ON meeting_attendees(meeting_id, position);

    CREATE TABLE technical_reviews (
      audit_id TEXT PRIMARY KEY REFERENCES audits(id) ON DELETE CASCADE,
      report_issue_id TEXT NOT NULL REFERENCES report_issues(id) ON DELETE RESTRICT,
      reviewer_name TEXT NOT NULL,
      reviewer_email TEXT NOT NULL DEFAULT '',
      reviewed_on TEXT NOT NULL,
      conclusion TEXT NOT NULL CHECK (conclusion IN ('confirmed','returned')),
      review_notes TEXT NOT NULL DEFAULT '',
      decision TEXT CHECK (decision IN ('grant','renew','maintain','suspend','withdraw','refuse')),
      decided_by TEXT NOT NULL DEFAULT '',
      decided_on TEXT,
      decision_notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      CHECK ((decision IS NULL) = (decided_on IS NULL))
    ) STRICT;
    CREATE INDEX technical_reviews_issue ON technical_reviews(report_issue_id);
    -- The review may be followed by its decision once; a recorded decision is the certification record.
    CREATE TRIGGER technical_reviews_final BEFORE UPDATE ON technical_reviews WHEN OLD.decision IS NOT NULL BEGIN
      SELECT RAISE(ABORT, 'A recorded technical review and decision cannot be changed');
    END;`,
};
