import type { Migration } from './migrations';

/**
 * Attachment links of a finding (objective evidence, and evidence of its
 * verification) written to the audit trail like its requirement and record
 * links: the repository stamps the finding first, so the entry names who did it.
 * The value is the file's name and its evidence reference as the report prints
 * it (`E-` and the first 8 hex digits of the SHA-256), so the entry still reads
 * after the attachment is gone. BEFORE DELETE: the attachment row still exists
 * then, even when this was its last link (evidence_links_last removes it after).
 */
const attachment = (ref: 'NEW' | 'OLD') =>
  `COALESCE((SELECT e.original_name || ' (E-' || substr(e.sha256, 1, 8) || ')' FROM evidence e
       WHERE e.id = ${ref}.evidence_id), 'attachment ' || ${ref}.evidence_id)`;
const field = (ref: 'NEW' | 'OLD') =>
  `CASE ${ref}.target_type WHEN 'finding' THEN 'attachment' ELSE 'verification attachment' END`;
const entry = (ref: 'NEW' | 'OLD', oldValue: string, newValue: string) => `
      INSERT INTO audit_trail (record_type, record_id, audit_id, field, old_value, new_value, changed_at, changed_by, device_id)
      SELECT 'finding', f.id, f.audit_id, ${field(ref)}, ${oldValue}, ${newValue}, f.updated_at, f.updated_by, f.device_id
      FROM findings f WHERE f.id = ${ref}.target_id;`;

/** Migration 6. Never change what it produces once released. */
export const MIGRATION_6: Migration = {
  version: 6,
  name: "a finding's attachments in its audit trail",
  sql: `
    CREATE TRIGGER evidence_links_trail_insert AFTER INSERT ON evidence_links
      WHEN NEW.target_type IN ('finding', 'finding_verification') BEGIN${entry('NEW', 'NULL', attachment('NEW'))}
    END;
    CREATE TRIGGER evidence_links_trail_delete BEFORE DELETE ON evidence_links
      WHEN OLD.target_type IN ('finding', 'finding_verification') BEGIN${entry('OLD', attachment('OLD'), 'NULL')}
    END;
  `,
};
