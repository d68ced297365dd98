import type { Migration } from './migrations';

/**
 * Migration 7: certificates the user trusts besides this folder's own signing
 * identities (a colleague's, the certification body's), so that checking a
 * signed report can say *who* signed it, not only that it is intact.
 * Identified by the SHA-256 of the DER certificate, in the same form as
 * signing_identities.fingerprint_sha256 (upper-case hex pairs joined by ':').
 * Frozen: the SQL is the text this migration has run since it was released,
 * written out (it used to be built with the META columns of db/meta.ts); a test
 * checks its SHA-256. Never change it: append a migration.
 */
export const MIGRATION_7: Migration = {
  version: 7,
  name: 'trusted certificates',
  sql: `
    CREATE TABLE trusted_certificates (
      id TEXT PRIMARY KEY,
      fingerprint_sha256 TEXT NOT NULL UNIQUE,
      certificate_der BLOB NOT NULL,
      subject TEXT NOT NULL,
      issuer TEXT NOT NULL,
      name TEXT NOT NULL,
      not_before TEXT NOT NULL,
      not_after TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
    ) STRICT;
  `,
};
