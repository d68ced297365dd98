import type { Migration } from './migrations';

/**
 * Migration 3. Each searched table has three triggers (insert, update of the
 * searched columns, delete) that keep search_docs and search_index in step in
 * the writing transaction. Frozen: the SQL is the text this migration has run
 * since it was released, written out (it used to be built with META and a
 * searchTriggers() helper); a test checks its SHA-256. Never change it: append
 * a migration.
 */
export const MIGRATION_3: Migration = {
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
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX interviews_audit ON interviews(audit_id);
      CREATE TABLE interview_auditors (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES audit_team(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
        PRIMARY KEY (interview_id, member_id)
      ) STRICT;
      CREATE INDEX interview_auditors_member ON interview_auditors(member_id);
      CREATE TABLE interview_items (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
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
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX observations_audit ON observations(audit_id);
      CREATE TABLE observation_items (
        observation_id TEXT NOT NULL REFERENCES observations(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
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
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_reviewed_audit ON documents_reviewed(audit_id);
      CREATE TABLE document_items (
        document_id TEXT NOT NULL REFERENCES documents_reviewed(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
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
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
        UNIQUE (audit_id, sha256)
      ) STRICT;
      CREATE INDEX evidence_sha ON evidence(sha256);
      -- Targets are of several kinds, so no foreign key: the triggers below remove
      -- links whose target is deleted, in the same transaction.
      CREATE TABLE evidence_links (
        evidence_id TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        target_type TEXT NOT NULL CHECK (target_type IN ('audit','checklist_item','interview','observation','finding')),
        target_id TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
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
      
      CREATE TRIGGER checklist_items_search_insert AFTER INSERT ON checklist_items BEGIN
        INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'checklist_item', NEW.audit_id);
        INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), NEW.number || ' ' || NEW.title, NEW.notes);
      END;
      CREATE TRIGGER checklist_items_search_update AFTER UPDATE OF notes, number, title ON checklist_items BEGIN
        UPDATE search_index SET title = NEW.number || ' ' || NEW.title, body = NEW.notes WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
      END;
      CREATE TRIGGER checklist_items_search_delete AFTER DELETE ON checklist_items BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = OLD.id);
        DELETE FROM search_docs WHERE record_id = OLD.id;
      END;
      
      CREATE TRIGGER interviews_search_insert AFTER INSERT ON interviews BEGIN
        INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'interview', NEW.audit_id);
        INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), NEW.interviewee_name || ' ' || NEW.interviewee_role || ' ' || NEW.department, NEW.notes);
      END;
      CREATE TRIGGER interviews_search_update AFTER UPDATE OF interviewee_name, interviewee_role, department, notes ON interviews BEGIN
        UPDATE search_index SET title = NEW.interviewee_name || ' ' || NEW.interviewee_role || ' ' || NEW.department, body = NEW.notes WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
      END;
      CREATE TRIGGER interviews_search_delete AFTER DELETE ON interviews BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = OLD.id);
        DELETE FROM search_docs WHERE record_id = OLD.id;
      END;
      
      CREATE TRIGGER observations_search_insert AFTER INSERT ON observations BEGIN
        INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'observation', NEW.audit_id);
        INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), NEW.location, NEW.description);
      END;
      CREATE TRIGGER observations_search_update AFTER UPDATE OF location, description ON observations BEGIN
        UPDATE search_index SET title = NEW.location, body = NEW.description WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
      END;
      CREATE TRIGGER observations_search_delete AFTER DELETE ON observations BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = OLD.id);
        DELETE FROM search_docs WHERE record_id = OLD.id;
      END;
      
      CREATE TRIGGER documents_reviewed_search_insert AFTER INSERT ON documents_reviewed BEGIN
        INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'document', NEW.audit_id);
        INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), NEW.title || ' ' || NEW.identifier || ' ' || NEW.revision, NEW.owner || ' ' || NEW.notes);
      END;
      CREATE TRIGGER documents_reviewed_search_update AFTER UPDATE OF title, identifier, revision, owner, notes ON documents_reviewed BEGIN
        UPDATE search_index SET title = NEW.title || ' ' || NEW.identifier || ' ' || NEW.revision, body = NEW.owner || ' ' || NEW.notes WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
      END;
      CREATE TRIGGER documents_reviewed_search_delete AFTER DELETE ON documents_reviewed BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = OLD.id);
        DELETE FROM search_docs WHERE record_id = OLD.id;
      END;
      
      CREATE TRIGGER evidence_search_insert AFTER INSERT ON evidence BEGIN
        INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'evidence', NEW.audit_id);
        INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), NEW.original_name, NEW.description);
      END;
      CREATE TRIGGER evidence_search_update AFTER UPDATE OF original_name, description ON evidence BEGIN
        UPDATE search_index SET title = NEW.original_name, body = NEW.description WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
      END;
      CREATE TRIGGER evidence_search_delete AFTER DELETE ON evidence BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = OLD.id);
        DELETE FROM search_docs WHERE record_id = OLD.id;
      END;
      -- Checklists written before this migration join the index now.
      INSERT INTO search_docs (record_id, kind, audit_id) SELECT id, 'checklist_item', audit_id FROM checklist_items;
      INSERT INTO search_index (rowid, title, body)
        SELECT d.rowid, c.number || ' ' || c.title, c.notes
        FROM search_docs d JOIN checklist_items c ON c.id = d.record_id;
    `,
};
