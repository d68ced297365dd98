import type { Migration } from './migrations';

/**
 * Migration 20: the certification body's report language takes every shipped
 * language (issue 17 shipped German and French; migration 5 allowed English
 * only, so saving another was refused by SQLite after validation passed). It
 * is the language a new audit's report starts in (repos/audits.ts).
 * cb_settings is rebuilt (SQLite cannot change a CHECK in place); no table
 * refers to it and no trigger reads it, so foreign keys need not be off.
 * Frozen: literal SQL, what this migration runs forever.
 */
export const MIGRATION_20: Migration = {
  version: 20,
  name: 'certification body report language in every shipped language',
  sql: `
    CREATE TABLE cb_settings_20 (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      address TEXT NOT NULL,
      accreditation TEXT NOT NULL,
      website TEXT NOT NULL,
      primary_colour TEXT NOT NULL,
      accent_colour TEXT NOT NULL,
      report_number_pattern TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('en', 'de', 'fr')),
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
    ) STRICT;
    INSERT INTO cb_settings_20 (id, name, address, accreditation, website, primary_colour, accent_colour,
        report_number_pattern, language, created_at, updated_at, device_id)
      SELECT id, name, address, accreditation, website, primary_colour, accent_colour,
        report_number_pattern, language, created_at, updated_at, device_id
      FROM cb_settings;
    DROP TABLE cb_settings;
    ALTER TABLE cb_settings_20 RENAME TO cb_settings;`,
};
