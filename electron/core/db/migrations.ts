import type { Database } from 'better-sqlite3';
import { META } from './meta';
import { MIGRATION_4 } from './migration-4';
import { MIGRATION_5 } from './migration-5';
import { MIGRATION_6 } from './migration-6';
import { MIGRATION_7 } from './migration-7';
import { MIGRATION_8 } from './migration-8';
import { MIGRATION_9 } from './migration-9';
import { MIGRATION_10 } from './migration-10';
import { MIGRATION_11 } from './migration-11';

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
  MIGRATION_4,
  MIGRATION_5,
  MIGRATION_6,
  MIGRATION_7,
  MIGRATION_8,
  MIGRATION_9,
  MIGRATION_10,
  MIGRATION_11,
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
