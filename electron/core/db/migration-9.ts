import type { Migration } from './migrations';

/**
 * Migration 9: the change log and tombstones (issue 13, "one door for writes").
 * Triggers on every table an audit team shares append, in the writing
 * transaction itself, one change_log row per field set (insert: every field;
 * update: every field whose value changed) and a tombstone per deleted row.
 * Clock, device and author come from the one-row write_context, which the
 * transaction wrapper (handlers/types.ts) advances at the start of each write
 * transaction; it also is the data folder's persisted clock (sync/clock-store.ts).
 * Bookkeeping columns (created_at, updated_at, device_id) are not logged: the
 * log's own clock, device and author say the same. A deleted row's logged
 * values go with it (what a user deletes must not stay readable in the file:
 * secure_delete), leaving only its tombstone. A composite key's row id is its
 * parts joined by '/'.
 *
 * Frozen: the SQL (at the end of this file) is the text this migration has run
 * since it was released, written out; a test checks its SHA-256. It was
 * generated once from SHARED and does not read it: SHARED is the list of logged
 * tables, keys and fields as the merge reads them (sync/tables.ts).
 */
export const SHARED: Readonly<Record<string, { key: readonly string[]; fields: readonly string[] }>> = {
  clients: { key: ['id'], fields: ['name', 'address', 'representative'] },
  client_contacts: { key: ['id'], fields: ['client_id', 'position', 'name', 'role', 'email', 'phone'] },
  client_sites: { key: ['id'], fields: ['client_id', 'position', 'name', 'address', 'headcount', 'processes'] },
  audits: {
    key: ['id'],
    fields: [
      'client_id',
      'standard',
      'type',
      'scope',
      'start_date',
      'end_date',
      'mode',
      'objectives',
      'criteria',
      'status',
      'template_id',
      'template_version',
      'soa_version',
      'soa_imported_at',
      'closing_meeting_date',
      'response_days_major',
      'response_days_minor',
      'previous_audit_id',
    ],
  },
  audit_sites: { key: ['audit_id', 'site_id'], fields: [] },
  audit_team: { key: ['id'], fields: ['audit_id', 'position', 'name', 'email', 'role'] },
  checklist_items: {
    key: ['id'],
    fields: [
      'audit_id',
      'position',
      'ref',
      'kind',
      'group_id',
      'group_title',
      'group_kind',
      'number',
      'title',
      'questions',
      'evidence',
      'clauses',
      'result',
      'notes',
      'assignee_id',
      'sample_size',
      'minutes_spent',
      'soa_applicable',
      'soa_justification',
      'soa_status',
      'updated_by',
    ],
  },
  checklist_samples: { key: ['id'], fields: ['item_id', 'position', 'identifier', 'description'] },
  interviews: {
    key: ['id'],
    fields: ['audit_id', 'interviewee_name', 'interviewee_role', 'department', 'site_id', 'held_at', 'notes'],
  },
  interview_auditors: { key: ['interview_id', 'member_id'], fields: [] },
  interview_items: { key: ['interview_id', 'item_id'], fields: [] },
  observations: { key: ['id'], fields: ['audit_id', 'site_id', 'location', 'observed_at', 'description'] },
  observation_items: { key: ['observation_id', 'item_id'], fields: [] },
  documents_reviewed: {
    key: ['id'],
    fields: ['audit_id', 'title', 'identifier', 'revision', 'document_date', 'owner', 'notes'],
  },
  document_items: { key: ['document_id', 'item_id'], fields: [] },
  evidence: {
    key: ['id'],
    fields: [
      'audit_id',
      'sha256',
      'original_name',
      'media_type',
      'size',
      'captured_at',
      'added_by',
      'description',
      'has_thumbnail',
    ],
  },
  evidence_links: { key: ['evidence_id', 'target_type', 'target_id'], fields: [] },
  findings: {
    key: ['id'],
    fields: [
      'audit_id',
      'type',
      'status',
      'number',
      'statement',
      'evidence_text',
      'site_id',
      'raised_by',
      'raised_at',
      'issued_at',
      'verification_method',
      'verification_notes',
      'verified_on',
      'verified_by',
      'verified_in_audit_id',
      'closed_at',
      'updated_by',
    ],
  },
  finding_items: { key: ['finding_id', 'item_id'], fields: [] },
  finding_records: { key: ['finding_id', 'record_type', 'record_id'], fields: [] },
  finding_responses: {
    key: ['id'],
    fields: [
      'finding_id',
      'received_at',
      'correction',
      'root_cause',
      'corrective_action',
      'responsible',
      'correction_due',
      'action_due',
      'decision',
      'decision_comment',
      'decided_at',
      'decided_by',
    ],
  },
  carried_findings: { key: ['audit_id', 'finding_id'], fields: [] },
  recommendations: { key: ['id'], fields: ['audit_id', 'recommendation', 'suggested', 'reason', 'decided_by'] },
  audit_reports: {
    key: ['audit_id'],
    fields: [
      'isms_documentation',
      'places',
      'auditor_days',
      'time_notes',
      'processes',
      'deviations',
      'documents_summary',
      'risk_assessment',
      'sampling',
      'conclusion_internal_audit',
      'conclusion_management_review',
      'conclusion_scope',
      'conclusion_objectives',
      'certificate_mark_use',
      'unresolved_issues',
      'updated_by',
    ],
  },
};

