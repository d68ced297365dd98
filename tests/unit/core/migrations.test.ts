import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, NewerDatabaseError, SCHEMA_VERSION, migrate } from '#core/db/migrations';
import { openDatabase } from '#core/db/open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-mig-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Row stamps for hand-written SQL. */
const m = "'c','u','d'";

/** A client, a planned audit 'a' and its lead auditor, written with migration 1's columns. */
function seedMigration1Audit(db: Database.Database): void {
  db.exec(`INSERT INTO clients VALUES ('cl','Acme','','',${m});
    INSERT INTO audits VALUES ('a','cl','ISO/IEC 27001:2022','stage2','s','2026-01-01','2026-01-02','on_site','','','planned',${m});
    INSERT INTO audit_team VALUES ('t1','a',0,'L','','lead_auditor',${m});`);
}

const tableNames = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('migration 1: clients and audit engagements', () => {
  it('creates the strict tables with row metadata and sets user_version', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tableNames(db)).toEqual([
      'audit_sites',
      'audit_team',
      'audits',
      'client_contacts',
      'client_sites',
      'clients',
    ]);
    for (const t of tableNames(db)) {
      const sql = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql, t).toMatch(/\)\s*STRICT$/);
      const cols = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name);
      expect(cols, t).toEqual(expect.arrayContaining(['created_at', 'updated_at', 'device_id']));
    }
    // STRICT rejects a wrongly typed value instead of storing it.
    db.prepare("INSERT INTO clients VALUES ('x', 'n', '', '', 'c', 'u', 'd')").run();
    expect(() => db.prepare("INSERT INTO client_sites VALUES ('s','x',0,'n','','many','','c','u','d')").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.close();
  });

  it('enforces one lead auditor per audit in the schema itself', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    seedMigration1Audit(db);
    expect(() => db.exec(`INSERT INTO audit_team VALUES ('t2','a',1,'M','','lead_auditor',${m})`)).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(
        `INSERT INTO audits VALUES ('b','cl','ISO/IEC 27001:2022','stage2','s','2026-02-01','2026-01-02','on_site','','','planned',${m})`,
      ),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 2: checklist templates, checklist items and sampled records', () => {
  it('adds strict checklist tables, and an audit created under migration 1 survives with empty defaults', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    seedMigration1Audit(db);

    migrate(db, MIGRATIONS.slice(0, 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const added = ['checklist_items', 'checklist_samples', 'checklist_templates'];
    expect(tableNames(db)).toEqual(expect.arrayContaining(added));
    for (const t of added) {
      const sql = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql, t).toMatch(/\)\s*STRICT$/);
      const cols = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name);
      expect(cols, t).toEqual(expect.arrayContaining(['id', 'created_at', 'updated_at', 'device_id']));
    }
    // The old audit keeps its data, gets no template and no checklist.
    expect(db.prepare('SELECT * FROM audits').all()).toEqual([
      expect.objectContaining({
        id: 'a',
        type: 'stage2',
        status: 'planned',
        template_id: '',
        template_version: '',
        soa_version: null,
        soa_imported_at: null,
      }),
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM checklist_items').get()).toEqual({ n: 0 });

    // The schema itself refuses an unknown result, a second row for one ref, and an assignee from nowhere.
    const item = (id: string, ref: string, result: string, assignee: string | null) =>
      db
        .prepare(
          `INSERT INTO checklist_items (id, audit_id, position, ref, kind, group_id, group_title, group_kind, number,
             title, questions, evidence, clauses, result, assignee_id, created_at, updated_at, device_id)
           VALUES (?, 'a', 0, ?, 'clause', '4', 'Context', 'clause', ?, 'T', '[]', '[]', '[]', ?, ?, 'c', 'u', 'd')`,
        )
        .run(id, ref, ref, result, assignee);
    item('i1', '4.1', 'conforming', 't1');
    expect(() => item('i2', '4.2', 'great', null)).toThrow(/CHECK/);
    expect(() => item('i3', '4.1', 'ofi', null)).toThrow(/UNIQUE/);
    expect(() => item('i4', '4.3', 'ofi', 'nobody')).toThrow(/FOREIGN KEY/);
    db.exec(`INSERT INTO checklist_samples VALUES ('s1','i1',0,'INV-1','',${m})`);
    expect(() => db.exec(`INSERT INTO checklist_samples VALUES ('s2','i1',1,'','',${m})`)).toThrow(/CHECK/);
    // Removing the assignee from the team unassigns the item; deleting the audit removes its checklist.
    db.exec("DELETE FROM audit_team WHERE id = 't1'");
    expect(db.prepare("SELECT assignee_id FROM checklist_items WHERE id = 'i1'").get()).toEqual({ assignee_id: null });
    db.exec("DELETE FROM audits WHERE id = 'a'");
    expect(
      db.prepare('SELECT (SELECT count(*) FROM checklist_items) + (SELECT count(*) FROM checklist_samples) AS n').get(),
    ).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 4: findings, their audit trail, the programme and recommendations', () => {
  it('keeps existing audits, items and attachment links, and makes the trail append-only', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    seedMigration1Audit(db);
    migrate(db, MIGRATIONS.slice(0, 3));
    db.exec(`INSERT INTO checklist_items (id, audit_id, position, ref, kind, group_id, group_title, group_kind, number,
        title, questions, evidence, clauses, result, created_at, updated_at, device_id)
      VALUES ('i1', 'a', 0, '8.1', 'clause', '8', 'Operation', 'clause', '8.1', 'T', '[]', '[]', '[]', 'minor_nc', ${m});
      INSERT INTO evidence (id, audit_id, sha256, original_name, media_type, size, captured_at, added_by, description,
        has_thumbnail, created_at, updated_at, device_id)
      VALUES ('e1', 'a', '${'a'.repeat(64)}', 'p.jpg', 'image/jpeg', 1, NULL, '', '', 0, ${m});
      INSERT INTO evidence_links VALUES ('e1', 'checklist_item', 'i1', ${m});
      INSERT INTO evidence_links VALUES ('e1', 'audit', 'a', ${m});`);

    migrate(db, MIGRATIONS.slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    const added = ['audit_trail', 'carried_findings', 'client_certification', 'finding_counters', 'finding_items'];
    expect(tableNames(db)).toEqual(
      expect.arrayContaining([...added, 'findings', 'finding_records', 'recommendations']),
    );
    expect(
      db
        .prepare('SELECT closing_meeting_date, response_days_major, response_days_minor, previous_audit_id FROM audits')
        .get(),
    ).toEqual({
      closing_meeting_date: null,
      response_days_major: 30,
      response_days_minor: 90,
      previous_audit_id: null,
    });
    expect(db.prepare('SELECT updated_by FROM checklist_items').pluck().get()).toBe('');
    // The rebuilt links table kept every link, and now accepts verification evidence.
    expect(db.prepare('SELECT evidence_id, target_type, target_id FROM evidence_links ORDER BY rowid').all()).toEqual([
      { evidence_id: 'e1', target_type: 'checklist_item', target_id: 'i1' },
      { evidence_id: 'e1', target_type: 'audit', target_id: 'a' },
    ]);

    // A result change is trailed; the trail refuses UPDATE and DELETE.
    db.exec("UPDATE checklist_items SET result = 'major_nc', updated_by = 'Lena', updated_at = 'u2' WHERE id = 'i1'");
    expect(
      db.prepare('SELECT record_type, field, old_value, new_value, changed_by, changed_at FROM audit_trail').all(),
    ).toEqual([
      {
        record_type: 'checklist_item',
        field: 'result',
        old_value: 'minor_nc',
        new_value: 'major_nc',
        changed_by: 'Lena',
        changed_at: 'u2',
      },
    ]);
    expect(() => db.exec("UPDATE audit_trail SET changed_by = 'x'")).toThrow('The audit trail is append-only');
    expect(() => db.exec('DELETE FROM audit_trail')).toThrow('The audit trail is append-only');

    // A draft has no number, an issued finding has one and cannot be deleted.
    const finding = (id: string, status: string, number: string | null) =>
      db
        .prepare(
          `INSERT INTO findings (id, audit_id, type, status, number, raised_at, created_at, updated_at, device_id)
           VALUES (?, 'a', 'minor', ?, ?, '2026-01-01T10:00', 'c', 'u', 'd')`,
        )
        .run(id, status, number);
    expect(() => finding('f0', 'draft', 'NC-01')).toThrow(/CHECK/);
    expect(() => finding('f0', 'open', null)).toThrow(/CHECK/);
    finding('f1', 'open', 'NC-01');
    expect(() => finding('f2', 'open', 'NC-01')).toThrow(/UNIQUE/);
    db.exec(`INSERT INTO evidence_links VALUES ('e1', 'finding_verification', 'f1', ${m})`);
    expect(() => db.exec("DELETE FROM findings WHERE id = 'f1'")).toThrow('An issued finding cannot be deleted');
    // Deleting a draft takes its attachment links with it; the last link takes the attachment.
    finding('f3', 'draft', null);
    db.exec(`INSERT INTO evidence (id, audit_id, sha256, original_name, media_type, size, captured_at, added_by,
        description, has_thumbnail, created_at, updated_at, device_id)
      VALUES ('e2', 'a', '${'b'.repeat(64)}', 'q.jpg', 'image/jpeg', 1, NULL, '', '', 0, ${m});
      INSERT INTO evidence_links VALUES ('e2', 'finding', 'f3', ${m});
      DELETE FROM findings WHERE id = 'f3';`);
    expect(db.prepare("SELECT count(*) FROM evidence WHERE id = 'e2'").pluck().get()).toBe(0);
    db.close();
  });
});

describe("migration 6: a finding's attachments in its audit trail", () => {
  it('leaves links made before it alone, then trails each link added or removed, naming the file', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    seedMigration1Audit(db);
    migrate(db, MIGRATIONS.slice(0, 5));
    db.exec(`INSERT INTO findings (id, audit_id, type, status, number, raised_at, updated_by, created_at, updated_at, device_id)
        VALUES ('f1', 'a', 'minor', 'open', 'NC-01', '2026-01-01T10:00', 'Lena', 'c', 'u', 'd');
      INSERT INTO evidence (id, audit_id, sha256, original_name, media_type, size, captured_at, added_by, description,
        has_thumbnail, created_at, updated_at, device_id)
      VALUES ('e1', 'a', '${'ab'.repeat(32)}', 'door.jpg', 'image/jpeg', 1, NULL, '', '', 0, ${m});
      INSERT INTO evidence_links VALUES ('e1', 'finding', 'f1', ${m});`);
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT field FROM audit_trail').pluck().all()).toEqual(['created']);

    db.exec(`INSERT INTO evidence_links VALUES ('e1', 'finding_verification', 'f1', ${m});
      DELETE FROM evidence_links WHERE target_type = 'finding';
      DELETE FROM evidence_links WHERE target_type = 'finding_verification';`);
    // The last removal took the attachment with it; its entry still names the file.
    expect(db.prepare("SELECT count(*) FROM evidence WHERE id = 'e1'").pluck().get()).toBe(0);
    expect(
      db
        .prepare("SELECT field, old_value, new_value, changed_by FROM audit_trail WHERE field <> 'created' ORDER BY id")
        .all(),
    ).toEqual([
      { field: 'verification attachment', old_value: null, new_value: 'door.jpg (E-abababab)', changed_by: 'Lena' },
      { field: 'attachment', old_value: 'door.jpg (E-abababab)', new_value: null, changed_by: 'Lena' },
      { field: 'verification attachment', old_value: 'door.jpg (E-abababab)', new_value: null, changed_by: 'Lena' },
    ]);
    db.close();
  });
});

