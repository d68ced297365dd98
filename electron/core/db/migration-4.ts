import type { Migration } from './migrations';

/**
 * Migration 4. Its audit-trail triggers: one per tracked column of findings and
 * checklist_items (a row whenever the value really changes, stamped with the
 * row's own updated_at, updated_by and device), and for a finding's child links
 * (added / removed) entries attributed to whoever last stamped the finding.
 * Frozen: the SQL is the text this migration has run since it was released,
 * written out (it used to be built with META and trigger-writing helpers); a
 * test checks its SHA-256. Never change it: append a migration.
 */
export const MIGRATION_4: Migration = {
  version: 4,
  name: 'findings, their lifecycle and audit trail; the certification programme; recommendations',
  sql: `
    -- Due dates of findings come from the closing meeting (default: the audit's last day).
    ALTER TABLE audits ADD COLUMN closing_meeting_date TEXT;
    ALTER TABLE audits ADD COLUMN response_days_major INTEGER NOT NULL DEFAULT 30 CHECK (response_days_major BETWEEN 1 AND 365);
    ALTER TABLE audits ADD COLUMN response_days_minor INTEGER NOT NULL DEFAULT 90 CHECK (response_days_minor BETWEEN 1 AND 365);
    -- The audit of the cycle this one was created from (programme.createNext).
    ALTER TABLE audits ADD COLUMN previous_audit_id TEXT REFERENCES audits(id) ON DELETE SET NULL;
    -- Who made the last change, for the audit trail (Fieldwork has no sign-in; the UI says who is acting).
    ALTER TABLE checklist_items ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';

    CREATE TABLE client_certification (
      client_id TEXT PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
      decision_date TEXT,
      expiry_date TEXT,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      CHECK (expiry_date IS NULL OR decision_date IS NULL OR expiry_date > decision_date)
    ) STRICT;

    CREATE TABLE findings (
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      type TEXT NOT NULL CHECK (type IN ('major','minor','ofi','positive')),
      status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft','open','response_received','response_accepted','verified','closed')),
      -- e.g. NC-03; set when issued, never changed or reused afterwards.
      number TEXT,
      statement TEXT NOT NULL DEFAULT '',
      evidence_text TEXT NOT NULL DEFAULT '',
      site_id TEXT REFERENCES client_sites(id) ON DELETE SET NULL,
      raised_by TEXT NOT NULL DEFAULT '',
      raised_at TEXT NOT NULL,
      issued_at TEXT,
      verification_method TEXT CHECK (verification_method IN ('document_review','on_site')),
      verification_notes TEXT NOT NULL DEFAULT '',
      verified_on TEXT,
      verified_by TEXT NOT NULL DEFAULT '',
      verified_in_audit_id TEXT REFERENCES audits(id) ON DELETE RESTRICT,
      closed_at TEXT,
      updated_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      CHECK ((status = 'draft') = (number IS NULL))
    ) STRICT;
    CREATE INDEX findings_audit ON findings(audit_id);
    CREATE UNIQUE INDEX findings_number ON findings(audit_id, number) WHERE number IS NOT NULL;
    -- An issued finding is part of the record of a certification decision.
    CREATE TRIGGER findings_keep_issued BEFORE DELETE ON findings WHEN OLD.status <> 'draft' BEGIN
      SELECT RAISE(ABORT, 'An issued finding cannot be deleted');
    END;
    -- The last number used per audit and series (NC, OFI, GP), so numbers are never reused.
    CREATE TABLE finding_counters (
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      series TEXT NOT NULL CHECK (series IN ('NC','OFI','GP')),
      last INTEGER NOT NULL CHECK (last > 0),
      PRIMARY KEY (audit_id, series)
    ) STRICT;
    CREATE TABLE finding_items (
      finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      PRIMARY KEY (finding_id, item_id)
    ) STRICT;
    CREATE INDEX finding_items_item ON finding_items(item_id);
    CREATE TABLE finding_records (
      finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
      record_type TEXT NOT NULL CHECK (record_type IN ('interview','observation','document')),
      record_id TEXT NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      PRIMARY KEY (finding_id, record_type, record_id)
    ) STRICT;
    CREATE INDEX finding_records_record ON finding_records(record_type, record_id);
    CREATE TRIGGER interviews_unlink_findings AFTER DELETE ON interviews BEGIN
      DELETE FROM finding_records WHERE record_type = 'interview' AND record_id = OLD.id;
    END;
    CREATE TRIGGER observations_unlink_findings AFTER DELETE ON observations BEGIN
      DELETE FROM finding_records WHERE record_type = 'observation' AND record_id = OLD.id;
    END;
    CREATE TRIGGER documents_unlink_findings AFTER DELETE ON documents_reviewed BEGIN
      DELETE FROM finding_records WHERE record_type = 'document' AND record_id = OLD.id;
    END;
    CREATE TABLE finding_responses (
      id TEXT PRIMARY KEY,
      finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
      received_at TEXT NOT NULL,
      correction TEXT NOT NULL,
      root_cause TEXT NOT NULL,
      corrective_action TEXT NOT NULL,
      responsible TEXT NOT NULL,
      correction_due TEXT,
      action_due TEXT,
      decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending','accepted','returned')),
      decision_comment TEXT NOT NULL DEFAULT '',
      decided_at TEXT,
      decided_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX finding_responses_finding ON finding_responses(finding_id);
    -- Findings of earlier audits carried into this one, to be verified here.
    CREATE TABLE carried_findings (
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      PRIMARY KEY (audit_id, finding_id)
    ) STRICT;
    CREATE INDEX carried_findings_finding ON carried_findings(finding_id);

    -- The team's recommendation: every decision kept, the last in force.
    CREATE TABLE recommendations (
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      recommendation TEXT NOT NULL CHECK (recommendation IN ('recommend','after_action_plans','not_recommended')),
      suggested TEXT NOT NULL CHECK (suggested IN ('recommend','after_action_plans','not_recommended')),
      reason TEXT NOT NULL,
      decided_by TEXT NOT NULL CHECK (length(decided_by) > 0),
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      CHECK (recommendation = suggested OR length(reason) > 0)
    ) STRICT;
    CREATE INDEX recommendations_audit ON recommendations(audit_id);
    CREATE TRIGGER recommendations_no_update BEFORE UPDATE ON recommendations BEGIN
      SELECT RAISE(ABORT, 'Recorded recommendations cannot be changed; record a new decision');
    END;

    -- The audit trail: append-only. No foreign keys, so it outlives what it describes.
    CREATE TABLE audit_trail (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      record_type TEXT NOT NULL CHECK (record_type IN ('finding','checklist_item','recommendation')),
      record_id TEXT NOT NULL,
      audit_id TEXT NOT NULL,
      field TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT,
      changed_at TEXT NOT NULL,
      changed_by TEXT NOT NULL,
      device_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_trail_record ON audit_trail(record_type, record_id, id);
    CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit_trail BEGIN
      SELECT RAISE(ABORT, 'The audit trail is append-only');
    END;
    CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit_trail BEGIN
      SELECT RAISE(ABORT, 'The audit trail is append-only');
    END;
    CREATE TRIGGER findings_trail_insert AFTER INSERT ON findings BEGIN
      INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
      VALUES ('finding', NEW.id, NEW.audit_id, 'created', NULL, NEW.type, NEW.updated_at, NEW.updated_by, NEW.device_id);
    END;
    
      CREATE TRIGGER findings_trail_type AFTER UPDATE OF type ON findings WHEN OLD.type IS NOT NEW.type BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'type', OLD.type, NEW.type, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_status AFTER UPDATE OF status ON findings WHEN OLD.status IS NOT NEW.status BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'status', OLD.status, NEW.status, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_number AFTER UPDATE OF number ON findings WHEN OLD.number IS NOT NEW.number BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'number', OLD.number, NEW.number, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_statement AFTER UPDATE OF statement ON findings WHEN OLD.statement IS NOT NEW.statement BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'statement', OLD.statement, NEW.statement, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_evidence_text AFTER UPDATE OF evidence_text ON findings WHEN OLD.evidence_text IS NOT NEW.evidence_text BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'evidence_text', OLD.evidence_text, NEW.evidence_text, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_site_id AFTER UPDATE OF site_id ON findings WHEN OLD.site_id IS NOT NEW.site_id BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'site_id', OLD.site_id, NEW.site_id, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_raised_by AFTER UPDATE OF raised_by ON findings WHEN OLD.raised_by IS NOT NEW.raised_by BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'raised_by', OLD.raised_by, NEW.raised_by, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_raised_at AFTER UPDATE OF raised_at ON findings WHEN OLD.raised_at IS NOT NEW.raised_at BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'raised_at', OLD.raised_at, NEW.raised_at, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_verification_method AFTER UPDATE OF verification_method ON findings WHEN OLD.verification_method IS NOT NEW.verification_method BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'verification_method', OLD.verification_method, NEW.verification_method, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_verification_notes AFTER UPDATE OF verification_notes ON findings WHEN OLD.verification_notes IS NOT NEW.verification_notes BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'verification_notes', OLD.verification_notes, NEW.verification_notes, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_verified_on AFTER UPDATE OF verified_on ON findings WHEN OLD.verified_on IS NOT NEW.verified_on BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'verified_on', OLD.verified_on, NEW.verified_on, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_verified_by AFTER UPDATE OF verified_by ON findings WHEN OLD.verified_by IS NOT NEW.verified_by BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'verified_by', OLD.verified_by, NEW.verified_by, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_verified_in_audit_id AFTER UPDATE OF verified_in_audit_id ON findings WHEN OLD.verified_in_audit_id IS NOT NEW.verified_in_audit_id BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'verified_in_audit_id', OLD.verified_in_audit_id, NEW.verified_in_audit_id, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER findings_trail_closed_at AFTER UPDATE OF closed_at ON findings WHEN OLD.closed_at IS NOT NEW.closed_at BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('finding', NEW.id, NEW.audit_id, 'closed_at', OLD.closed_at, NEW.closed_at, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
    
      CREATE TRIGGER checklist_items_trail_result AFTER UPDATE OF result ON checklist_items WHEN OLD.result IS NOT NEW.result BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('checklist_item', NEW.id, NEW.audit_id, 'result', OLD.result, NEW.result, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER checklist_items_trail_assignee_id AFTER UPDATE OF assignee_id ON checklist_items WHEN OLD.assignee_id IS NOT NEW.assignee_id BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('checklist_item', NEW.id, NEW.audit_id, 'assignee_id', OLD.assignee_id, NEW.assignee_id, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER checklist_items_trail_sample_size AFTER UPDATE OF sample_size ON checklist_items WHEN OLD.sample_size IS NOT NEW.sample_size BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('checklist_item', NEW.id, NEW.audit_id, 'sample_size', OLD.sample_size, NEW.sample_size, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
      CREATE TRIGGER checklist_items_trail_minutes_spent AFTER UPDATE OF minutes_spent ON checklist_items WHEN OLD.minutes_spent IS NOT NEW.minutes_spent BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('checklist_item', NEW.id, NEW.audit_id, 'minutes_spent', OLD.minutes_spent, NEW.minutes_spent, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;
    -- Child rows: the repository stamps the finding (updated_by, updated_at) before changing them.
    
      CREATE TRIGGER finding_items_trail_insert AFTER INSERT ON finding_items BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        SELECT 'finding', f.id, f.audit_id, 'requirement', NULL, NEW.item_id, f.updated_at, f.updated_by, f.device_id
        FROM findings f WHERE f.id = NEW.finding_id;
      END;
      CREATE TRIGGER finding_items_trail_delete AFTER DELETE ON finding_items BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        SELECT 'finding', f.id, f.audit_id, 'requirement', OLD.item_id, NULL, f.updated_at, f.updated_by, f.device_id
        FROM findings f WHERE f.id = OLD.finding_id;
      END;
    
      CREATE TRIGGER finding_records_trail_insert AFTER INSERT ON finding_records BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        SELECT 'finding', f.id, f.audit_id, 'record', NULL, NEW.record_type || ':' || NEW.record_id, f.updated_at, f.updated_by, f.device_id
        FROM findings f WHERE f.id = NEW.finding_id;
      END;
      CREATE TRIGGER finding_records_trail_delete AFTER DELETE ON finding_records BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        SELECT 'finding', f.id, f.audit_id, 'record', OLD.record_type || ':' || OLD.record_id, NULL, f.updated_at, f.updated_by, f.device_id
        FROM findings f WHERE f.id = OLD.finding_id;
      END;
    CREATE TRIGGER finding_responses_trail_insert AFTER INSERT ON finding_responses BEGIN
      INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
      SELECT 'finding', f.id, f.audit_id, 'response', NULL,
        json_object('receivedAt', NEW.received_at, 'correction', NEW.correction, 'rootCause', NEW.root_cause,
          'correctiveAction', NEW.corrective_action, 'responsible', NEW.responsible,
          'correctionDue', NEW.correction_due, 'actionDue', NEW.action_due),
        NEW.updated_at, f.updated_by, NEW.device_id
      FROM findings f WHERE f.id = NEW.finding_id;
    END;
    CREATE TRIGGER finding_responses_trail_decision AFTER UPDATE OF decision ON finding_responses
      WHEN OLD.decision IS NOT NEW.decision BEGIN
      INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
      SELECT 'finding', f.id, f.audit_id, 'response decision', OLD.decision,
        NEW.decision || CASE WHEN NEW.decision_comment = '' THEN '' ELSE ': ' || NEW.decision_comment END,
        NEW.updated_at, NEW.decided_by, NEW.device_id
      FROM findings f WHERE f.id = NEW.finding_id;
    END;
    CREATE TRIGGER recommendations_trail AFTER INSERT ON recommendations BEGIN
      INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
      VALUES ('recommendation', NEW.id, NEW.audit_id, 'recommendation', NEW.suggested,
        NEW.recommendation || CASE WHEN NEW.reason = '' THEN '' ELSE ': ' || NEW.reason END,
        NEW.created_at, NEW.decided_by, NEW.device_id);
    END;

    -- Evidence may now prove a finding's verification too. SQLite cannot change
    -- a CHECK in place: the links table is rebuilt (triggers that name it first
    -- dropped, so no schema step ever refers to a missing table).
    DROP TRIGGER interviews_unlink;
    DROP TRIGGER observations_unlink;
    DROP TRIGGER checklist_items_unlink;
    CREATE TABLE evidence_links_copy AS SELECT * FROM evidence_links;
    DROP TABLE evidence_links;
    CREATE TABLE evidence_links (
      evidence_id TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
      target_type TEXT NOT NULL
        CHECK (target_type IN ('audit','checklist_item','interview','observation','finding','finding_verification')),
      target_id TEXT NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      PRIMARY KEY (evidence_id, target_type, target_id)
    ) STRICT;
    INSERT INTO evidence_links (evidence_id, target_type, target_id, created_at, updated_at, device_id)
      SELECT evidence_id, target_type, target_id, created_at, updated_at, device_id FROM evidence_links_copy ORDER BY rowid;
    DROP TABLE evidence_links_copy;
    CREATE INDEX evidence_links_target ON evidence_links(target_type, target_id);
    CREATE TRIGGER interviews_unlink AFTER DELETE ON interviews BEGIN
      DELETE FROM evidence_links WHERE target_type = 'interview' AND target_id = OLD.id;
    END;
    CREATE TRIGGER observations_unlink AFTER DELETE ON observations BEGIN
      DELETE FROM evidence_links WHERE target_type = 'observation' AND target_id = OLD.id;
    END;
    CREATE TRIGGER checklist_items_unlink AFTER DELETE ON checklist_items BEGIN
      DELETE FROM evidence_links WHERE target_type = 'checklist_item' AND target_id = OLD.id;
    END;
    CREATE TRIGGER findings_unlink AFTER DELETE ON findings BEGIN
      DELETE FROM evidence_links WHERE target_type IN ('finding','finding_verification') AND target_id = OLD.id;
    END;
    CREATE TRIGGER evidence_links_last AFTER DELETE ON evidence_links
      WHEN NOT EXISTS (SELECT 1 FROM evidence_links WHERE evidence_id = OLD.evidence_id) BEGIN
      DELETE FROM evidence WHERE id = OLD.evidence_id;
    END;
  `,
};
