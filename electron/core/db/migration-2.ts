import type { Migration } from './migrations';

/**
 * Migration 2. Audits created before it keep an empty template id and get no
 * checklist: their fieldwork predates checklists, and inventing one would
 * misstate what was audited. Built-in templates are files, not rows.
 * Frozen: the SQL is the text this migration has run since it was released,
 * written out (it used to be built with the META columns of db/meta.ts); a test
 * checks its SHA-256. Never change it: append a migration.
 */
export const MIGRATION_2: Migration = {
  version: 2,
  name: 'checklist templates, checklist items and sampled records',
  sql: `
      CREATE TABLE checklist_templates (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        version TEXT NOT NULL,
        title TEXT NOT NULL,
        language TEXT NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('stage1','stage2')),
        standard TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        imported_at TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
        UNIQUE (template_id, version)
      ) STRICT;
      ALTER TABLE audits ADD COLUMN template_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE audits ADD COLUMN template_version TEXT NOT NULL DEFAULT '';
      ALTER TABLE audits ADD COLUMN soa_version TEXT;
      ALTER TABLE audits ADD COLUMN soa_imported_at TEXT;
      CREATE TABLE checklist_items (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        ref TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('clause','control','topic')),
        group_id TEXT NOT NULL,
        group_title TEXT NOT NULL,
        group_kind TEXT NOT NULL CHECK (group_kind IN ('clause','theme','topic')),
        number TEXT NOT NULL,
        title TEXT NOT NULL,
        questions TEXT NOT NULL CHECK (json_valid(questions)),
        evidence TEXT NOT NULL CHECK (json_valid(evidence)),
        clauses TEXT NOT NULL CHECK (json_valid(clauses)),
        result TEXT NOT NULL DEFAULT 'not_audited'
          CHECK (result IN ('not_audited','conforming','ofi','minor_nc','major_nc','not_applicable')),
        notes TEXT NOT NULL DEFAULT '',
        assignee_id TEXT REFERENCES audit_team(id) ON DELETE SET NULL,
        sample_size INTEGER CHECK (sample_size >= 0),
        minutes_spent INTEGER CHECK (minutes_spent >= 0),
        soa_applicable INTEGER CHECK (soa_applicable IN (0, 1)),
        soa_justification TEXT,
        soa_status TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
        UNIQUE (audit_id, ref)
      ) STRICT;
      CREATE INDEX checklist_items_audit ON checklist_items(audit_id);
      CREATE INDEX checklist_items_assignee ON checklist_items(assignee_id);
      CREATE TABLE checklist_samples (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        identifier TEXT NOT NULL CHECK (length(identifier) > 0),
        description TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX checklist_samples_item ON checklist_samples(item_id);
    `,
};
