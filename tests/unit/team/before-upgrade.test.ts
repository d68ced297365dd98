import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '#core/backend';
import { value } from '../../helpers/backend';
import { exportPackage, importPackage, leadAudit, useLaptops, type Laptop } from './helpers';

// Several data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const laptops = useLaptops();

/** The tables migration 15 put in the change log. */
const MIGRATION_15_TABLES = [
  'audit_plans',
  'plan_sessions',
  'plan_session_items',
  'audit_meetings',
  'meeting_attendees',
];

/**
 * Leaves a folder's plan and meetings as a folder upgraded from schema 14 holds them: the rows, none of them in
 * the change log (schema 14 logged neither), and each meeting under the random id schema 14's meetings.save gave
 * it (UUID v7, as newId; the id made from audit and kind came with migration 15), its attendees pointing at it.
 * The log triggers are silent meanwhile, as in a merge.
 */
function asWrittenBeforeMigration15(b: Backend): void {
  b.db.transaction(() => {
    b.db.pragma('defer_foreign_keys = ON');
    b.db.exec('UPDATE write_context SET applying = 1');
    const meetings = b.db.prepare('SELECT id FROM audit_meetings').pluck().all() as string[];
    for (const id of meetings) {
      // A UUID v7 shape from a random UUID: version nibble 7.
      const random = randomUUID().replace(/^(.{14})./, '$17');
      b.db.prepare('UPDATE audit_meetings SET id = ? WHERE id = ?').run(random, id);
      b.db.prepare('UPDATE meeting_attendees SET meeting_id = ? WHERE meeting_id = ?').run(random, id);
    }
    const list = MIGRATION_15_TABLES.map((t) => `'${t}'`).join(', ');
    b.db.exec(
      `DELETE FROM change_log WHERE table_name IN (${list}); DELETE FROM tombstones WHERE table_name IN (${list})`,
    );
    b.db.exec('UPDATE write_context SET applying = 0');
  })();
}

const opening = (l: Laptop, auditId: string, notes: string, attendee: string) =>
  l.t.backend.call('meetings.save', {
    auditId,
    kind: 'opening',
    heldOn: '2026-03-02',
    attendees: [{ name: attendee, role: 'Auditor', organisation: 'Example Certification Ltd' }],
    confirmed: { plan: true, confidentiality: true, reporting: false, appeals: false },
    notes,
    by: l.name,
  });

const planNotes = (l: Laptop, auditId: string, scope: string, notes: string) =>
  l.t.backend.call('plan.save', {
    auditId,
    objectives: 'Decide whether to recommend certification',
    scope,
    criteria: 'ISO/IEC 27001:2022',
    notes,
    by: l.name,
  });

const openingOf = async (l: Laptop, auditId: string) =>
  value(await l.t.backend.call('meetings.get', { auditId })).opening!;

/**
 * The lead sent the audit out before the upgrade (schema 14: meetings and the plan did not travel yet); the lead
 * and the auditor both recorded the opening meeting and plan notes on their own laptops; both then upgraded.
 */
async function recordedOnBothBeforeTheUpgrade() {
  const lead = await laptops.make('Lena Lead');
  const arno = await laptops.make('Arno Auditor');
  const { audit } = await leadAudit(lead);
  value(await importPackage(arno, (await exportPackage(lead, audit.id, laptops.dir())).bytes, lead.fingerprint));
  value(await opening(lead, audit.id, 'Lead: started on time.', 'Lena Lead'));
  value(await planNotes(lead, audit.id, audit.scope, 'Lead: badges at reception.'));
  value(await opening(arno, audit.id, 'Arno: the CISO asked for the report in English.', 'Arno Auditor'));
  value(await planNotes(arno, audit.id, audit.scope, 'Arno: parking behind the building.'));
  for (const l of [lead, arno]) asWrittenBeforeMigration15(l.t.backend);
  expect((await openingOf(lead, audit.id)).notes).toBe('Lead: started on time.');
  return { lead, arno, auditId: audit.id };
}

const count = (l: Laptop, sql: string, ...params: unknown[]) =>
  l.t.backend.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('a meeting recorded on two laptops before migration 15 merges field by field', () => {
  it("the auditor's return reaches the lead: one opening meeting, the differing notes a conflict, nothing lost", async () => {
    const { lead, arno, auditId } = await recordedOnBothBeforeTheUpgrade();
    const returned = await exportPackage(arno, auditId, laptops.dir());
    const merged = value(await importPackage(lead, returned.bytes, arno.fingerprint));

    expect(count(lead, 'SELECT count(*) FROM audit_meetings WHERE audit_id = ?', auditId)).toBe(1);
    const conflicts = value(await lead.t.backend.call('conflicts.list', { auditId, offset: 0, limit: 50 })).items;
    const fields = conflicts.map((c) => `${c.table}.${c.field}`).sort();
    // The two notes differ, and so do the plan's notes; the same date and confirmations are no conflict.
    expect(fields).toEqual(['audit_meetings.notes', 'audit_plans.notes']);
    expect(merged.conflicts).toBe(2);
    const notes = conflicts
      .find((c) => c.table === 'audit_meetings')!
      .candidates.map((c) => c.value)
      .sort();
    expect(notes).toEqual(['Arno: the CISO asked for the report in English.', 'Lead: started on time.']);
    const plan = conflicts
      .find((c) => c.table === 'audit_plans')!
      .candidates.map((c) => c.value)
      .sort();
    expect(plan).toEqual(['Arno: parking behind the building.', 'Lead: badges at reception.']);
    // Both attendees, on the one meeting.
    expect((await openingOf(lead, auditId)).attendees.map((a) => a.name).sort()).toEqual(['Arno Auditor', 'Lena Lead']);
  });

  it("the lead's next send reaches the auditor the same way, and the two laptops then agree", async () => {
    const { lead, arno, auditId } = await recordedOnBothBeforeTheUpgrade();
    value(await importPackage(arno, (await exportPackage(lead, auditId, laptops.dir())).bytes, lead.fingerprint));
    expect(count(arno, 'SELECT count(*) FROM audit_meetings WHERE audit_id = ?', auditId)).toBe(1);
    value(await importPackage(lead, (await exportPackage(arno, auditId, laptops.dir())).bytes, arno.fingerprint));
    const atLead = await openingOf(lead, auditId);
    const atArno = await openingOf(arno, auditId);
    expect(atArno.notes).toBe(atLead.notes);
    expect(atArno.attendees.map((a) => a.name).sort()).toEqual(atLead.attendees.map((a) => a.name).sort());
    expect(value(await lead.t.backend.call('team.status', { auditId })).openConflicts).toBe(2);
  });
});
