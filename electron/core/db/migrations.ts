import type { Database } from 'better-sqlite3';

/**
 * Ordered schema migrations. The database's PRAGMA user_version is the number
 * of migrations applied. Never edit a released migration: append a new one.
 * Every table is STRICT and every row carries created_at, updated_at and the
 * id of the device that last changed it, for the coming multi-laptop merge.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const META = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'clients and audit engagements',
    sql: `
      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        address TEXT NOT NULL,
        representative TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE TABLE client_contacts (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        email TEXT NOT NULL,
        phone TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE INDEX client_contacts_client ON client_contacts(client_id);
      CREATE TABLE client_sites (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        headcount INTEGER NOT NULL CHECK (headcount >= 0),
        processes TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE INDEX client_sites_client ON client_sites(client_id);
      CREATE TABLE audits (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
        standard TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('stage1','stage2','surveillance1','surveillance2','recertification','special')),
        scope TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL CHECK (end_date >= start_date),
        mode TEXT NOT NULL CHECK (mode IN ('on_site','remote')),
        objectives TEXT NOT NULL,
        criteria TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('planned','in_progress','reporting','closed')),
        ${META}
      ) STRICT;
      CREATE INDEX audits_client ON audits(client_id);
      CREATE INDEX audits_start ON audits(start_date);
      CREATE TABLE audit_sites (
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL REFERENCES client_sites(id) ON DELETE RESTRICT,
        ${META},
        PRIMARY KEY (audit_id, site_id)
      ) STRICT;
      CREATE INDEX audit_sites_site ON audit_sites(site_id);
      CREATE TABLE audit_team (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('lead_auditor','auditor','technical_expert','observer')),
        ${META}
      ) STRICT;
      CREATE INDEX audit_team_audit ON audit_team(audit_id);
      -- The database itself guarantees at most one lead auditor per audit.
      CREATE UNIQUE INDEX audit_team_one_lead ON audit_team(audit_id) WHERE role = 'lead_auditor';
    `,
  },
  {
    version: 2,
    name: 'checklist templates, checklist items and sampled records',
    // Audits created before this migration keep an empty template id and get no
    // checklist: their fieldwork predates checklists, and inventing one would
    // misstate what was audited. Built-in templates are files, not rows.
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
        ${META},
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
        ${META},
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
        ${META}
      ) STRICT;
      CREATE INDEX checklist_samples_item ON checklist_samples(item_id);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export class NewerDatabaseError extends Error {
  constructor(found: number, supported: number) {
    super(
      `This data folder was written by a newer version of Fieldwork (schema ${found}; this version knows up to ${supported}). ` +
        'Update Fieldwork to open it. Nothing was changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/** Applies pending migrations in one transaction: either all land or none. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new NewerDatabaseError(current, migrations.length);
  const pending = migrations.slice(current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return migrations.length;
}
