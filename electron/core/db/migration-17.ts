import type { Migration } from './migrations';

/**
 * Migration 17: the language each audit's report, NC list and plan are written
 * in (issue 17 §2) — the client's language, chosen per audit and independent of
 * the app's own language. `report_second_language`, when set, makes the report
 * bilingual: our wording in both languages side by side, the auditor's own texts
 * once. It must differ from the first (a CHECK, so no path can store "de + de").
 * Existing audits keep English, as they always were.
 * Frozen: literal SQL, what this migration runs forever.
 */
export const MIGRATION_17: Migration = {
  version: 17,
  name: 'report language per audit',
  sql: `
    ALTER TABLE audits ADD COLUMN report_language TEXT NOT NULL DEFAULT 'en'
      CHECK (report_language IN ('en', 'de', 'fr'));
    ALTER TABLE audits ADD COLUMN report_second_language TEXT DEFAULT NULL
      CHECK (report_second_language IS NULL OR (report_second_language IN ('en', 'de', 'fr') AND report_second_language <> report_language));
  `,
};
