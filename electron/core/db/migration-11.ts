import type { Migration } from './migrations';

/**
 * Migration 11: while a merge materialises rows (write_context.applying = 1)
 * the search index triggers stay silent, like the log triggers: the merge
 * re-indexes the rows it touched in a few set-based statements afterwards
 * (sync/search-reindex.ts). Row by row, the triggers cost about 50 µs a
 * record, most of a large merge; the delete triggers keep firing (deletions
 * in a merge are few). Frozen: literal SQL, what this migration runs forever.
 */
export const MIGRATION_11: Migration = {
  version: 11,
  name: 'search index quiet while a merge applies rows',
  sql: `
    DROP TRIGGER checklist_items_search_insert;
    DROP TRIGGER checklist_items_search_update;
    CREATE TRIGGER checklist_items_search_insert AFTER INSERT ON checklist_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'checklist_item', NEW.audit_id);
      INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), NEW.number || ' ' || NEW.title, NEW.notes);
    END;
    CREATE TRIGGER checklist_items_search_update AFTER UPDATE OF notes, number, title ON checklist_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE search_index SET title = NEW.number || ' ' || NEW.title, body = NEW.notes WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
    END;

    DROP TRIGGER interviews_search_insert;
    DROP TRIGGER interviews_search_update;
    CREATE TRIGGER interviews_search_insert AFTER INSERT ON interviews WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'interview', NEW.audit_id);
      INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), NEW.interviewee_name || ' ' || NEW.interviewee_role || ' ' || NEW.department, NEW.notes);
    END;
    CREATE TRIGGER interviews_search_update AFTER UPDATE OF interviewee_name, interviewee_role, department, notes ON interviews WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE search_index SET title = NEW.interviewee_name || ' ' || NEW.interviewee_role || ' ' || NEW.department, body = NEW.notes WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
    END;

    DROP TRIGGER observations_search_insert;
    DROP TRIGGER observations_search_update;
    CREATE TRIGGER observations_search_insert AFTER INSERT ON observations WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'observation', NEW.audit_id);
      INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), NEW.location, NEW.description);
    END;
    CREATE TRIGGER observations_search_update AFTER UPDATE OF location, description ON observations WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE search_index SET title = NEW.location, body = NEW.description WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
    END;

    DROP TRIGGER documents_reviewed_search_insert;
    DROP TRIGGER documents_reviewed_search_update;
    CREATE TRIGGER documents_reviewed_search_insert AFTER INSERT ON documents_reviewed WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'document', NEW.audit_id);
      INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), NEW.title || ' ' || NEW.identifier || ' ' || NEW.revision, NEW.owner || ' ' || NEW.notes);
    END;
    CREATE TRIGGER documents_reviewed_search_update AFTER UPDATE OF title, identifier, revision, owner, notes ON documents_reviewed WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE search_index SET title = NEW.title || ' ' || NEW.identifier || ' ' || NEW.revision, body = NEW.owner || ' ' || NEW.notes WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
    END;

    DROP TRIGGER evidence_search_insert;
    DROP TRIGGER evidence_search_update;
    CREATE TRIGGER evidence_search_insert AFTER INSERT ON evidence WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'evidence', NEW.audit_id);
      INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), NEW.original_name, NEW.description);
    END;
    CREATE TRIGGER evidence_search_update AFTER UPDATE OF original_name, description ON evidence WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE search_index SET title = NEW.original_name, body = NEW.description WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
    END;`,
};
