import type { Migration } from './migrations';

/**
 * Migration 18: the certification body's own Word templates for the report, the
 * nonconformity list and the audit plan (issue 17 §3, core/report-templates/).
 * - The template's bytes are kept in the database (as trusted certificates' DER
 *   is), not as a file beside it: an encrypted folder's database is encrypted as a
 *   whole, a backup carries them without a new kind of member, and an import lands
 *   in one transaction or not at all.
 * - `unknown_placeholders` and `missing_contents` are what the import's trial render
 *   found (JSON arrays), kept so the list and the issue confirmation can say them.
 * - At most one default per type and language (a partial unique index), used when an
 *   export names no template; none means the built-in layout.
 * Not logged for team packages: templates belong to the certification body's folder.
 * Frozen: literal SQL, what this migration runs forever.
 */
export const MIGRATION_18: Migration = {
  version: 18,
  name: 'report templates',
  sql: `
    CREATE TABLE report_templates (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('report','nc-list','plan')),
      language TEXT NOT NULL CHECK (language IN ('en','de','fr')),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      size INTEGER NOT NULL CHECK (size > 0),
      bytes BLOB NOT NULL,
      unknown_placeholders TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(unknown_placeholders)),
      missing_contents TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(missing_contents)),
      is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX report_templates_one_default ON report_templates(type, language) WHERE is_default = 1;
    CREATE INDEX report_templates_list ON report_templates(type, language, name);`,
};
