import type Database from 'better-sqlite3';

/** Row stamps for hand-written SQL. */
export const STAMPS = "'c','u','d'";
const META = 'created_at, updated_at, device_id';
/** The clock and author of the seeding transaction once the change log exists (migration 9 on). */
export const SEED_CLOCK = '1733350000000-000001-dev';
export const SHA_E1 = 'ab'.repeat(32);

/**
 * Representative rows, each written with the columns its table had when it
 * appeared (later columns then take the values their migration gives them),
 * from the migration that introduced the table on: `since`.
 */
const SEEDS: readonly { since: number; sql: string }[] = [
  {
    since: 1,
    sql: `INSERT INTO clients (id, name, address, representative, ${META}) VALUES ('cl', 'Acme Ltd', '1 Main St', 'Ada Byron', ${STAMPS});
      INSERT INTO client_contacts (id, client_id, position, name, role, email, phone, ${META})
        VALUES ('k1', 'cl', 0, 'Ada Byron', 'CISO', 'ada@example.com', '', ${STAMPS});
      INSERT INTO client_sites (id, client_id, position, name, address, headcount, processes, ${META})
        VALUES ('s1', 'cl', 0, 'HQ', '1 Main St', 40, 'Hosting', ${STAMPS});
      INSERT INTO audits (id, client_id, standard, type, scope, start_date, end_date, mode, objectives, criteria, status, ${META})
        VALUES ('a', 'cl', 'ISO/IEC 27001:2022', 'stage2', 'Hosting', '2026-01-12', '2026-01-13', 'on_site', 'O', 'C', 'in_progress', ${STAMPS});
      INSERT INTO audit_sites (audit_id, site_id, ${META}) VALUES ('a', 's1', ${STAMPS});
      INSERT INTO audit_team (id, audit_id, position, name, email, role, ${META})
        VALUES ('t1', 'a', 0, 'Lena Lead', 'lena@example.com', 'lead_auditor', ${STAMPS});`,
  },
  {
    since: 2,
    sql: `INSERT INTO checklist_items (id, audit_id, position, ref, kind, group_id, group_title, group_kind, number, title,
        questions, evidence, clauses, result, notes, assignee_id, sample_size, ${META})
      VALUES ('i1', 'a', 0, 'A.8.20', 'control', '8', 'Technological controls', 'theme', '8.20', 'Networks security',
        '["Q?"]', '[]', '[]', 'minor_nc', 'Firewall rules reviewed', 't1', 3, ${STAMPS});
      INSERT INTO checklist_samples (id, item_id, position, identifier, description, ${META})
        VALUES ('sm1', 'i1', 0, 'CHG-1', 'Change ticket', ${STAMPS});`,
  },
  {
    since: 3,
    sql: `INSERT INTO interviews (id, audit_id, interviewee_name, interviewee_role, department, site_id, held_at, notes, ${META})
        VALUES ('iv1', 'a', 'Piotr Kowalski', 'Network admin', 'IT', 's1', '2026-01-12T10:00', 'Showed the change process', ${STAMPS});
      INSERT INTO interview_items (interview_id, item_id, ${META}) VALUES ('iv1', 'i1', ${STAMPS});
      INSERT INTO evidence (id, audit_id, sha256, original_name, media_type, size, captured_at, added_by, description,
        has_thumbnail, ${META})
        VALUES ('e1', 'a', '${SHA_E1}', 'ruleset.pdf', 'application/pdf', 1234, NULL, 'Lena Lead', 'Firewall ruleset', 0, ${STAMPS});
      INSERT INTO evidence_links (evidence_id, target_type, target_id, ${META}) VALUES ('e1', 'checklist_item', 'i1', ${STAMPS});
      INSERT INTO evidence_links (evidence_id, target_type, target_id, ${META}) VALUES ('e1', 'audit', 'a', ${STAMPS});`,
  },
  {
    since: 4,
    sql: `INSERT INTO findings (id, audit_id, type, status, number, statement, raised_by, raised_at, issued_at, updated_by, ${META})
        VALUES ('f1', 'a', 'minor', 'open', 'NC-01', 'Rules not reviewed', 'Lena Lead', '2026-01-13T09:00', '2026-01-13T12:00',
          'Lena Lead', ${STAMPS});
      INSERT INTO finding_counters (audit_id, series, last) VALUES ('a', 'NC', 1);
      INSERT INTO finding_items (finding_id, item_id, ${META}) VALUES ('f1', 'i1', ${STAMPS});
      INSERT INTO evidence_links (evidence_id, target_type, target_id, ${META}) VALUES ('e1', 'finding', 'f1', ${STAMPS});`,
  },
  {
    since: 5,
    sql: `INSERT INTO audit_reports (audit_id, places, auditor_days, ${META}) VALUES ('a', 'HQ', 2.5, ${STAMPS});
      INSERT INTO report_issues (id, audit_id, kind, version, report_number, file_name, sha256, size, content_hash, issued_at,
        issued_by, signer_name, signer_role, signer_fingerprint, ${META})
        VALUES ('r1', 'a', 'report', 1, 'R-2026-001', 'report.docx', '${'cd'.repeat(32)}', 2048, 'h', '2026-01-20',
          'Lena Lead', 'Lena Lead', 'Lead auditor', 'AB:CD', ${STAMPS});`,
  },
  {
    since: 7,
    sql: `INSERT INTO trusted_certificates (id, fingerprint_sha256, certificate_der, subject, issuer, name, not_before,
        not_after, ${META}) VALUES ('tc1', 'EF:01', x'3000', 'CN=Tom', 'CN=Tom', 'Tom', '2026-01-01', '2027-01-01', ${STAMPS});`,
  },
];

/** Writes the representative rows of every table that exists at `version`, in one transaction. */
export function seedAt(db: Database.Database, version: number): void {
  db.transaction(() => {
    if (version >= 9) {
      db.prepare('UPDATE write_context SET clock = ?, device_id = ?, author = ?').run(SEED_CLOCK, 'dev', 'Lena Lead');
    }
    for (const s of SEEDS) if (s.since <= version) db.exec(s.sql);
  })();
}
