import Database from 'better-sqlite3';
import { chmodSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE, openBackend } from '#core/backend';
import { MIGRATIONS, migrate } from '#core/db/migrations';
import { checkRecords } from '#core/sync/import-checks';
import { PACKAGED, packagedTable } from '#core/sync/tables';
import type { MergeChange } from '#shared/rules/merge/index';
import { value } from '../../helpers/backend';
import { exportPackage, importPackage, leadAudit, useLaptops, type Laptop } from './helpers';

// Several data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const laptops = useLaptops();

/**
 * A database at schema 14 holding `from`'s rows: migrations 1–14 on a new file, then every table of that schema
 * copied with the columns it has there, the log triggers silent (write_context.applying) as in a merge; the
 * plan's and meetings' tables then hold rows and no log entries, as schema 14 left them. The search index is
 * left empty (not what this test reads).
 */
function copyIntoSchema14(from: string, to: string): void {
  const db = new Database(to);
  try {
    migrate(db, MIGRATIONS.slice(0, 14));
    db.pragma('foreign_keys = OFF');
    db.prepare('ATTACH DATABASE ? AS src').run(from);
    const tables = db
      .prepare(
        `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE 'search_%' AND name <> 'write_context'`,
      )
      .pluck()
      .all() as string[];
    db.transaction(() => {
      db.exec('UPDATE write_context SET applying = 1');
      for (const t of tables) {
        const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]).join(', ');
        db.exec(`DELETE FROM main.${t}; INSERT INTO main.${t} (${cols}) SELECT ${cols} FROM src.${t}`);
      }
      db.exec(`DELETE FROM change_log WHERE table_name IN (${NEW_TABLES.map((n) => `'${n}'`).join(', ')})`);
      db.exec('DELETE FROM search_docs; DELETE FROM search_index');
      db.exec(
        'UPDATE write_context SET (clock, device_id, author) = (SELECT clock, device_id, author FROM src.write_context), applying = 0',
      );
    })();
    db.exec('DETACH DATABASE src');
  } finally {
    db.close();
  }
}

const NEW_TABLES = ['audit_plans', 'plan_sessions', 'plan_session_items', 'audit_meetings', 'meeting_attendees'];

/** The lead's plan (notes, two sessions, one linked to two items) and opening meeting. */
async function planAndMeeting(lead: Laptop) {
  const { audit, items, client } = await leadAudit(lead);
  const b = lead.t.backend;
  value(
    await b.call('plan.save', {
      auditId: audit.id,
      objectives: 'Decide whether to recommend certification',
      scope: audit.scope,
      criteria: 'ISO/IEC 27001:2022',
      notes: 'Visitor badges at reception.',
      by: lead.name,
    }),
  );
  const session = value(
    await b.call('plan.addSession', {
      auditId: audit.id,
      day: '2026-03-03',
      startTime: '10:00',
      endTime: '12:00',
      siteId: client.sites[0]!.id,
      topic: 'Identity and access management',
      auditee: 'IT operations manager',
      auditorId: audit.team[1]!.id,
      itemIds: [items.find((i) => i.ref === 'A.5.15')!.id, items.find((i) => i.ref === 'A.5.18')!.id],
    }),
  );
  value(
    await b.call('meetings.save', {
      auditId: audit.id,
      kind: 'opening',
      heldOn: '2026-03-02',
      attendees: [{ name: 'Lena Lead', role: 'Lead auditor', organisation: 'Example Certification Ltd' }],
      confirmed: { plan: true, confidentiality: true, reporting: false, appeals: false },
      notes: 'Started on time.',
      by: lead.name,
    }),
  );
  return { audit, session };
}

const planOf = async (l: Laptop, auditId: string) => {
  const p = value(await l.t.backend.call('plan.get', { auditId }));
  return { notes: p.notes, sessions: p.sessions };
};

