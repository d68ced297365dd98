import type { Database } from 'better-sqlite3';

/**
 * Ordered schema migrations. The database's PRAGMA user_version is the number
 * of migrations applied. Never edit a released migration: append a new one.
 * Every table is STRICT and every row carries created_at, updated_at and the
 * id of the device that last changed it, for the coming multi-laptop merge.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const META = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'clients and audit engagements',
    sql: `
      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        address TEXT NOT NULL,
        representative TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE TABLE client_contacts (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        email TEXT NOT NULL,
        phone TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE INDEX client_contacts_client ON client_contacts(client_id);
      CREATE TABLE client_sites (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        headcount INTEGER NOT NULL CHECK (headcount >= 0),
        processes TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE INDEX client_sites_client ON client_sites(client_id);
      CREATE TABLE audits (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
        standard TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('stage1','stage2','surveillance1','surveillance2','recertification','special')),
        scope TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL CHECK (end_date >= start_date),
        mode TEXT NOT NULL CHECK (mode IN ('on_site','remote')),
        objectives TEXT NOT NULL,
        criteria TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('planned','in_progress','reporting','closed')),
        ${META}
      ) STRICT;
      CREATE INDEX audits_client ON audits(client_id);
      CREATE INDEX audits_start ON audits(start_date);
      CREATE TABLE audit_sites (
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL REFERENCES client_sites(id) ON DELETE RESTRICT,
        ${META},
        PRIMARY KEY (audit_id, site_id)
      ) STRICT;
      CREATE INDEX audit_sites_site ON audit_sites(site_id);
      CREATE TABLE audit_team (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('lead_auditor','auditor','technical_expert','observer')),
        ${META}
      ) STRICT;
      CREATE INDEX audit_team_audit ON audit_team(audit_id);
      -- The database itself guarantees at most one lead auditor per audit.
      CREATE UNIQUE INDEX audit_team_one_lead ON audit_team(audit_id) WHERE role = 'lead_auditor';
    `,
  },
  {
    version: 2,
    name: 'checklist templates, checklist items and sampled records',
    // Audits created before this migration keep an empty template id and get no
    // checklist: their fieldwork predates checklists, and inventing one would
    // misstate what was audited. Built-in templates are files, not rows.
    sql: `
      CREATE TABLE checklist_templates (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        version TEXT NOT NULL,
        title TEXT NOT NULL,
        language TEXT NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('stage1','stage2')),
        standard TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        imported_at TEXT NOT NULL,
        ${META},
        UNIQUE (template_id, version)
      ) STRICT;
      ALTER TABLE audits ADD COLUMN template_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE audits ADD COLUMN template_version TEXT NOT NULL DEFAULT '';
      ALTER TABLE audits ADD COLUMN soa_version TEXT;
      ALTER TABLE audits ADD COLUMN soa_imported_at TEXT;
      CREATE TABLE checklist_items (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        ref TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('clause','control','topic')),
        group_id TEXT NOT NULL,
        group_title TEXT NOT NULL,
        group_kind TEXT NOT NULL CHECK (group_kind IN ('clause','theme','topic')),
        number TEXT NOT NULL,
        title TEXT NOT NULL,
        questions TEXT NOT NULL CHECK (json_valid(questions)),
        evidence TEXT NOT NULL CHECK (json_valid(evidence)),
        clauses TEXT NOT NULL CHECK (json_valid(clauses)),
        result TEXT NOT NULL DEFAULT 'not_audited'
          CHECK (result IN ('not_audited','conforming','ofi','minor_nc','major_nc','not_applicable')),
        notes TEXT NOT NULL DEFAULT '',
        assignee_id TEXT REFERENCES audit_team(id) ON DELETE SET NULL,
        sample_size INTEGER CHECK (sample_size >= 0),
        minutes_spent INTEGER CHECK (minutes_spent >= 0),
        soa_applicable INTEGER CHECK (soa_applicable IN (0, 1)),
        soa_justification TEXT,
        soa_status TEXT,
        ${META},
        UNIQUE (audit_id, ref)
      ) STRICT;
      CREATE INDEX checklist_items_audit ON checklist_items(audit_id);
      CREATE INDEX checklist_items_assignee ON checklist_items(assignee_id);
      CREATE TABLE checklist_samples (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        identifier TEXT NOT NULL CHECK (length(identifier) > 0),
        description TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE INDEX checklist_samples_item ON checklist_samples(item_id);
    `,
  },
  {
    version: 3,
    name: 'interviews, observations, documents reviewed, evidence attachments and full-text search',
    sql: `
      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        interviewee_name TEXT NOT NULL CHECK (length(interviewee_name) > 0),
        interviewee_role TEXT NOT NULL,
        department TEXT NOT NULL,
        site_id TEXT REFERENCES client_sites(id) ON DELETE SET NULL,
        held_at TEXT NOT NULL,
        notes TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE INDEX interviews_audit ON interviews(audit_id);
      CREATE TABLE interview_auditors (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES audit_team(id) ON DELETE CASCADE,
        ${META},
        PRIMARY KEY (interview_id, member_id)
      ) STRICT;
      CREATE INDEX interview_auditors_member ON interview_auditors(member_id);
      CREATE TABLE interview_items (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
        ${META},
        PRIMARY KEY (interview_id, item_id)
      ) STRICT;
      CREATE INDEX interview_items_item ON interview_items(item_id);

      CREATE TABLE observations (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        site_id TEXT REFERENCES client_sites(id) ON DELETE SET NULL,
        location TEXT NOT NULL,
        observed_at TEXT NOT NULL,
        description TEXT NOT NULL CHECK (length(description) > 0),
        ${META}
      ) STRICT;
      CREATE INDEX observations_audit ON observations(audit_id);
      CREATE TABLE observation_items (
        observation_id TEXT NOT NULL REFERENCES observations(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
        ${META},
        PRIMARY KEY (observation_id, item_id)
      ) STRICT;
      CREATE INDEX observation_items_item ON observation_items(item_id);

      CREATE TABLE documents_reviewed (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        title TEXT NOT NULL CHECK (length(title) > 0),
        identifier TEXT NOT NULL,
        revision TEXT NOT NULL,
        document_date TEXT,
        owner TEXT NOT NULL,
        notes TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE INDEX documents_reviewed_audit ON documents_reviewed(audit_id);
      CREATE TABLE document_items (
        document_id TEXT NOT NULL REFERENCES documents_reviewed(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
        ${META},
        PRIMARY KEY (document_id, item_id)
      ) STRICT;
      CREATE INDEX document_items_item ON document_items(item_id);

      -- One row per file per audit; the bytes live once in the content-addressed
      -- store (evidence/blobs/<sha[0:2]>/<sha>), shared by every row with that digest.
      CREATE TABLE evidence (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        original_name TEXT NOT NULL CHECK (length(original_name) > 0),
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        captured_at TEXT,
        added_by TEXT NOT NULL,
        description TEXT NOT NULL,
        has_thumbnail INTEGER NOT NULL CHECK (has_thumbnail IN (0, 1)),
        ${META},
        UNIQUE (audit_id, sha256)
      ) STRICT;
      CREATE INDEX evidence_sha ON evidence(sha256);
      -- Targets are of several kinds, so no foreign key: the triggers below remove
      -- links whose target is deleted, in the same transaction.
      CREATE TABLE evidence_links (
        evidence_id TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        target_type TEXT NOT NULL CHECK (target_type IN ('audit','checklist_item','interview','observation','finding')),
        target_id TEXT NOT NULL,
        ${META},
        PRIMARY KEY (evidence_id, target_type, target_id)
      ) STRICT;
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
      -- An attachment linked nowhere is deleted with its last link, in the same transaction.
      CREATE TRIGGER evidence_links_last AFTER DELETE ON evidence_links
        WHEN NOT EXISTS (SELECT 1 FROM evidence_links WHERE evidence_id = OLD.evidence_id) BEGIN
        DELETE FROM evidence WHERE id = OLD.evidence_id;
      END;
      -- Digests whose files may no longer be needed. The evidence store deletes a
      -- file only after the deleting transaction committed, and only if no row
      -- uses the digest by then; the queue survives a crash and is drained at start-up.
      CREATE TABLE evidence_gc (sha256 TEXT PRIMARY KEY) STRICT;
      CREATE TRIGGER evidence_collect AFTER DELETE ON evidence BEGIN
        INSERT OR IGNORE INTO evidence_gc (sha256) VALUES (OLD.sha256);
      END;

      -- Full-text search. search_docs maps each record to the FTS row id, so
      -- keeping the index in step is a lookup, not a scan. Triggers do it, so
      -- the index changes in the very transaction that writes the record.
      CREATE TABLE search_docs (
        rowid INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        audit_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX search_docs_audit ON search_docs(audit_id);
      CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      ${searchTriggers('checklist_items', 'checklist_item', "NEW.number || ' ' || NEW.title", 'NEW.notes', 'notes, number, title')}
      ${searchTriggers(
        'interviews',
        'interview',
        "NEW.interviewee_name || ' ' || NEW.interviewee_role || ' ' || NEW.department",
        'NEW.notes',
        'interviewee_name, interviewee_role, department, notes',
      )}
      ${searchTriggers('observations', 'observation', 'NEW.location', 'NEW.description', 'location, description')}
      ${searchTriggers(
        'documents_reviewed',
        'document',
        "NEW.title || ' ' || NEW.identifier || ' ' || NEW.revision",
        "NEW.owner || ' ' || NEW.notes",
        'title, identifier, revision, owner, notes',
      )}
      ${searchTriggers('evidence', 'evidence', 'NEW.original_name', 'NEW.description', 'original_name, description')}
      -- Checklists written before this migration join the index now.
      INSERT INTO search_docs (record_id, kind, audit_id) SELECT id, 'checklist_item', audit_id FROM checklist_items;
      INSERT INTO search_index (rowid, title, body)
        SELECT d.rowid, c.number || ' ' || c.title, c.notes
        FROM search_docs d JOIN checklist_items c ON c.id = d.record_id;
    `,
  },
  {
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
        ${META},
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
        ${META},
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
        ${META},
        PRIMARY KEY (finding_id, item_id)
      ) STRICT;
      CREATE INDEX finding_items_item ON finding_items(item_id);
      CREATE TABLE finding_records (
        finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        record_type TEXT NOT NULL CHECK (record_type IN ('interview','observation','document')),
        record_id TEXT NOT NULL,
        ${META},
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
        ${META}
      ) STRICT;
      CREATE INDEX finding_responses_finding ON finding_responses(finding_id);
      -- Findings of earlier audits carried into this one, to be verified here.
      CREATE TABLE carried_findings (
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        ${META},
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
        ${META},
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
      ${trailTriggers('findings', 'finding', [
        'type',
        'status',
        'number',
        'statement',
        'evidence_text',
        'site_id',
        'raised_by',
        'raised_at',
        'verification_method',
        'verification_notes',
        'verified_on',
        'verified_by',
        'verified_in_audit_id',
        'closed_at',
      ])}
      ${trailTriggers('checklist_items', 'checklist_item', ['result', 'assignee_id', 'sample_size', 'minutes_spent'])}
      -- Child rows: the repository stamps the finding (updated_by, updated_at) before changing them.
      ${childTrail('finding_items', 'requirement', 'item_id')}
      ${childTrail('finding_records', 'record', "record_type || ':' || record_id")}
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
        ${META},
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
  },
];

/**
 * Triggers that keep one table's rows in the search index. Written once here
 * and expanded into migration 3's SQL; never change what it produces for a
 * released migration.
 */