describe('migration 7: certificates trusted besides the signing identities', () => {
  it('adds a strict table, one row per fingerprint, that existing data survives', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    seedMigration1Audit(db);
    migrate(db, MIGRATIONS.slice(0, 7));
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare("SELECT count(*) FROM audits WHERE id = 'a'").pluck().get()).toBe(1);
    const insert =
      db.prepare(`INSERT INTO trusted_certificates (id, fingerprint_sha256, certificate_der, subject, issuer,
        name, not_before, not_after, created_at, updated_at, device_id) VALUES (?, ?, ?, 's', 'i', 'n', 'b', 'a', ${m})`);
    insert.run('t1', 'AB:CD', Buffer.from([0x30, 0]));
    expect(db.prepare("SELECT note FROM trusted_certificates WHERE id = 't1'").pluck().get()).toBe('');
    // The same certificate cannot be trusted twice; STRICT refuses a number where the DER blob belongs.
    expect(() => insert.run('t2', 'AB:CD', Buffer.from([0x30, 0]))).toThrow(/UNIQUE/);
    expect(() => insert.run('t3', 'EF:01', 12)).toThrow(/cannot store .* value in BLOB column/);
    db.close();
  });
});

describe('migration 8: evidence files being added, seen by every process', () => {
  it('adds a strict table of claims, one per add in flight, that existing data survives', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 1));
    seedMigration1Audit(db);
    migrate(db, MIGRATIONS.slice(0, 8));
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare("SELECT count(*) FROM audits WHERE id = 'a'").pluck().get()).toBe(1);
    const insert = db.prepare('INSERT INTO evidence_placements (id, sha256, placed_at) VALUES (?, ?, ?)');
    // Two adds of the same file each hold their own claim.
    insert.run('p1', 'ab'.repeat(32), 1_000);
    insert.run('p2', 'ab'.repeat(32), 2_000);
    expect(() => insert.run('p1', 'cd'.repeat(32), 3_000)).toThrow(/UNIQUE/);
    expect(() => insert.run('p3', 'cd'.repeat(32), 'soon')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(db.prepare('SELECT id FROM evidence_placements WHERE placed_at < 1500').pluck().all()).toEqual(['p1']);
    db.close();
  });
});

