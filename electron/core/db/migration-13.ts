import type { Migration } from './migrations';

/**
 * Migration 13: the nonconformity list's counts and its "overdue" filter read
 * indexes, not rows (repos/findings/filters.ts, page.ts).
 * - Findings by (status, type, audit_id): counting the findings of a status or
 *   type across audits, joined to their audits, never reads a finding's row.
 * - Responses by (finding_id, decision, created_at): a finding's last accepted
 *   response (whose action date makes it overdue) is the index's last entry
 *   for it, without sorting its responses.
 * Each replaces the narrower index it extends, under the same name.
 * Frozen: literal SQL, what this migration runs forever.
 */
export const MIGRATION_13: Migration = {
  version: 13,
  name: 'indexes for the nonconformity counts and the overdue filter',
  sql: `
    DROP INDEX findings_status;
    CREATE INDEX findings_status ON findings(status, type, audit_id);
    DROP INDEX finding_responses_finding;
    CREATE INDEX finding_responses_finding ON finding_responses(finding_id, decision, created_at);`,
};