function searchTriggers(table: string, kind: string, title: string, body: string, columns: string): string {
  const rowOf = (ref: 'NEW' | 'OLD') => `(SELECT rowid FROM search_docs WHERE record_id = ${ref}.id)`;
  return `
      CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
        INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, '${kind}', NEW.audit_id);
        INSERT INTO search_index (rowid, title, body) VALUES (${rowOf('NEW')}, ${title}, ${body});
      END;
      CREATE TRIGGER ${table}_search_update AFTER UPDATE OF ${columns} ON ${table} BEGIN
        UPDATE search_index SET title = ${title}, body = ${body} WHERE rowid = ${rowOf('NEW')};
      END;
      CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN
        DELETE FROM search_index WHERE rowid = ${rowOf('OLD')};
        DELETE FROM search_docs WHERE record_id = OLD.id;
      END;`;
}

/**
 * One audit-trail trigger per tracked column of `table`: a row whenever the
 * value really changes, stamped with the row's own updated_at, updated_by and
 * device. Expanded into migration 4's SQL; never change what it produces.
 */
function trailTriggers(table: string, recordType: string, columns: readonly string[]): string {
  return columns
    .map(
      (c) => `
      CREATE TRIGGER ${table}_trail_${c} AFTER UPDATE OF ${c} ON ${table} WHEN OLD.${c} IS NOT NEW.${c} BEGIN
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        VALUES ('${recordType}', NEW.id, NEW.audit_id, '${c}', OLD.${c}, NEW.${c}, NEW.updated_at, NEW.updated_by, NEW.device_id);
      END;`,
    )
    .join('');
}