describe('migration 9: the change log, tombstones and the write clock', () => {
  it('adds strict tables; existing data is kept and not logged; later writes log changed fields and tombstones', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    seedMigration1Audit(db);
    migrate(db, MIGRATIONS.slice(0, 9));
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare("SELECT scope FROM audits WHERE id = 'a'").pluck().get()).toBe('s');
    for (const t of ['write_context', 'change_log', 'tombstones']) {
      const sql = db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t) as string;
      expect(sql, t).toMatch(/\)\s*STRICT$/);
    }
    // Rows written before the log existed are not in it.
    expect(db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0);
    db.prepare("UPDATE write_context SET clock = '1733350000000-000001-dev', device_id = 'dev', author = 'Lena'").run();
    db.prepare("UPDATE audits SET scope = 'new scope', status = 'planned' WHERE id = 'a'").run();
    expect(
      db.prepare('SELECT table_name, row_id, field, value, clock, device_id, author FROM change_log').all(),
    ).toEqual([
      {
        table_name: 'audits',
        row_id: 'a',
        field: 'scope',
        value: '"new scope"',
        clock: '1733350000000-000001-dev',
        device_id: 'dev',
        author: 'Lena',
      },
    ]);
    db.prepare("DELETE FROM audit_team WHERE id = 't1'").run();
    expect(db.prepare('SELECT * FROM tombstones').all()).toEqual([
      { table_name: 'audit_team', row_id: 't1', clock: '1733350000000-000001-dev', device_id: 'dev', author: 'Lena' },
    ]);
    // STRICT and the JSON check refuse a malformed log row.
    expect(() =>
      db
        .prepare(
          "INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author) VALUES ('x','y','z','{not json','c','d','a')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE write_context SET author = x'00'").run()).toThrow(
      /cannot store BLOB value in TEXT column/,
    );
    db.close();
  });

  it('logs every column of each logged table except the row stamps (a later column needs a new migration)', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    migrate(db);
    const logged = db
      .prepare(
        "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_log\\_insert' ESCAPE '\\'",
      )
      .all() as { tbl_name: string; sql: string }[];
    expect(logged.length).toBeGreaterThan(20);
    for (const { tbl_name: table, sql } of logged) {
      const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
      for (const c of columns.filter((c) => !['created_at', 'updated_at', 'device_id'].includes(c))) {
        expect(sql, `${table}.${c}`).toContain(`json_quote(NEW.${c})`);
      }
    }
    db.close();
  });
});

