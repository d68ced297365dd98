import type { Migration } from './migrations';

/**
 * Migration 5: reports, branding and signing. Frozen: the SQL is the text this
 * migration has run since it was released, written out (it used to be built
 * with the META columns of db/meta.ts); a test checks its SHA-256. Never change
 * it: append a migration.
 */
export const MIGRATION_5: Migration = {
  version: 5,
  name: 'certification body branding, report details, signing identities and issued reports',
  sql: `
    -- One row: the certification body whose name, logo and colours the reports carry.
    CREATE TABLE cb_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      address TEXT NOT NULL,
      accreditation TEXT NOT NULL,
      website TEXT NOT NULL,
      primary_colour TEXT NOT NULL,
      accent_colour TEXT NOT NULL,
      report_number_pattern TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('en')),
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
    ) STRICT;
    -- Logo and accreditation mark, normalised to PNG when saved (so a hostile file never reaches a report).
    CREATE TABLE cb_images (
      kind TEXT PRIMARY KEY CHECK (kind IN ('logo','accreditation_mark')),
      media_type TEXT NOT NULL CHECK (media_type = 'image/png'),
      width INTEGER NOT NULL CHECK (width > 0),
      height INTEGER NOT NULL CHECK (height > 0),
      bytes BLOB NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
    ) STRICT;
    -- What the report says that the audit record does not hold already.
    CREATE TABLE audit_reports (
      audit_id TEXT PRIMARY KEY REFERENCES audits(id) ON DELETE CASCADE,
      isms_documentation TEXT NOT NULL DEFAULT '',
      places TEXT NOT NULL DEFAULT '',
      auditor_days REAL CHECK (auditor_days IS NULL OR (auditor_days >= 0 AND auditor_days <= 1000)),
      time_notes TEXT NOT NULL DEFAULT '',
      processes TEXT NOT NULL DEFAULT '',
      deviations TEXT NOT NULL DEFAULT '',
      documents_summary TEXT NOT NULL DEFAULT '',
      risk_assessment TEXT NOT NULL DEFAULT '',
      sampling TEXT NOT NULL DEFAULT '',
      conclusion_internal_audit TEXT NOT NULL DEFAULT '',
      conclusion_management_review TEXT NOT NULL DEFAULT '',
      conclusion_scope TEXT NOT NULL DEFAULT '',
      conclusion_objectives TEXT NOT NULL DEFAULT '',
      certificate_mark_use TEXT NOT NULL DEFAULT '',
      unresolved_issues TEXT NOT NULL DEFAULT '',
      updated_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
    ) STRICT;
    -- An auditor's signing identity: an X.509 certificate and its private key, encrypted.
    -- 'passphrase': PKCS#8 encrypted with the auditor's passphrase.
    -- 'os_keychain': encrypted with a random secret that only the OS keychain can unwrap (wrapped_secret).
    CREATE TABLE signing_identities (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) > 0),
      email TEXT NOT NULL,
      role TEXT NOT NULL,
      organisation TEXT NOT NULL,
      certificate_der BLOB NOT NULL,
      fingerprint_sha256 TEXT NOT NULL UNIQUE,
      subject TEXT NOT NULL,
      issuer TEXT NOT NULL,
      serial_number TEXT NOT NULL,
      not_before TEXT NOT NULL,
      not_after TEXT NOT NULL,
      self_issued INTEGER NOT NULL CHECK (self_issued IN (0,1)),
      protection TEXT NOT NULL CHECK (protection IN ('passphrase','os_keychain')),
      encrypted_key TEXT NOT NULL,
      wrapped_secret TEXT,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      CHECK ((protection = 'os_keychain') = (wrapped_secret IS NOT NULL))
    ) STRICT;
    -- Issued (frozen) exports: the file lives in the data folder's reports/ store under its SHA-256.
    CREATE TABLE report_issues (
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE RESTRICT,
      kind TEXT NOT NULL CHECK (kind IN ('report','nc_list')),
      version INTEGER NOT NULL CHECK (version > 0),
      report_number TEXT NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      size INTEGER NOT NULL CHECK (size > 0),
      -- SHA-256 of the data the document was built from: tells whether the audit changed since.
      content_hash TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      issued_by TEXT NOT NULL,
      signer_name TEXT NOT NULL,
      signer_role TEXT NOT NULL,
      signer_fingerprint TEXT NOT NULL,
      signing_identity_id TEXT REFERENCES signing_identities(id) ON DELETE SET NULL,
      warnings TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
      UNIQUE (audit_id, kind, version)
    ) STRICT;
    CREATE INDEX report_issues_audit ON report_issues(audit_id);
    -- An issued report is the record: never changed, never removed.
    CREATE TRIGGER report_issues_frozen BEFORE UPDATE ON report_issues
      WHEN NOT (NEW.signing_identity_id IS NULL AND OLD.signing_identity_id IS NOT NULL
                AND NEW.id = OLD.id AND NEW.sha256 = OLD.sha256 AND NEW.version = OLD.version) BEGIN
      SELECT RAISE(ABORT, 'An issued report cannot be changed');
    END;
    CREATE TRIGGER report_issues_kept BEFORE DELETE ON report_issues BEGIN
      SELECT RAISE(ABORT, 'An issued report cannot be deleted');
    END;
  `,
};
