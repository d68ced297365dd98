import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '#core/db/migrations';
import { STAMPS, seedAt } from './migrations-seed';

let dir: string;
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-mig5-'));
  db = new Database(join(dir, 'db.sqlite'));
  db.pragma('foreign_keys = ON');
  // A database left by a version at migration 4, with an audit, a checklist, evidence and a finding.
  migrate(db, MIGRATIONS.slice(0, 4));
  seedAt(db, 4);
  migrate(db, MIGRATIONS.slice(0, 5));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const sqlOf = (name: string) => db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string;

const identity = (id: string, fingerprint: string, protection: string, wrapped: string | null) =>
  db
    .prepare(
      `INSERT INTO signing_identities (id, name, email, role, organisation, certificate_der, fingerprint_sha256, subject,
        issuer, serial_number, not_before, not_after, self_issued, protection, encrypted_key, wrapped_secret,
        created_at, updated_at, device_id)
       VALUES (?, 'Lena Lead', '', 'Lead auditor', 'CB', x'3000', ?, 'CN=Lena', 'CN=Lena', '01', '2026-01-01',
        '2027-01-01', 1, ?, 'k', ?, 'c', 'u', 'd')`,
    )
    .run(id, fingerprint, protection, wrapped);

const issue = (id: string, version: number, identityId: string | null) =>
  db
    .prepare(
      `INSERT INTO report_issues (id, audit_id, kind, version, report_number, file_name, sha256, size, content_hash,
        issued_at, issued_by, signer_name, signer_role, signer_fingerprint, signing_identity_id,
        created_at, updated_at, device_id)
       VALUES (?, 'a', 'report', ?, 'R-1', 'report.docx', ?, 100, 'h', '2026-01-20', 'Lena Lead', 'Lena Lead',
        'Lead auditor', 'AB:CD', ?, 'c', 'u', 'd')`,
    )
    .run(id, version, 'cd'.repeat(32), identityId);

describe('migration 5: branding, report details, signing identities and issued reports', () => {
  it('keeps the data of migration 4 and adds strict tables', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT id, status FROM audits').all()).toEqual([{ id: 'a', status: 'in_progress' }]);
    expect(db.prepare('SELECT id, number FROM findings').all()).toEqual([{ id: 'f1', number: 'NC-01' }]);
    expect(db.prepare('SELECT count(*) FROM evidence_links').pluck().get()).toBe(3);
    for (const t of ['cb_settings', 'cb_images', 'audit_reports', 'signing_identities', 'report_issues']) {
      expect(sqlOf(t), t).toMatch(/\)\s*STRICT$/);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('holds one branding row, PNG images only', () => {
    const settings = (id: number, language: string) =>
      db
        .prepare(
          `INSERT INTO cb_settings (id, name, address, accreditation, website, primary_colour, accent_colour,
            report_number_pattern, language, created_at, updated_at, device_id)
           VALUES (?, 'CB', '', '', '', '#000000', '#ffffff', '{year}-{n}', ?, 'c', 'u', 'd')`,
        )
        .run(id, language);
    expect(() => settings(1, 'de')).toThrow(/CHECK/);
    settings(1, 'en');
    expect(() => settings(2, 'en')).toThrow(/CHECK/);
    const image = (kind: string, type: string) =>
      db.prepare(`INSERT INTO cb_images VALUES (?, ?, 10, 10, x'89504e47', ${STAMPS})`).run(kind, type);
    expect(() => image('logo', 'image/svg+xml')).toThrow(/CHECK/);
    expect(() => image('banner', 'image/png')).toThrow(/CHECK/);
    image('logo', 'image/png');
  });

  it("gives an audit's report details empty defaults and bounds the auditor days", () => {
    db.exec(`INSERT INTO audit_reports (audit_id, created_at, updated_at, device_id) VALUES ('a', ${STAMPS})`);
    expect(db.prepare('SELECT places, auditor_days, conclusion_scope, updated_by FROM audit_reports').get()).toEqual({
      places: '',
      auditor_days: null,
      conclusion_scope: '',
      updated_by: '',
    });
    expect(() => db.exec("UPDATE audit_reports SET auditor_days = 1001 WHERE audit_id = 'a'")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE audit_reports SET auditor_days = -1 WHERE audit_id = 'a'")).toThrow(/CHECK/);
    db.exec("UPDATE audit_reports SET auditor_days = 2.5 WHERE audit_id = 'a'");
  });

  it('keeps a keychain-protected key only with its wrapped secret, one identity per certificate', () => {
    expect(() => identity('id1', 'AB:CD', 'os_keychain', null)).toThrow(/CHECK/);
    expect(() => identity('id1', 'AB:CD', 'passphrase', 'w')).toThrow(/CHECK/);
    identity('id1', 'AB:CD', 'os_keychain', 'w');
    expect(() => identity('id2', 'AB:CD', 'passphrase', null)).toThrow(/UNIQUE/);
  });

  it('freezes an issued report: no change, no deletion, but its identity may go', () => {
    identity('id1', 'AB:CD', 'passphrase', null);
    issue('r1', 1, 'id1');
    expect(() => issue('r2', 1, null)).toThrow(/UNIQUE/);
    expect(() => db.exec("UPDATE report_issues SET report_number = 'R-2' WHERE id = 'r1'")).toThrow(
      'An issued report cannot be changed',
    );
    expect(() => db.exec("DELETE FROM report_issues WHERE id = 'r1'")).toThrow('An issued report cannot be deleted');
    // Deleting the identity only forgets the link (ON DELETE SET NULL passes the freeze trigger).
    db.exec("DELETE FROM signing_identities WHERE id = 'id1'");
    expect(db.prepare("SELECT signing_identity_id, signer_name FROM report_issues WHERE id = 'r1'").get()).toEqual({
      signing_identity_id: null,
      signer_name: 'Lena Lead',
    });
    // An audit with an issued report cannot be deleted.
    expect(() => db.exec("DELETE FROM audits WHERE id = 'a'")).toThrow(/FOREIGN KEY/);
  });
});