describe('migration 10: scoped change log with bases, several tombstones per row, team tables', () => {
  it('upgrades a v9 log: one entry per field and clock, chained bases, the newest live, scopes from the rows', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    seedMigration1Audit(db);
    migrate(db, MIGRATIONS.slice(0, 9));
    const c = (n: number) => `1733350000000-00000${n}-dev`;
    const at = (n: number) =>
      db.prepare(`UPDATE write_context SET clock = '${c(n)}', device_id = 'dev', author = 'Lena'`).run();
    at(1);
    db.exec(`UPDATE audits SET scope = 'first' WHERE id = 'a'; UPDATE audits SET scope = 'second' WHERE id = 'a';
      INSERT INTO client_sites VALUES ('s1','cl',0,'HQ','',5,'',${m});
      INSERT INTO audit_sites VALUES ('a','s1',${m});
      INSERT INTO audit_team VALUES ('t2','a',1,'Arno','','auditor',${m});`);
    at(2);
    db.exec(`UPDATE audits SET scope = 'third' WHERE id = 'a'; DELETE FROM audit_team WHERE id = 't1';`);
    migrate(db, MIGRATIONS.slice(0, 10));
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    const entries = (table: string, row: string, field: string) =>
      db
        .prepare(
          'SELECT value, clock, scope, replaces, live FROM change_log WHERE table_name = ? AND row_id = ? AND field = ? ORDER BY clock',
        )
        .all(table, row, field) as { value: string; clock: string; scope: string; replaces: string; live: number }[];
    // Two writes of one field in one transaction are one entry (the last value): one clock, one value.
    expect(entries('audits', 'a', 'scope')).toEqual([
      { value: '"second"', clock: c(1), scope: 'a', replaces: '[]', live: 0 },
      { value: '"third"', clock: c(2), scope: 'a', replaces: JSON.stringify([c(1)]), live: 1 },
    ]);
    expect(entries('client_sites', 's1', 'name')).toEqual([
      { value: '"HQ"', clock: c(1), scope: 'cl', replaces: '[]', live: 1 },
    ]);
    expect(entries('audit_sites', 'a/s1', 'site_id')[0]).toMatchObject({ scope: 'a' });
    expect(entries('audit_team', 't2', 'name')[0]).toMatchObject({ scope: 'a' });
    // The deleted member's row is gone, its log with it: its tombstone's scope cannot be known.
    expect(db.prepare('SELECT table_name, row_id, clock, scope, replaces, live FROM tombstones').all()).toEqual([
      { table_name: 'audit_team', row_id: 't1', clock: c(2), scope: null, replaces: '[]', live: 1 },
    ]);
    for (const t of ['team_audits', 'team_exchanges', 'conflict_resolutions', 'tombstones']) {
      expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t), t).toMatch(/\)\s*STRICT$/);
    }

    // The new triggers: an edit replaces the live value and leaves it not live.
    at(3);
    db.prepare("UPDATE audits SET scope = 'fourth' WHERE id = 'a'").run();
    expect(entries('audits', 'a', 'scope').map((e) => [e.clock, e.replaces, e.live])).toEqual([
      [c(1), '[]', 0],
      [c(2), JSON.stringify([c(1)]), 0],
      [c(3), JSON.stringify([c(2)]), 1],
    ]);
    // A team audit keeps a deleted row's history (the merge needs it); several tombstones per row.
    db.prepare("INSERT INTO team_audits VALUES ('a', 'lead', 'dev', 'now')").run();
    at(4);
    db.prepare("DELETE FROM audit_team WHERE id = 't2'").run();
    expect(db.prepare("SELECT count(*) FROM change_log WHERE row_id = 't2' AND live = 1").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM change_log WHERE row_id = 't2'").pluck().get()).toBeGreaterThan(0);
    expect(db.prepare("SELECT scope, live FROM tombstones WHERE row_id = 't2'").get()).toEqual({ scope: 'a', live: 1 });
    // While a merge writes rows (applying = 1) the triggers are silent.
    const count = () => db.prepare('SELECT count(*) FROM change_log').pluck().get();
    const before = count();
    db.exec(`UPDATE write_context SET applying = 1; UPDATE audits SET scope = 'merged' WHERE id = 'a';
      UPDATE write_context SET applying = 0;`);
    expect(count()).toBe(before);
    db.close();
  });
});

describe('migrate()', () => {
  it('is idempotent and opens the file in WAL mode with foreign keys on', () => {
    const file = join(dir, 'db.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = join(dir, 'db.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer version of Fieldwork/);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(tableNames(after)).toEqual([]);
    after.close();
  });

  it('applies all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE oops (' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tableNames(db)).toEqual([]);
    db.close();
  });
});
