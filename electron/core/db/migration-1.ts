import type { Migration } from './migrations';

/**
 * Migration 1. Frozen: the SQL is the text this migration has run since it was
 * released, written out (it used to be built with the META columns of
 * db/meta.ts); a test checks its SHA-256. Never change it: append a migration.
 */
export const MIGRATION_1: Migration = {
  version: 1,
  name: 'clients and audit engagements',
  sql: `
      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        address TEXT NOT NULL,
        representative TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
      ) STRICT;
      CREATE TABLE client_contacts (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        email TEXT NOT NULL,
        phone TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
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
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
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
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audits_client ON audits(client_id);
      CREATE INDEX audits_start ON audits(start_date);
      CREATE TABLE audit_sites (
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL REFERENCES client_sites(id) ON DELETE RESTRICT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
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
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_team_audit ON audit_team(audit_id);
      -- The database itself guarantees at most one lead auditor per audit.
      CREATE UNIQUE INDEX audit_team_one_lead ON audit_team(audit_id) WHERE role = 'lead_auditor';
    `,
};