describe('the plan and the meetings travel in team packages (migration 15)', () => {
  it("the lead's plan reaches the auditor; the auditor's meeting notes and attendee come back to the lead", async () => {
    const lead = await laptops.make('Lena Lead');
    const arno = await laptops.make('Arno Auditor');
    const { audit } = await planAndMeeting(lead);
    const sent = await exportPackage(lead, audit.id, laptops.dir());
    const merged = value(await importPackage(arno, sent.bytes, lead.fingerprint));
    expect(merged.byKind.map((k) => k.kind)).toEqual(expect.arrayContaining(['plan', 'meetings']));

    // Field for field what the lead planned, items and all.
    expect(await planOf(arno, audit.id)).toEqual(await planOf(lead, audit.id));
    expect((await planOf(arno, audit.id)).sessions[0]!.items).toHaveLength(2);
    const opening = value(await arno.t.backend.call('meetings.get', { auditId: audit.id })).opening!;
    expect(opening).toMatchObject({ heldOn: '2026-03-02', notes: 'Started on time.' });

    // On site, Arno adds what was said and who else came.
    value(
      await arno.t.backend.call('meetings.save', {
        auditId: audit.id,
        kind: 'opening',
        heldOn: '2026-03-02',
        attendees: [...opening.attendees, { name: 'Sam Contact', role: 'CISO', organisation: 'Acme Ltd' }],
        confirmed: { plan: true, confidentiality: true, reporting: true, appeals: true },
        notes: 'Started on time; the CISO asked for the report in English.',
        by: arno.name,
      }),
    );
    const returned = await exportPackage(arno, audit.id, laptops.dir());
    value(await importPackage(lead, returned.bytes, arno.fingerprint));
    const atLead = value(await lead.t.backend.call('meetings.get', { auditId: audit.id })).opening!;
    expect(atLead.notes).toBe('Started on time; the CISO asked for the report in English.');
    expect(atLead.attendees.map((a) => a.name)).toEqual(['Lena Lead', 'Sam Contact']);
    expect(atLead.confirmed).toEqual({ plan: true, confidentiality: true, reporting: true, appeals: true });
    expect(value(await lead.t.backend.call('team.status', { auditId: audit.id })).openConflicts).toBe(0);
  });

  it('the lead and an auditor who both record the closing meeting offline merge into one meeting, conflicts shown', async () => {
    const lead = await laptops.make('Lena Lead');
    const arno = await laptops.make('Arno Auditor');
    const { audit } = await planAndMeeting(lead);
    value(await importPackage(arno, (await exportPackage(lead, audit.id, laptops.dir())).bytes, lead.fingerprint));
    const closing = (l: Laptop, notes: string) =>
      l.t.backend.call('meetings.save', {
        auditId: audit.id,
        kind: 'closing',
        heldOn: '2026-03-04',
        attendees: [{ name: l.name, role: 'Auditor', organisation: 'Example Certification Ltd' }],
        notes,
        by: l.name,
      });
    value(await closing(lead, 'Lead: findings presented.'));
    value(await closing(arno, 'Arno: client acknowledged.'));
    const merged = value(
      await importPackage(lead, (await exportPackage(arno, audit.id, laptops.dir())).bytes, arno.fingerprint),
    );
    // One meeting (same id on both laptops), its notes in conflict for the lead to decide; the UNIQUE (audit, kind) holds.
    expect(merged.conflicts).toBeGreaterThan(0);
    const rows = lead.t.backend.db
      .prepare("SELECT count(*) FROM audit_meetings WHERE audit_id = ? AND kind = 'closing'")
      .pluck()
      .get(audit.id);
    expect(rows).toBe(1);
    const conflicts = value(await lead.t.backend.call('conflicts.list', { auditId: audit.id, offset: 0, limit: 50 }));
    expect(conflicts.items.some((c) => c.table === 'audit_meetings' && c.field === 'notes')).toBe(true);
  });

  it('technical reviews never travel: no log triggers, not a packaged table, refused by name in a package', () => {
    expect(packagedTable('technical_reviews')).toBeUndefined();
    expect(PACKAGED.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'audit_plans',
        'plan_sessions',
        'plan_session_items',
        'audit_meetings',
        'meeting_attendees',
      ]),
    );
    const b = openBackend({ appVersion: 'test', dataDir: laptops.dir() });
    try {
      const triggers = b.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'technical_reviews'")
        .pluck()
        .all();
      expect(triggers).toEqual(['technical_reviews_final']);
    } finally {
      b.close();
    }
    const forged: MergeChange = {
      table: 'technical_reviews',
      rowId: '019a0000-0000-7000-8000-000000000000',
      field: 'conclusion',
      value: 'confirmed',
      clock: '1733350000000-000000-dev',
      device: 'dev',
      author: 'x',
      replaces: [],
    };
    expect(() => checkRecords([forged], [])).toThrow(/does not know \(technical_reviews\)/);
  });

  it('a data folder from before migration 15 upgrades, and its plan and meetings then travel', async () => {
    const lead = await laptops.make('Lena Lead');
    const arno = await laptops.make('Arno Auditor');
    const { audit } = await planAndMeeting(lead);
    // The same rows in a database made by migrations 1–14 alone: nothing logged for the plan or the meetings.
    lead.t.backend.close();
    const file = join(lead.t.dataDir, DATABASE_FILE);
    const old = join(laptops.dir(), 'schema-14.sqlite');
    copyIntoSchema14(file, old);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    renameSync(old, file);
    chmodSync(file, 0o600);
    const v14 = new Database(file, { readonly: true });
    expect(v14.pragma('user_version', { simple: true })).toBe(14);
    expect(v14.prepare('SELECT count(*) FROM plan_sessions').pluck().get()).toBe(1);
    expect(
      v14
        .prepare(
          "SELECT count(*) FROM change_log WHERE table_name IN ('audit_plans', 'plan_sessions', 'audit_meetings')",
        )
        .pluck()
        .get(),
    ).toBe(0);
    v14.close();
    lead.t.backend = openBackend({ appVersion: 'test', dataDir: lead.t.dataDir });
    expect(lead.t.backend.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(15);

    const sent = await exportPackage(lead, audit.id, laptops.dir());
    value(await importPackage(arno, sent.bytes, lead.fingerprint));
    expect(await planOf(arno, audit.id)).toEqual(await planOf(lead, audit.id));
    expect(value(await arno.t.backend.call('meetings.get', { auditId: audit.id })).opening?.notes).toBe(
      'Started on time.',
    );
  });
});
