import type { Migration } from './migrations';

/**
 * Migration 16: findings and sampled records join the search index (issue 19,
 * defect 7: Ctrl+K found neither "NC-02" nor a word of an NC's statement, nor a
 * sampled invoice number).
 *
 * - A finding's title is its number twice, plain and with its audit's prefix
 *   ("NC-02 ST2-NC-02", the prefixes of shared/rules/gates/cycle.ts
 *   `qualifiedNumber`, written out: frozen text), then its type in words; a
 *   draft has no number, only the type. Its body is the statement and the
 *   objective evidence. An audit whose type changes re-titles its findings.
 * - A sample's title is its identifier, its body its description; it belongs to
 *   its checklist item's audit.
 *
 * Like migration 11's triggers, insert and update stay silent while a merge
 * applies rows (sync/search-reindex.ts indexes those set-wise, with the same
 * expressions); deletions always fire (a cascade from an audit or an item
 * removes the entries too). Rows written before this migration are indexed at
 * the end. Frozen: literal SQL, what this migration runs forever.
 */
export const MIGRATION_16: Migration = {
  version: 16,
  name: 'findings and sampled records in the search index',
  sql: `
    CREATE TRIGGER findings_search_insert AFTER INSERT ON findings WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'finding', NEW.audit_id);
      INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), coalesce(NEW.number || ' ' || (SELECT CASE a.type WHEN 'stage1' THEN 'ST1' WHEN 'stage2' THEN 'ST2' WHEN 'surveillance1' THEN 'SV1' WHEN 'surveillance2' THEN 'SV2' WHEN 'recertification' THEN 'RC' WHEN 'special' THEN 'SP' WHEN 'gap_analysis' THEN 'GA' ELSE 'AU' END FROM audits a WHERE a.id = NEW.audit_id) || '-' || NEW.number || ' ', '') || CASE NEW.type WHEN 'major' THEN 'Major nonconformity' WHEN 'minor' THEN 'Minor nonconformity' WHEN 'ofi' THEN 'Opportunity for improvement' ELSE 'Good practice' END, NEW.statement || ' ' || NEW.evidence_text);
    END;
    CREATE TRIGGER findings_search_update AFTER UPDATE OF number, type, statement, evidence_text ON findings WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE search_index SET title = coalesce(NEW.number || ' ' || (SELECT CASE a.type WHEN 'stage1' THEN 'ST1' WHEN 'stage2' THEN 'ST2' WHEN 'surveillance1' THEN 'SV1' WHEN 'surveillance2' THEN 'SV2' WHEN 'recertification' THEN 'RC' WHEN 'special' THEN 'SP' WHEN 'gap_analysis' THEN 'GA' ELSE 'AU' END FROM audits a WHERE a.id = NEW.audit_id) || '-' || NEW.number || ' ', '') || CASE NEW.type WHEN 'major' THEN 'Major nonconformity' WHEN 'minor' THEN 'Minor nonconformity' WHEN 'ofi' THEN 'Opportunity for improvement' ELSE 'Good practice' END, body = NEW.statement || ' ' || NEW.evidence_text WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
    END;
    CREATE TRIGGER findings_search_delete AFTER DELETE ON findings BEGIN
      DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = OLD.id);
      DELETE FROM search_docs WHERE record_id = OLD.id;
    END;
    CREATE TRIGGER audits_search_findings AFTER UPDATE OF type ON audits WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE search_index SET title = (SELECT coalesce(f.number || ' ' || (CASE NEW.type WHEN 'stage1' THEN 'ST1' WHEN 'stage2' THEN 'ST2' WHEN 'surveillance1' THEN 'SV1' WHEN 'surveillance2' THEN 'SV2' WHEN 'recertification' THEN 'RC' WHEN 'special' THEN 'SP' WHEN 'gap_analysis' THEN 'GA' ELSE 'AU' END) || '-' || f.number || ' ', '') || CASE f.type WHEN 'major' THEN 'Major nonconformity' WHEN 'minor' THEN 'Minor nonconformity' WHEN 'ofi' THEN 'Opportunity for improvement' ELSE 'Good practice' END FROM search_docs d JOIN findings f ON f.id = d.record_id WHERE d.rowid = search_index.rowid)
        WHERE rowid IN (SELECT rowid FROM search_docs WHERE audit_id = NEW.id AND kind = 'finding');
    END;

    CREATE TRIGGER checklist_samples_search_insert AFTER INSERT ON checklist_samples WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, 'sample', (SELECT audit_id FROM checklist_items WHERE id = NEW.item_id));
      INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), NEW.identifier, NEW.description);
    END;
    CREATE TRIGGER checklist_samples_search_update AFTER UPDATE OF identifier, description ON checklist_samples WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE search_index SET title = NEW.identifier, body = NEW.description WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
    END;
    CREATE TRIGGER checklist_samples_search_delete AFTER DELETE ON checklist_samples BEGIN
      DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = OLD.id);
      DELETE FROM search_docs WHERE record_id = OLD.id;
    END;

    -- Findings and samples written before this migration join the index now.
    INSERT INTO search_docs (record_id, kind, audit_id) SELECT id, 'finding', audit_id FROM findings;
    INSERT INTO search_index (rowid, title, body)
      SELECT d.rowid, coalesce(f.number || ' ' || (CASE a.type WHEN 'stage1' THEN 'ST1' WHEN 'stage2' THEN 'ST2' WHEN 'surveillance1' THEN 'SV1' WHEN 'surveillance2' THEN 'SV2' WHEN 'recertification' THEN 'RC' WHEN 'special' THEN 'SP' WHEN 'gap_analysis' THEN 'GA' ELSE 'AU' END) || '-' || f.number || ' ', '') || CASE f.type WHEN 'major' THEN 'Major nonconformity' WHEN 'minor' THEN 'Minor nonconformity' WHEN 'ofi' THEN 'Opportunity for improvement' ELSE 'Good practice' END, f.statement || ' ' || f.evidence_text
      FROM search_docs d JOIN findings f ON f.id = d.record_id JOIN audits a ON a.id = f.audit_id;
    INSERT INTO search_docs (record_id, kind, audit_id)
      SELECT s.id, 'sample', i.audit_id FROM checklist_samples s JOIN checklist_items i ON i.id = s.item_id;
    INSERT INTO search_index (rowid, title, body)
      SELECT d.rowid, s.identifier, s.description FROM search_docs d JOIN checklist_samples s ON s.id = d.record_id;`,
};
