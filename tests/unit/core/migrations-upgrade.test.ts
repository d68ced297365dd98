import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '#core/db/migrations';
import { openDatabase, type Db } from '#core/db/open';
import { SCHEMA_SNAPSHOT, schemaText } from '../../helpers/schema-snapshot';
import { SEED_CLOCK, SHA_E1, seedAt } from './migrations-seed';

/**
 * A data folder left by every earlier version: built at migration N (1 to the
 * newest but one), given representative rows with that version's columns, then
 * opened as the app opens it, which runs the rest. It must end with the schema
 * of a fresh database, its rows kept with the values the later migrations give
 * them, and nothing dangling.
 */
const NEWEST = MIGRATIONS.length;
const OLDER = Array.from({ length: NEWEST - 1 }, (_, i) => i + 1);
const NEXT_CLOCK = '1733350000000-000002-dev';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function upgradeFrom(version: number): Db {
  const file = join(dir, 'fieldwork.sqlite');
  const old = new Database(file);
  old.pragma('foreign_keys = ON');
  migrate(old, MIGRATIONS.slice(0, version));
  seedAt(old, version);
  old.close();
  return openDatabase(file);
}

const all = (db: Db, sql: string) => db.prepare(sql).all();
const found = (db: Db, words: string) =>
  all(
    db,
    `SELECT d.kind, d.record_id FROM search_index s JOIN search_docs d ON d.rowid = s.rowid
     WHERE search_index MATCH '${words}' ORDER BY d.kind, d.record_id`,
  );

describe.each(OLDER)('a database at migration %i', (n) => {
  it('upgrades to the newest schema; rows kept, with the values later migrations give them; nothing dangling', () => {
    const db = upgradeFrom(n);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(NEWEST);
      expect(schemaText(db).split('\n')).toEqual(readFileSync(SCHEMA_SNAPSHOT, 'utf8').split('\n'));
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

      expect(all(db, 'SELECT * FROM clients')).toEqual([
        {
          id: 'cl',
          name: 'Acme Ltd',
          address: '1 Main St',
          representative: 'Ada Byron',
          created_at: 'c',
          updated_at: 'u',
          device_id: 'd',
        },
      ]);
      expect(all(db, 'SELECT id, name, headcount FROM client_sites')).toEqual([
        { id: 's1', name: 'HQ', headcount: 40 },
      ]);
      expect(all(db, 'SELECT id, email FROM client_contacts')).toEqual([{ id: 'k1', email: 'ada@example.com' }]);
      // Columns added by migrations 2, 4 and 17 hold their defaults.
      expect(all(db, 'SELECT * FROM audits')).toEqual([
        {
          id: 'a',
          client_id: 'cl',
          standard: 'ISO/IEC 27001:2022',
          type: 'stage2',
          scope: 'Hosting',
          start_date: '2026-01-12',
          end_date: '2026-01-13',
          mode: 'on_site',
          objectives: 'O',
          criteria: 'C',
          status: 'in_progress',
          created_at: 'c',
          updated_at: 'u',
          device_id: 'd',
          template_id: '',
          template_version: '',
          soa_version: null,
          soa_imported_at: null,
          closing_meeting_date: null,
          response_days_major: 30,
          response_days_minor: 90,
          previous_audit_id: null,
          report_language: 'en',
          report_second_language: null,
        },
      ]);
      expect(all(db, 'SELECT audit_id, site_id FROM audit_sites')).toEqual([{ audit_id: 'a', site_id: 's1' }]);
      expect(all(db, 'SELECT id, role FROM audit_team')).toEqual([{ id: 't1', role: 'lead_auditor' }]);

      if (n >= 2) {
        expect(
          all(db, 'SELECT id, number, result, notes, assignee_id, sample_size, updated_by FROM checklist_items'),
        ).toEqual([
          {
            id: 'i1',
            number: '8.20',
            result: 'minor_nc',
            notes: 'Firewall rules reviewed',
            assignee_id: 't1',
            sample_size: 3,
            updated_by: '',
          },
        ]);
        expect(all(db, 'SELECT id, identifier FROM checklist_samples')).toEqual([{ id: 'sm1', identifier: 'CHG-1' }]);
        // Migration 3 indexed the items written before it; later rows were indexed as they were written.
        expect(found(db, 'firewall')).toEqual(
          n >= 3
            ? [
                { kind: 'checklist_item', record_id: 'i1' },
                { kind: 'evidence', record_id: 'e1' },
              ]
            : [{ kind: 'checklist_item', record_id: 'i1' }],
        );
      }
      if (n >= 3) {
        expect(all(db, 'SELECT id, interviewee_name, site_id FROM interviews')).toEqual([
          { id: 'iv1', interviewee_name: 'Piotr Kowalski', site_id: 's1' },
        ]);
        expect(found(db, 'kowalski')).toEqual([{ kind: 'interview', record_id: 'iv1' }]);
        expect(all(db, 'SELECT id, sha256, original_name, size FROM evidence')).toEqual([
          { id: 'e1', sha256: SHA_E1, original_name: 'ruleset.pdf', size: 1234 },
        ]);
        // Migration 4 rebuilt the links table: every link kept, in order.
        expect(all(db, 'SELECT evidence_id, target_type, target_id FROM evidence_links ORDER BY rowid')).toEqual([
          { evidence_id: 'e1', target_type: 'checklist_item', target_id: 'i1' },
          { evidence_id: 'e1', target_type: 'audit', target_id: 'a' },
          ...(n >= 4 ? [{ evidence_id: 'e1', target_type: 'finding', target_id: 'f1' }] : []),
        ]);
      }
      if (n >= 4) {
        expect(all(db, 'SELECT id, status, number, statement FROM findings')).toEqual([
          { id: 'f1', status: 'open', number: 'NC-01', statement: 'Rules not reviewed' },
        ]);
        // Migration 6 trails a finding's attachment links from then on, not before.
        expect(db.prepare("SELECT field FROM audit_trail WHERE record_id = 'f1' ORDER BY id").pluck().all()).toEqual(
          n >= 6 ? ['created', 'requirement', 'attachment'] : ['created', 'requirement'],
        );
      }
      if (n >= 5) {
        expect(all(db, 'SELECT audit_id, places, auditor_days, sampling, updated_by FROM audit_reports')).toEqual([
          { audit_id: 'a', places: 'HQ', auditor_days: 2.5, sampling: '', updated_by: '' },
        ]);
        expect(all(db, 'SELECT id, version, signing_identity_id, warnings FROM report_issues')).toEqual([
          { id: 'r1', version: 1, signing_identity_id: null, warnings: '[]' },
        ]);
      }
      if (n >= 7) {
        expect(all(db, 'SELECT id, name, note FROM trusted_certificates')).toEqual([
          { id: 'tc1', name: 'Tom', note: '' },
        ]);
      }
      expectLog(db, n);
      expectTriggersWork(db, n);
    } finally {
      db.close();
    }
  });
});

