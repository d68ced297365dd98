import type { Migration } from './migrations';

/**
 * Migration 9: the change log and tombstones (issue 13, "one door for writes").
 * Triggers on every table an audit team shares append, in the writing
 * transaction itself, one change_log row per field set (insert: every field;
 * update: every field whose value changed) and a tombstone per deleted row.
 * Clock, device and author come from the one-row write_context, which the
 * transaction wrapper (handlers/types.ts) advances at the start of each write
 * transaction; it also is the data folder's persisted clock (sync/clock-store.ts).
 *
 * The tables and columns are frozen here: a released migration never changes,
 * so they are written out, not read from the live schema. Bookkeeping columns
 * (created_at, updated_at, device_id) are not logged: the log's own clock,
 * device and author say the same. A deleted row's logged values go with it
 * (what a user deletes must not stay readable in the file: secure_delete),
 * leaving only its tombstone. A composite key's row id is its parts joined by '/'.
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

const rowId = (ref: 'NEW' | 'OLD', key: readonly string[]) => key.map((k) => `${ref}.${k}`).join(" || '/' || ");
const LOG = 'INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author)';
const CONTEXT = 'write_context w';

/** The change-log triggers of one table. Expanded into migration 9's SQL; never change what it produces. */
function logTriggers(table: string, key: readonly string[], fields: readonly string[]): string {
  const all = [...key, ...fields];
  const inserted = all.map((c) => `SELECT '${c}' AS f, json_quote(NEW.${c}) AS v`).join(' UNION ALL ');
  const update =
    fields.length === 0
      ? ''
      : `
    CREATE TRIGGER ${table}_log_update AFTER UPDATE ON ${table} BEGIN
      ${LOG}
      SELECT '${table}', ${rowId('NEW', key)}, c.f, c.v, w.clock, w.device_id, w.author FROM ${CONTEXT}, (${fields
        .map((c) => `SELECT '${c}' AS f, json_quote(NEW.${c}) AS v WHERE NEW.${c} IS NOT OLD.${c}`)
        .join(' UNION ALL ')}) c;
    END;`;
  return `
    CREATE TRIGGER ${table}_log_insert AFTER INSERT ON ${table} BEGIN
      ${LOG}
      SELECT '${table}', ${rowId('NEW', key)}, c.f, c.v, w.clock, w.device_id, w.author FROM ${CONTEXT}, (${inserted}) c;
    END;${update}
    CREATE TRIGGER ${table}_log_delete AFTER DELETE ON ${table} BEGIN
      DELETE FROM change_log WHERE table_name = '${table}' AND row_id = ${rowId('OLD', key)};
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author)
      SELECT '${table}', ${rowId('OLD', key)}, w.clock, w.device_id, w.author FROM ${CONTEXT};
    END;`;
}

/** Names of the tables whose writes are logged, for tests and tools (not for the SQL above: that is frozen). */
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
    ${Object.entries(SHARED)
      .map(([table, t]) => logTriggers(table, t.key, t.fields))
      .join('')}
  `,
};