/** Names of the tables whose writes are logged, for tests and tools (not for the SQL below: that is frozen). */
export const LOGGED_TABLES: readonly string[] = Object.keys(SHARED);

export const MIGRATION_9: Migration = {
  version: 9,
  name: 'change log, tombstones and the write clock',
  sql: `
    -- One row: the clock and author of the write transaction in progress, and
    -- the highest clock this data folder has used (it only moves forward).
    CREATE TABLE write_context (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      clock TEXT NOT NULL,
      device_id TEXT NOT NULL,
      author TEXT NOT NULL
    ) STRICT;
    INSERT INTO write_context (id, clock, device_id, author) VALUES (1, '0000000000000-000000-0', '0', '');
    CREATE TABLE change_log (
      seq INTEGER PRIMARY KEY,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT CHECK (value IS NULL OR json_valid(value)),
      clock TEXT NOT NULL,
      device_id TEXT NOT NULL,
      author TEXT NOT NULL
    ) STRICT;
    CREATE INDEX change_log_row ON change_log(table_name, row_id, field);
    CREATE INDEX change_log_clock ON change_log(clock);
    CREATE TABLE tombstones (
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      clock TEXT NOT NULL,
      device_id TEXT NOT NULL,
      author TEXT NOT NULL,
      PRIMARY KEY (table_name, row_id)
    ) STRICT;
    
    CREATE TRIGGER clients_log_insert AFTER INSERT ON clients BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'clients', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v UNION ALL SELECT 'representative' AS f, json_quote(NEW.representative) AS v) c;
    END;
    CREATE TRIGGER clients_log_update AFTER UPDATE ON clients BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'clients', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v WHERE NEW.address IS NOT OLD.address UNION ALL SELECT 'representative' AS f, json_quote(NEW.representative) AS v WHERE NEW.representative IS NOT OLD.representative) c;
    END;
    CREATE TRIGGER clients_log_delete AFTER DELETE ON clients BEGIN
      DELETE FROM change_log WHERE table_name = 'clients' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'clients', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER client_contacts_log_insert AFTER INSERT ON client_contacts BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'client_contacts', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v UNION ALL SELECT 'phone' AS f, json_quote(NEW.phone) AS v) c;
    END;
    CREATE TRIGGER client_contacts_log_update AFTER UPDATE ON client_contacts BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'client_contacts', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v WHERE NEW.role IS NOT OLD.role UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v WHERE NEW.email IS NOT OLD.email UNION ALL SELECT 'phone' AS f, json_quote(NEW.phone) AS v WHERE NEW.phone IS NOT OLD.phone) c;
    END;
    CREATE TRIGGER client_contacts_log_delete AFTER DELETE ON client_contacts BEGIN
      DELETE FROM change_log WHERE table_name = 'client_contacts' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'client_contacts', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER client_sites_log_insert AFTER INSERT ON client_sites BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'client_sites', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v UNION ALL SELECT 'headcount' AS f, json_quote(NEW.headcount) AS v UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v) c;
    END;
    CREATE TRIGGER client_sites_log_update AFTER UPDATE ON client_sites BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'client_sites', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v WHERE NEW.address IS NOT OLD.address UNION ALL SELECT 'headcount' AS f, json_quote(NEW.headcount) AS v WHERE NEW.headcount IS NOT OLD.headcount UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v WHERE NEW.processes IS NOT OLD.processes) c;
    END;
    CREATE TRIGGER client_sites_log_delete AFTER DELETE ON client_sites BEGIN
      DELETE FROM change_log WHERE table_name = 'client_sites' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'client_sites', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER audits_log_insert AFTER INSERT ON audits BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'audits', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v UNION ALL SELECT 'standard' AS f, json_quote(NEW.standard) AS v UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v UNION ALL SELECT 'scope' AS f, json_quote(NEW.scope) AS v UNION ALL SELECT 'start_date' AS f, json_quote(NEW.start_date) AS v UNION ALL SELECT 'end_date' AS f, json_quote(NEW.end_date) AS v UNION ALL SELECT 'mode' AS f, json_quote(NEW.mode) AS v UNION ALL SELECT 'objectives' AS f, json_quote(NEW.objectives) AS v UNION ALL SELECT 'criteria' AS f, json_quote(NEW.criteria) AS v UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v UNION ALL SELECT 'template_id' AS f, json_quote(NEW.template_id) AS v UNION ALL SELECT 'template_version' AS f, json_quote(NEW.template_version) AS v UNION ALL SELECT 'soa_version' AS f, json_quote(NEW.soa_version) AS v UNION ALL SELECT 'soa_imported_at' AS f, json_quote(NEW.soa_imported_at) AS v UNION ALL SELECT 'closing_meeting_date' AS f, json_quote(NEW.closing_meeting_date) AS v UNION ALL SELECT 'response_days_major' AS f, json_quote(NEW.response_days_major) AS v UNION ALL SELECT 'response_days_minor' AS f, json_quote(NEW.response_days_minor) AS v UNION ALL SELECT 'previous_audit_id' AS f, json_quote(NEW.previous_audit_id) AS v) c;
    END;
    CREATE TRIGGER audits_log_update AFTER UPDATE ON audits BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'audits', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'standard' AS f, json_quote(NEW.standard) AS v WHERE NEW.standard IS NOT OLD.standard UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'scope' AS f, json_quote(NEW.scope) AS v WHERE NEW.scope IS NOT OLD.scope UNION ALL SELECT 'start_date' AS f, json_quote(NEW.start_date) AS v WHERE NEW.start_date IS NOT OLD.start_date UNION ALL SELECT 'end_date' AS f, json_quote(NEW.end_date) AS v WHERE NEW.end_date IS NOT OLD.end_date UNION ALL SELECT 'mode' AS f, json_quote(NEW.mode) AS v WHERE NEW.mode IS NOT OLD.mode UNION ALL SELECT 'objectives' AS f, json_quote(NEW.objectives) AS v WHERE NEW.objectives IS NOT OLD.objectives UNION ALL SELECT 'criteria' AS f, json_quote(NEW.criteria) AS v WHERE NEW.criteria IS NOT OLD.criteria UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'template_id' AS f, json_quote(NEW.template_id) AS v WHERE NEW.template_id IS NOT OLD.template_id UNION ALL SELECT 'template_version' AS f, json_quote(NEW.template_version) AS v WHERE NEW.template_version IS NOT OLD.template_version UNION ALL SELECT 'soa_version' AS f, json_quote(NEW.soa_version) AS v WHERE NEW.soa_version IS NOT OLD.soa_version UNION ALL SELECT 'soa_imported_at' AS f, json_quote(NEW.soa_imported_at) AS v WHERE NEW.soa_imported_at IS NOT OLD.soa_imported_at UNION ALL SELECT 'closing_meeting_date' AS f, json_quote(NEW.closing_meeting_date) AS v WHERE NEW.closing_meeting_date IS NOT OLD.closing_meeting_date UNION ALL SELECT 'response_days_major' AS f, json_quote(NEW.response_days_major) AS v WHERE NEW.response_days_major IS NOT OLD.response_days_major UNION ALL SELECT 'response_days_minor' AS f, json_quote(NEW.response_days_minor) AS v WHERE NEW.response_days_minor IS NOT OLD.response_days_minor UNION ALL SELECT 'previous_audit_id' AS f, json_quote(NEW.previous_audit_id) AS v WHERE NEW.previous_audit_id IS NOT OLD.previous_audit_id) c;
    END;
    CREATE TRIGGER audits_log_delete AFTER DELETE ON audits BEGIN
      DELETE FROM change_log WHERE table_name = 'audits' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'audits', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER audit_sites_log_insert AFTER INSERT ON audit_sites BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'audit_sites', NEW.audit_id || '/' || NEW.site_id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v) c;
    END;
    CREATE TRIGGER audit_sites_log_delete AFTER DELETE ON audit_sites BEGIN
      DELETE FROM change_log WHERE table_name = 'audit_sites' AND row_id = OLD.audit_id || '/' || OLD.site_id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'audit_sites', OLD.audit_id || '/' || OLD.site_id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER audit_team_log_insert AFTER INSERT ON audit_team BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'audit_team', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v) c;
    END;
    CREATE TRIGGER audit_team_log_update AFTER UPDATE ON audit_team BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'audit_team', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v WHERE NEW.email IS NOT OLD.email UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v WHERE NEW.role IS NOT OLD.role) c;
    END;
    CREATE TRIGGER audit_team_log_delete AFTER DELETE ON audit_team BEGIN
      DELETE FROM change_log WHERE table_name = 'audit_team' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'audit_team', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER checklist_items_log_insert AFTER INSERT ON checklist_items BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'checklist_items', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v UNION ALL SELECT 'ref' AS f, json_quote(NEW.ref) AS v UNION ALL SELECT 'kind' AS f, json_quote(NEW.kind) AS v UNION ALL SELECT 'group_id' AS f, json_quote(NEW.group_id) AS v UNION ALL SELECT 'group_title' AS f, json_quote(NEW.group_title) AS v UNION ALL SELECT 'group_kind' AS f, json_quote(NEW.group_kind) AS v UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v UNION ALL SELECT 'questions' AS f, json_quote(NEW.questions) AS v UNION ALL SELECT 'evidence' AS f, json_quote(NEW.evidence) AS v UNION ALL SELECT 'clauses' AS f, json_quote(NEW.clauses) AS v UNION ALL SELECT 'result' AS f, json_quote(NEW.result) AS v UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v UNION ALL SELECT 'assignee_id' AS f, json_quote(NEW.assignee_id) AS v UNION ALL SELECT 'sample_size' AS f, json_quote(NEW.sample_size) AS v UNION ALL SELECT 'minutes_spent' AS f, json_quote(NEW.minutes_spent) AS v UNION ALL SELECT 'soa_applicable' AS f, json_quote(NEW.soa_applicable) AS v UNION ALL SELECT 'soa_justification' AS f, json_quote(NEW.soa_justification) AS v UNION ALL SELECT 'soa_status' AS f, json_quote(NEW.soa_status) AS v UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v) c;
    END;
    CREATE TRIGGER checklist_items_log_update AFTER UPDATE ON checklist_items BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'checklist_items', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'ref' AS f, json_quote(NEW.ref) AS v WHERE NEW.ref IS NOT OLD.ref UNION ALL SELECT 'kind' AS f, json_quote(NEW.kind) AS v WHERE NEW.kind IS NOT OLD.kind UNION ALL SELECT 'group_id' AS f, json_quote(NEW.group_id) AS v WHERE NEW.group_id IS NOT OLD.group_id UNION ALL SELECT 'group_title' AS f, json_quote(NEW.group_title) AS v WHERE NEW.group_title IS NOT OLD.group_title UNION ALL SELECT 'group_kind' AS f, json_quote(NEW.group_kind) AS v WHERE NEW.group_kind IS NOT OLD.group_kind UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v WHERE NEW.number IS NOT OLD.number UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v WHERE NEW.title IS NOT OLD.title UNION ALL SELECT 'questions' AS f, json_quote(NEW.questions) AS v WHERE NEW.questions IS NOT OLD.questions UNION ALL SELECT 'evidence' AS f, json_quote(NEW.evidence) AS v WHERE NEW.evidence IS NOT OLD.evidence UNION ALL SELECT 'clauses' AS f, json_quote(NEW.clauses) AS v WHERE NEW.clauses IS NOT OLD.clauses UNION ALL SELECT 'result' AS f, json_quote(NEW.result) AS v WHERE NEW.result IS NOT OLD.result UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes UNION ALL SELECT 'assignee_id' AS f, json_quote(NEW.assignee_id) AS v WHERE NEW.assignee_id IS NOT OLD.assignee_id UNION ALL SELECT 'sample_size' AS f, json_quote(NEW.sample_size) AS v WHERE NEW.sample_size IS NOT OLD.sample_size UNION ALL SELECT 'minutes_spent' AS f, json_quote(NEW.minutes_spent) AS v WHERE NEW.minutes_spent IS NOT OLD.minutes_spent UNION ALL SELECT 'soa_applicable' AS f, json_quote(NEW.soa_applicable) AS v WHERE NEW.soa_applicable IS NOT OLD.soa_applicable UNION ALL SELECT 'soa_justification' AS f, json_quote(NEW.soa_justification) AS v WHERE NEW.soa_justification IS NOT OLD.soa_justification UNION ALL SELECT 'soa_status' AS f, json_quote(NEW.soa_status) AS v WHERE NEW.soa_status IS NOT OLD.soa_status UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by) c;
    END;
    CREATE TRIGGER checklist_items_log_delete AFTER DELETE ON checklist_items BEGIN
      DELETE FROM change_log WHERE table_name = 'checklist_items' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'checklist_items', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER checklist_samples_log_insert AFTER INSERT ON checklist_samples BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'checklist_samples', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v) c;
    END;
    CREATE TRIGGER checklist_samples_log_update AFTER UPDATE ON checklist_samples BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'checklist_samples', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v WHERE NEW.item_id IS NOT OLD.item_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v WHERE NEW.identifier IS NOT OLD.identifier UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description) c;
    END;
    CREATE TRIGGER checklist_samples_log_delete AFTER DELETE ON checklist_samples BEGIN
      DELETE FROM change_log WHERE table_name = 'checklist_samples' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'checklist_samples', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER interviews_log_insert AFTER INSERT ON interviews BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'interviews', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'interviewee_name' AS f, json_quote(NEW.interviewee_name) AS v UNION ALL SELECT 'interviewee_role' AS f, json_quote(NEW.interviewee_role) AS v UNION ALL SELECT 'department' AS f, json_quote(NEW.department) AS v UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v UNION ALL SELECT 'held_at' AS f, json_quote(NEW.held_at) AS v UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v) c;
    END;
    CREATE TRIGGER interviews_log_update AFTER UPDATE ON interviews BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'interviews', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'interviewee_name' AS f, json_quote(NEW.interviewee_name) AS v WHERE NEW.interviewee_name IS NOT OLD.interviewee_name UNION ALL SELECT 'interviewee_role' AS f, json_quote(NEW.interviewee_role) AS v WHERE NEW.interviewee_role IS NOT OLD.interviewee_role UNION ALL SELECT 'department' AS f, json_quote(NEW.department) AS v WHERE NEW.department IS NOT OLD.department UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'held_at' AS f, json_quote(NEW.held_at) AS v WHERE NEW.held_at IS NOT OLD.held_at UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes) c;
    END;
    CREATE TRIGGER interviews_log_delete AFTER DELETE ON interviews BEGIN
      DELETE FROM change_log WHERE table_name = 'interviews' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'interviews', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER interview_auditors_log_insert AFTER INSERT ON interview_auditors BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'interview_auditors', NEW.interview_id || '/' || NEW.member_id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'interview_id' AS f, json_quote(NEW.interview_id) AS v UNION ALL SELECT 'member_id' AS f, json_quote(NEW.member_id) AS v) c;
    END;
    CREATE TRIGGER interview_auditors_log_delete AFTER DELETE ON interview_auditors BEGIN
      DELETE FROM change_log WHERE table_name = 'interview_auditors' AND row_id = OLD.interview_id || '/' || OLD.member_id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'interview_auditors', OLD.interview_id || '/' || OLD.member_id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER interview_items_log_insert AFTER INSERT ON interview_items BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'interview_items', NEW.interview_id || '/' || NEW.item_id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'interview_id' AS f, json_quote(NEW.interview_id) AS v UNION ALL SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v) c;
    END;
    CREATE TRIGGER interview_items_log_delete AFTER DELETE ON interview_items BEGIN
      DELETE FROM change_log WHERE table_name = 'interview_items' AND row_id = OLD.interview_id || '/' || OLD.item_id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'interview_items', OLD.interview_id || '/' || OLD.item_id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER observations_log_insert AFTER INSERT ON observations BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'observations', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v UNION ALL SELECT 'location' AS f, json_quote(NEW.location) AS v UNION ALL SELECT 'observed_at' AS f, json_quote(NEW.observed_at) AS v UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v) c;
    END;
    CREATE TRIGGER observations_log_update AFTER UPDATE ON observations BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'observations', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'location' AS f, json_quote(NEW.location) AS v WHERE NEW.location IS NOT OLD.location UNION ALL SELECT 'observed_at' AS f, json_quote(NEW.observed_at) AS v WHERE NEW.observed_at IS NOT OLD.observed_at UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description) c;
    END;
    CREATE TRIGGER observations_log_delete AFTER DELETE ON observations BEGIN
      DELETE FROM change_log WHERE table_name = 'observations' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'observations', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER observation_items_log_insert AFTER INSERT ON observation_items BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'observation_items', NEW.observation_id || '/' || NEW.item_id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'observation_id' AS f, json_quote(NEW.observation_id) AS v UNION ALL SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v) c;
    END;
    CREATE TRIGGER observation_items_log_delete AFTER DELETE ON observation_items BEGIN
      DELETE FROM change_log WHERE table_name = 'observation_items' AND row_id = OLD.observation_id || '/' || OLD.item_id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'observation_items', OLD.observation_id || '/' || OLD.item_id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER documents_reviewed_log_insert AFTER INSERT ON documents_reviewed BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'documents_reviewed', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v UNION ALL SELECT 'revision' AS f, json_quote(NEW.revision) AS v UNION ALL SELECT 'document_date' AS f, json_quote(NEW.document_date) AS v UNION ALL SELECT 'owner' AS f, json_quote(NEW.owner) AS v UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v) c;
    END;
    CREATE TRIGGER documents_reviewed_log_update AFTER UPDATE ON documents_reviewed BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'documents_reviewed', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v WHERE NEW.title IS NOT OLD.title UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v WHERE NEW.identifier IS NOT OLD.identifier UNION ALL SELECT 'revision' AS f, json_quote(NEW.revision) AS v WHERE NEW.revision IS NOT OLD.revision UNION ALL SELECT 'document_date' AS f, json_quote(NEW.document_date) AS v WHERE NEW.document_date IS NOT OLD.document_date UNION ALL SELECT 'owner' AS f, json_quote(NEW.owner) AS v WHERE NEW.owner IS NOT OLD.owner UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes) c;
    END;
    CREATE TRIGGER documents_reviewed_log_delete AFTER DELETE ON documents_reviewed BEGIN
      DELETE FROM change_log WHERE table_name = 'documents_reviewed' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'documents_reviewed', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER document_items_log_insert AFTER INSERT ON document_items BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'document_items', NEW.document_id || '/' || NEW.item_id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'document_id' AS f, json_quote(NEW.document_id) AS v UNION ALL SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v) c;
    END;
    CREATE TRIGGER document_items_log_delete AFTER DELETE ON document_items BEGIN
      DELETE FROM change_log WHERE table_name = 'document_items' AND row_id = OLD.document_id || '/' || OLD.item_id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'document_items', OLD.document_id || '/' || OLD.item_id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER evidence_log_insert AFTER INSERT ON evidence BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'evidence', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'sha256' AS f, json_quote(NEW.sha256) AS v UNION ALL SELECT 'original_name' AS f, json_quote(NEW.original_name) AS v UNION ALL SELECT 'media_type' AS f, json_quote(NEW.media_type) AS v UNION ALL SELECT 'size' AS f, json_quote(NEW.size) AS v UNION ALL SELECT 'captured_at' AS f, json_quote(NEW.captured_at) AS v UNION ALL SELECT 'added_by' AS f, json_quote(NEW.added_by) AS v UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v UNION ALL SELECT 'has_thumbnail' AS f, json_quote(NEW.has_thumbnail) AS v) c;
    END;
    CREATE TRIGGER evidence_log_update AFTER UPDATE ON evidence BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'evidence', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'sha256' AS f, json_quote(NEW.sha256) AS v WHERE NEW.sha256 IS NOT OLD.sha256 UNION ALL SELECT 'original_name' AS f, json_quote(NEW.original_name) AS v WHERE NEW.original_name IS NOT OLD.original_name UNION ALL SELECT 'media_type' AS f, json_quote(NEW.media_type) AS v WHERE NEW.media_type IS NOT OLD.media_type UNION ALL SELECT 'size' AS f, json_quote(NEW.size) AS v WHERE NEW.size IS NOT OLD.size UNION ALL SELECT 'captured_at' AS f, json_quote(NEW.captured_at) AS v WHERE NEW.captured_at IS NOT OLD.captured_at UNION ALL SELECT 'added_by' AS f, json_quote(NEW.added_by) AS v WHERE NEW.added_by IS NOT OLD.added_by UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description UNION ALL SELECT 'has_thumbnail' AS f, json_quote(NEW.has_thumbnail) AS v WHERE NEW.has_thumbnail IS NOT OLD.has_thumbnail) c;
    END;
    CREATE TRIGGER evidence_log_delete AFTER DELETE ON evidence BEGIN
      DELETE FROM change_log WHERE table_name = 'evidence' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'evidence', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER evidence_links_log_insert AFTER INSERT ON evidence_links BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'evidence_links', NEW.evidence_id || '/' || NEW.target_type || '/' || NEW.target_id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'evidence_id' AS f, json_quote(NEW.evidence_id) AS v UNION ALL SELECT 'target_type' AS f, json_quote(NEW.target_type) AS v UNION ALL SELECT 'target_id' AS f, json_quote(NEW.target_id) AS v) c;
    END;
    CREATE TRIGGER evidence_links_log_delete AFTER DELETE ON evidence_links BEGIN
      DELETE FROM change_log WHERE table_name = 'evidence_links' AND row_id = OLD.evidence_id || '/' || OLD.target_type || '/' || OLD.target_id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'evidence_links', OLD.evidence_id || '/' || OLD.target_type || '/' || OLD.target_id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER findings_log_insert AFTER INSERT ON findings BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'findings', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v UNION ALL SELECT 'statement' AS f, json_quote(NEW.statement) AS v UNION ALL SELECT 'evidence_text' AS f, json_quote(NEW.evidence_text) AS v UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v UNION ALL SELECT 'raised_by' AS f, json_quote(NEW.raised_by) AS v UNION ALL SELECT 'raised_at' AS f, json_quote(NEW.raised_at) AS v UNION ALL SELECT 'issued_at' AS f, json_quote(NEW.issued_at) AS v UNION ALL SELECT 'verification_method' AS f, json_quote(NEW.verification_method) AS v UNION ALL SELECT 'verification_notes' AS f, json_quote(NEW.verification_notes) AS v UNION ALL SELECT 'verified_on' AS f, json_quote(NEW.verified_on) AS v UNION ALL SELECT 'verified_by' AS f, json_quote(NEW.verified_by) AS v UNION ALL SELECT 'verified_in_audit_id' AS f, json_quote(NEW.verified_in_audit_id) AS v UNION ALL SELECT 'closed_at' AS f, json_quote(NEW.closed_at) AS v UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v) c;
    END;
    CREATE TRIGGER findings_log_update AFTER UPDATE ON findings BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'findings', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v WHERE NEW.number IS NOT OLD.number UNION ALL SELECT 'statement' AS f, json_quote(NEW.statement) AS v WHERE NEW.statement IS NOT OLD.statement UNION ALL SELECT 'evidence_text' AS f, json_quote(NEW.evidence_text) AS v WHERE NEW.evidence_text IS NOT OLD.evidence_text UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'raised_by' AS f, json_quote(NEW.raised_by) AS v WHERE NEW.raised_by IS NOT OLD.raised_by UNION ALL SELECT 'raised_at' AS f, json_quote(NEW.raised_at) AS v WHERE NEW.raised_at IS NOT OLD.raised_at UNION ALL SELECT 'issued_at' AS f, json_quote(NEW.issued_at) AS v WHERE NEW.issued_at IS NOT OLD.issued_at UNION ALL SELECT 'verification_method' AS f, json_quote(NEW.verification_method) AS v WHERE NEW.verification_method IS NOT OLD.verification_method UNION ALL SELECT 'verification_notes' AS f, json_quote(NEW.verification_notes) AS v WHERE NEW.verification_notes IS NOT OLD.verification_notes UNION ALL SELECT 'verified_on' AS f, json_quote(NEW.verified_on) AS v WHERE NEW.verified_on IS NOT OLD.verified_on UNION ALL SELECT 'verified_by' AS f, json_quote(NEW.verified_by) AS v WHERE NEW.verified_by IS NOT OLD.verified_by UNION ALL SELECT 'verified_in_audit_id' AS f, json_quote(NEW.verified_in_audit_id) AS v WHERE NEW.verified_in_audit_id IS NOT OLD.verified_in_audit_id UNION ALL SELECT 'closed_at' AS f, json_quote(NEW.closed_at) AS v WHERE NEW.closed_at IS NOT OLD.closed_at UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by) c;
    END;
    CREATE TRIGGER findings_log_delete AFTER DELETE ON findings BEGIN
      DELETE FROM change_log WHERE table_name = 'findings' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'findings', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER finding_items_log_insert AFTER INSERT ON finding_items BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'finding_items', NEW.finding_id || '/' || NEW.item_id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v UNION ALL SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v) c;
    END;
    CREATE TRIGGER finding_items_log_delete AFTER DELETE ON finding_items BEGIN
      DELETE FROM change_log WHERE table_name = 'finding_items' AND row_id = OLD.finding_id || '/' || OLD.item_id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'finding_items', OLD.finding_id || '/' || OLD.item_id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER finding_records_log_insert AFTER INSERT ON finding_records BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'finding_records', NEW.finding_id || '/' || NEW.record_type || '/' || NEW.record_id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v UNION ALL SELECT 'record_type' AS f, json_quote(NEW.record_type) AS v UNION ALL SELECT 'record_id' AS f, json_quote(NEW.record_id) AS v) c;
    END;
    CREATE TRIGGER finding_records_log_delete AFTER DELETE ON finding_records BEGIN
      DELETE FROM change_log WHERE table_name = 'finding_records' AND row_id = OLD.finding_id || '/' || OLD.record_type || '/' || OLD.record_id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'finding_records', OLD.finding_id || '/' || OLD.record_type || '/' || OLD.record_id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER finding_responses_log_insert AFTER INSERT ON finding_responses BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'finding_responses', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v UNION ALL SELECT 'received_at' AS f, json_quote(NEW.received_at) AS v UNION ALL SELECT 'correction' AS f, json_quote(NEW.correction) AS v UNION ALL SELECT 'root_cause' AS f, json_quote(NEW.root_cause) AS v UNION ALL SELECT 'corrective_action' AS f, json_quote(NEW.corrective_action) AS v UNION ALL SELECT 'responsible' AS f, json_quote(NEW.responsible) AS v UNION ALL SELECT 'correction_due' AS f, json_quote(NEW.correction_due) AS v UNION ALL SELECT 'action_due' AS f, json_quote(NEW.action_due) AS v UNION ALL SELECT 'decision' AS f, json_quote(NEW.decision) AS v UNION ALL SELECT 'decision_comment' AS f, json_quote(NEW.decision_comment) AS v UNION ALL SELECT 'decided_at' AS f, json_quote(NEW.decided_at) AS v UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v) c;
    END;
    CREATE TRIGGER finding_responses_log_update AFTER UPDATE ON finding_responses BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'finding_responses', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v WHERE NEW.finding_id IS NOT OLD.finding_id UNION ALL SELECT 'received_at' AS f, json_quote(NEW.received_at) AS v WHERE NEW.received_at IS NOT OLD.received_at UNION ALL SELECT 'correction' AS f, json_quote(NEW.correction) AS v WHERE NEW.correction IS NOT OLD.correction UNION ALL SELECT 'root_cause' AS f, json_quote(NEW.root_cause) AS v WHERE NEW.root_cause IS NOT OLD.root_cause UNION ALL SELECT 'corrective_action' AS f, json_quote(NEW.corrective_action) AS v WHERE NEW.corrective_action IS NOT OLD.corrective_action UNION ALL SELECT 'responsible' AS f, json_quote(NEW.responsible) AS v WHERE NEW.responsible IS NOT OLD.responsible UNION ALL SELECT 'correction_due' AS f, json_quote(NEW.correction_due) AS v WHERE NEW.correction_due IS NOT OLD.correction_due UNION ALL SELECT 'action_due' AS f, json_quote(NEW.action_due) AS v WHERE NEW.action_due IS NOT OLD.action_due UNION ALL SELECT 'decision' AS f, json_quote(NEW.decision) AS v WHERE NEW.decision IS NOT OLD.decision UNION ALL SELECT 'decision_comment' AS f, json_quote(NEW.decision_comment) AS v WHERE NEW.decision_comment IS NOT OLD.decision_comment UNION ALL SELECT 'decided_at' AS f, json_quote(NEW.decided_at) AS v WHERE NEW.decided_at IS NOT OLD.decided_at UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v WHERE NEW.decided_by IS NOT OLD.decided_by) c;
    END;
    CREATE TRIGGER finding_responses_log_delete AFTER DELETE ON finding_responses BEGIN
      DELETE FROM change_log WHERE table_name = 'finding_responses' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'finding_responses', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER carried_findings_log_insert AFTER INSERT ON carried_findings BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'carried_findings', NEW.audit_id || '/' || NEW.finding_id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v) c;
    END;
    CREATE TRIGGER carried_findings_log_delete AFTER DELETE ON carried_findings BEGIN
      DELETE FROM change_log WHERE table_name = 'carried_findings' AND row_id = OLD.audit_id || '/' || OLD.finding_id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'carried_findings', OLD.audit_id || '/' || OLD.finding_id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER recommendations_log_insert AFTER INSERT ON recommendations BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'recommendations', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'recommendation' AS f, json_quote(NEW.recommendation) AS v UNION ALL SELECT 'suggested' AS f, json_quote(NEW.suggested) AS v UNION ALL SELECT 'reason' AS f, json_quote(NEW.reason) AS v UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v) c;
    END;
    CREATE TRIGGER recommendations_log_update AFTER UPDATE ON recommendations BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'recommendations', NEW.id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'recommendation' AS f, json_quote(NEW.recommendation) AS v WHERE NEW.recommendation IS NOT OLD.recommendation UNION ALL SELECT 'suggested' AS f, json_quote(NEW.suggested) AS v WHERE NEW.suggested IS NOT OLD.suggested UNION ALL SELECT 'reason' AS f, json_quote(NEW.reason) AS v WHERE NEW.reason IS NOT OLD.reason UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v WHERE NEW.decided_by IS NOT OLD.decided_by) c;
    END;
    CREATE TRIGGER recommendations_log_delete AFTER DELETE ON recommendations BEGIN
      DELETE FROM change_log WHERE table_name = 'recommendations' AND row_id = OLD.id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'recommendations', OLD.id, w.clock, w.device_id, w.author FROM write_context w;
    END;
    CREATE TRIGGER audit_reports_log_insert AFTER INSERT ON audit_reports BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'audit_reports', NEW.audit_id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'isms_documentation' AS f, json_quote(NEW.isms_documentation) AS v UNION ALL SELECT 'places' AS f, json_quote(NEW.places) AS v UNION ALL SELECT 'auditor_days' AS f, json_quote(NEW.auditor_days) AS v UNION ALL SELECT 'time_notes' AS f, json_quote(NEW.time_notes) AS v UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v UNION ALL SELECT 'deviations' AS f, json_quote(NEW.deviations) AS v UNION ALL SELECT 'documents_summary' AS f, json_quote(NEW.documents_summary) AS v UNION ALL SELECT 'risk_assessment' AS f, json_quote(NEW.risk_assessment) AS v UNION ALL SELECT 'sampling' AS f, json_quote(NEW.sampling) AS v UNION ALL SELECT 'conclusion_internal_audit' AS f, json_quote(NEW.conclusion_internal_audit) AS v UNION ALL SELECT 'conclusion_management_review' AS f, json_quote(NEW.conclusion_management_review) AS v UNION ALL SELECT 'conclusion_scope' AS f, json_quote(NEW.conclusion_scope) AS v UNION ALL SELECT 'conclusion_objectives' AS f, json_quote(NEW.conclusion_objectives) AS v UNION ALL SELECT 'certificate_mark_use' AS f, json_quote(NEW.certificate_mark_use) AS v UNION ALL SELECT 'unresolved_issues' AS f, json_quote(NEW.unresolved_issues) AS v UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v) c;
    END;
    CREATE TRIGGER audit_reports_log_update AFTER UPDATE ON audit_reports BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)
      SELECT 'audit_reports', NEW.audit_id, c.f, c.v, w.clock, w.device_id, w.author FROM write_context w, (SELECT 'isms_documentation' AS f, json_quote(NEW.isms_documentation) AS v WHERE NEW.isms_documentation IS NOT OLD.isms_documentation UNION ALL SELECT 'places' AS f, json_quote(NEW.places) AS v WHERE NEW.places IS NOT OLD.places UNION ALL SELECT 'auditor_days' AS f, json_quote(NEW.auditor_days) AS v WHERE NEW.auditor_days IS NOT OLD.auditor_days UNION ALL SELECT 'time_notes' AS f, json_quote(NEW.time_notes) AS v WHERE NEW.time_notes IS NOT OLD.time_notes UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v WHERE NEW.processes IS NOT OLD.processes UNION ALL SELECT 'deviations' AS f, json_quote(NEW.deviations) AS v WHERE NEW.deviations IS NOT OLD.deviations UNION ALL SELECT 'documents_summary' AS f, json_quote(NEW.documents_summary) AS v WHERE NEW.documents_summary IS NOT OLD.documents_summary UNION ALL SELECT 'risk_assessment' AS f, json_quote(NEW.risk_assessment) AS v WHERE NEW.risk_assessment IS NOT OLD.risk_assessment UNION ALL SELECT 'sampling' AS f, json_quote(NEW.sampling) AS v WHERE NEW.sampling IS NOT OLD.sampling UNION ALL SELECT 'conclusion_internal_audit' AS f, json_quote(NEW.conclusion_internal_audit) AS v WHERE NEW.conclusion_internal_audit IS NOT OLD.conclusion_internal_audit UNION ALL SELECT 'conclusion_management_review' AS f, json_quote(NEW.conclusion_management_review) AS v WHERE NEW.conclusion_management_review IS NOT OLD.conclusion_management_review UNION ALL SELECT 'conclusion_scope' AS f, json_quote(NEW.conclusion_scope) AS v WHERE NEW.conclusion_scope IS NOT OLD.conclusion_scope UNION ALL SELECT 'conclusion_objectives' AS f, json_quote(NEW.conclusion_objectives) AS v WHERE NEW.conclusion_objectives IS NOT OLD.conclusion_objectives UNION ALL SELECT 'certificate_mark_use' AS f, json_quote(NEW.certificate_mark_use) AS v WHERE NEW.certificate_mark_use IS NOT OLD.certificate_mark_use UNION ALL SELECT 'unresolved_issues' AS f, json_quote(NEW.unresolved_issues) AS v WHERE NEW.unresolved_issues IS NOT OLD.unresolved_issues UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by) c;
    END;
    CREATE TRIGGER audit_reports_log_delete AFTER DELETE ON audit_reports BEGIN
      DELETE FROM change_log WHERE table_name = 'audit_reports' AND row_id = OLD.audit_id;
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT 'audit_reports', OLD.audit_id, w.clock, w.device_id, w.author FROM write_context w;
    END;
  `,
};
