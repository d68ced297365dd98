import type { Migration } from './migrations';

/**
 * Migration 6: attachment links of a finding (objective evidence, and evidence
 * of its verification) written to the audit trail like its requirement and
 * record links: the repository stamps the finding first, so the entry names who
 * did it. The value is the file's name and its evidence reference as the report
 * prints it (`E-` and the first 8 hex digits of the SHA-256), so the entry
 * still reads after the attachment is gone. BEFORE DELETE: the attachment row
 * still exists then, even when this was its last link (evidence_links_last
 * removes it after).
 * Frozen: the SQL is the text this migration has run since it was released,
 * written out; a test checks its SHA-256. Never change it: append a migration.
 */
export const MIGRATION_6: Migration = {
  version: 6,
  name: "a finding's attachments in its audit trail",
  sql: `
    CREATE TRIGGER evidence_links_trail_insert AFTER INSERT ON evidence_links
      WHEN NEW.target_type IN ('finding', 'finding_verification') BEGIN
      INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
      SELECT 'finding', f.id, f.audit_id, CASE NEW.target_type WHEN 'finding' THEN 'attachment' ELSE 'verification attachment' END, NULL, COALESCE((SELECT e.original_name || ' (E-' || substr(e.sha256, 1, 8) || ')' FROM evidence e
       WHERE e.id = NEW.evidence_id), 'attachment ' || NEW.evidence_id), f.updated_at, f.updated_by, f.device_id
      FROM findings f WHERE f.id = NEW.target_id;
    END;
    CREATE TRIGGER evidence_links_trail_delete BEFORE DELETE ON evidence_links
      WHEN OLD.target_type IN ('finding', 'finding_verification') BEGIN
      INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
      SELECT 'finding', f.id, f.audit_id, CASE OLD.target_type WHEN 'finding' THEN 'attachment' ELSE 'verification attachment' END, COALESCE((SELECT e.original_name || ' (E-' || substr(e.sha256, 1, 8) || ')' FROM evidence e
       WHERE e.id = OLD.evidence_id), 'attachment ' || OLD.evidence_id), NULL, f.updated_at, f.updated_by, f.device_id
      FROM findings f WHERE f.id = OLD.target_id;
    END;
  `,
};
