import type { Migration } from './migrations';

/**
 * Migration 12: indexes for ten years of audits on one laptop.
 * - Every foreign key leads an index, so deleting an audit, a client's site or
 *   a signing identity finds the rows pointing at it instead of scanning
 *   (tests/unit/core/foreign-key-indexes.test.ts keeps it so).
 * - The paged lists walk an index in their sort order, (start_date, id), and
 *   stop after a page: audits by date, by client, status or type; findings by
 *   audit then status and type (repos/findings/page.ts, repos/audits-page.ts);
 *   their counts find findings by status and type across audits.
 *   The old one-column indexes they replace are dropped.
 * - The requirement filter looks items up by ref or number, case-insensitively,
 *   instead of upper() over every linked item.
 * Frozen: literal SQL, what this migration runs forever.
 */
export const MIGRATION_12: Migration = {
  version: 12,
  name: 'indexes for foreign keys and paged lists',
  sql: `
    CREATE INDEX audits_previous ON audits(previous_audit_id);
    CREATE INDEX findings_site ON findings(site_id);
    CREATE INDEX findings_verified_in ON findings(verified_in_audit_id);
    CREATE INDEX interviews_site ON interviews(site_id);
    CREATE INDEX observations_site ON observations(site_id);
    CREATE INDEX report_issues_signing_identity ON report_issues(signing_identity_id);

    DROP INDEX audits_start;
    CREATE INDEX audits_start ON audits(start_date, id);
    DROP INDEX audits_client;
    CREATE INDEX audits_client ON audits(client_id, start_date, id);
    CREATE INDEX audits_status ON audits(status, start_date, id);
    CREATE INDEX audits_type ON audits(type, start_date, id);

    DROP INDEX findings_audit;
    CREATE INDEX findings_audit ON findings(audit_id, status, type);
    CREATE INDEX findings_status ON findings(status, type);

    CREATE INDEX checklist_items_ref ON checklist_items(ref COLLATE NOCASE);
    CREATE INDEX checklist_items_number ON checklist_items(number COLLATE NOCASE);`,
};