/** Trail rows for a finding's child links (added / removed), attributed to whoever last stamped the finding. */
function childTrail(table: string, field: string, value: string): string {
  const entry = (ref: 'NEW' | 'OLD', oldValue: string, newValue: string) => `
        INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
        SELECT 'finding', f.id, f.audit_id, '${field}', ${oldValue}, ${newValue}, f.updated_at, f.updated_by, f.device_id
        FROM findings f WHERE f.id = ${ref}.finding_id;`;
  const of = (ref: 'NEW' | 'OLD') => value.replace(/(record_type|record_id|item_id)/g, `${ref}.$1`);
  return `
      CREATE TRIGGER ${table}_trail_insert AFTER INSERT ON ${table} BEGIN${entry('NEW', 'NULL', of('NEW'))}
      END;
      CREATE TRIGGER ${table}_trail_delete AFTER DELETE ON ${table} BEGIN${entry('OLD', of('OLD'), 'NULL')}
      END;`;
}

export const SCHEMA_VERSION = MIGRATIONS.length;

export class NewerDatabaseError extends Error {
  constructor(found: number, supported: number) {
    super(
      `This data folder was written by a newer version of Fieldwork (schema ${found}; this version knows up to ${supported}). ` +
        'Update Fieldwork to open it. Nothing was changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/** Applies pending migrations in one transaction: either all land or none. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new NewerDatabaseError(current, migrations.length);
  const pending = migrations.slice(current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return migrations.length;
}