/** Rows written before the change log existed are not in it; those written after are, scoped by migration 10. */
function expectLog(db: Db, n: number): void {
  expect(all(db, 'SELECT * FROM tombstones')).toEqual([]);
  if (n < 9) {
    expect(db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0);
    return;
  }
  expect(
    all(
      db,
      `SELECT table_name, row_id, value, scope FROM change_log
       WHERE (table_name, field) IN (VALUES ('clients', 'name'), ('checklist_items', 'notes'), ('evidence_links', 'target_id'))
       ORDER BY table_name, row_id`,
    ),
  ).toEqual([
    { table_name: 'checklist_items', row_id: 'i1', value: '"Firewall rules reviewed"', scope: 'a' },
    { table_name: 'clients', row_id: 'cl', value: '"Acme Ltd"', scope: 'cl' },
    { table_name: 'evidence_links', row_id: 'e1/audit/a', value: '"a"', scope: 'a' },
    { table_name: 'evidence_links', row_id: 'e1/checklist_item/i1', value: '"i1"', scope: 'a' },
    { table_name: 'evidence_links', row_id: 'e1/finding/f1', value: '"f1"', scope: 'a' },
  ]);
  // One transaction, one clock: every entry live, none replacing another, each with its scope.
  expect(all(db, 'SELECT DISTINCT clock, author, replaces, live, scope IS NULL AS unscoped FROM change_log')).toEqual([
    { clock: SEED_CLOCK, author: 'Lena Lead', replaces: '[]', live: 1, unscoped: 0 },
  ]);
}

/** The newest triggers work on the upgraded rows: trail, search index and change log follow an edit. */
function expectTriggersWork(db: Db, n: number): void {
  if (n < 2) return;
  db.transaction(() => {
    db.prepare('UPDATE write_context SET clock = ?, device_id = ?, author = ?').run(NEXT_CLOCK, 'dev', 'Tom');
    db.exec(`UPDATE checklist_items SET result = 'major_nc', notes = 'Stale segmentation', updated_by = 'Tom',
      updated_at = 'u2' WHERE id = 'i1'`);
  })();
  expect(found(db, 'segmentation')).toEqual([{ kind: 'checklist_item', record_id: 'i1' }]);
  // The item's old words left the index with its old notes.
  expect(found(db, 'firewall')).toEqual(n >= 3 ? [{ kind: 'evidence', record_id: 'e1' }] : []);
  expect(
    all(db, "SELECT field, old_value, new_value, changed_by FROM audit_trail WHERE record_id = 'i1' ORDER BY id"),
  ).toEqual([{ field: 'result', old_value: 'minor_nc', new_value: 'major_nc', changed_by: 'Tom' }]);
  expect(
    all(
      db,
      "SELECT value, scope, replaces, live FROM change_log WHERE row_id = 'i1' AND field = 'notes' ORDER BY clock",
    ),
  ).toEqual([
    ...(n >= 9 ? [{ value: '"Firewall rules reviewed"', scope: 'a', replaces: '[]', live: 0 }] : []),
    { value: '"Stale segmentation"', scope: 'a', replaces: n >= 9 ? JSON.stringify([SEED_CLOCK]) : '[]', live: 1 },
  ]);
}
