import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '#core/ids';
import { value } from '../../helpers/backend';
import { closeAudit, insertEvidence, recordsWorld, snapshot, tempRecordsBackend } from './world';

let t: ReturnType<typeof tempRecordsBackend>;
let w: Awaited<ReturnType<typeof recordsWorld>>;
beforeEach(async () => {
  t = tempRecordsBackend();
  w = await recordsWorld(t.backend);
});
afterEach(() => t.cleanup());

const interview = (over: Record<string, unknown> = {}) => ({
  intervieweeName: 'Maria Keller',
  intervieweeRole: 'CISO',
  department: 'IT',
  heldAt: '2026-03-02T09:30',
  notes: 'Walked through the joiner-mover-leaver process.',
  ...over,
});

const create = async (over: Record<string, unknown> = {}, auditId = w.audit.id) =>
  value(await t.backend.call('interviews.create', { auditId, interview: interview(over) }));

const linkRows = (table: string) => t.backend.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();

describe('interviews: create, list, update, delete', () => {
  it('round-trips every field, with links in checklist and team order', async () => {
    const [first, , third] = w.items;
    const created = await create({
      siteId: w.hq,
      auditorIds: [w.auditor, w.lead],
      // Given out of order (and one twice): stored once each, answered in checklist order.
      itemIds: [third!.id, first!.id, third!.id],
    });
    expect(created).toEqual({
      id: expect.any(String) as string,
      auditId: w.audit.id,
      intervieweeName: 'Maria Keller',
      intervieweeRole: 'CISO',
      department: 'IT',
      siteId: w.hq,
      heldAt: '2026-03-02T09:30',
      auditorIds: [w.lead, w.auditor],
      itemIds: [first!.id, third!.id],
      notes: 'Walked through the joiner-mover-leaver process.',
      attachmentCount: 0,
      createdAt: expect.any(String) as string,
      updatedAt: created.createdAt,
    });
    expect(value(await t.backend.call('interviews.list', { auditId: w.audit.id }))).toEqual([created]);
    expect(value(await t.backend.call('interviews.list', { auditId: w.second.id }))).toEqual([]);
    // Link rows carry the same bookkeeping as every other row.
    for (const row of [...linkRows('interview_items'), ...linkRows('interview_auditors')]) {
      expect(row).toMatchObject({ created_at: created.createdAt, device_id: t.backend.deviceId });
    }
  });

  it('fills defaults and lists interviews in the order they were held', async () => {
    const late = await create({ heldAt: '2026-03-03T14:00', intervieweeRole: undefined, department: undefined });
    const early = await create({ heldAt: '2026-03-02T08:00', notes: undefined });
    expect(late).toMatchObject({ intervieweeRole: '', department: '', siteId: null, auditorIds: [], itemIds: [] });
    expect(early.notes).toBe('');
    const list = value(await t.backend.call('interviews.list', { auditId: w.audit.id }));
    expect(list.map((i) => i.id)).toEqual([early.id, late.id]);
  });

  it('counts the attachments linked to each interview', async () => {
    const a = await create();
    const b = await create({ intervieweeName: 'Other' });
    insertEvidence(t.backend, { id: newId(), auditId: w.audit.id, sha: 'a'.repeat(64), name: 'one.jpg' }, [
      { type: 'interview', id: a.id },
    ]);
    insertEvidence(t.backend, { id: newId(), auditId: w.audit.id, sha: 'b'.repeat(64), name: 'two.jpg' }, [
      { type: 'interview', id: a.id },
      { type: 'audit', id: w.audit.id },
    ]);
    const list = value(await t.backend.call('interviews.list', { auditId: w.audit.id }));
    expect(list.map((i) => [i.id, i.attachmentCount])).toEqual([
      [a.id, 2],
      [b.id, 0],
    ]);
    const updated = value(await t.backend.call('interviews.update', { id: a.id, patch: { notes: 'More' } }));
    expect(updated.attachmentCount).toBe(2);
  });

  it('applies a patch: absent fields stay, given link lists replace the old ones', async () => {
    const [first, second, third] = w.items;
    const created = await create({ siteId: w.hq, auditorIds: [w.lead], itemIds: [first!.id, second!.id] });
    const keptLink = t.backend.db.prepare('SELECT * FROM interview_items WHERE item_id = ?').get(second!.id) as Record<
      string,
      unknown
    >;

    const notesOnly = value(
      await t.backend.call('interviews.update', {
        id: created.id,
        patch: { notes: 'Leavers keep access for 3 days.' },
      }),
    );
    expect(notesOnly).toEqual({ ...created, notes: 'Leavers keep access for 3 days.', updatedAt: notesOnly.updatedAt });
    expect(notesOnly.updatedAt > created.updatedAt).toBe(true);

    const relinked = value(
      await t.backend.call('interviews.update', {
        id: created.id,
        patch: { itemIds: [third!.id, second!.id], auditorIds: [] },
      }),
    );
    expect(relinked).toMatchObject({ itemIds: [second!.id, third!.id], auditorIds: [], siteId: w.hq });
    expect(relinked.updatedAt > notesOnly.updatedAt).toBe(true);
    // The link that stayed was not rewritten.
    expect(t.backend.db.prepare('SELECT * FROM interview_items WHERE item_id = ?').get(second!.id)).toEqual(keptLink);
    expect(linkRows('interview_auditors')).toEqual([]);

    const cleared = value(await t.backend.call('interviews.update', { id: created.id, patch: { siteId: null } }));
    expect(cleared).toMatchObject({ siteId: null, itemIds: [second!.id, third!.id], notes: notesOnly.notes });
  });

  it('does not stamp the row again when a patch changes nothing', async () => {
    const created = await create({ itemIds: [w.items[0]!.id] });
    const before = snapshot(t.backend.db);
    const same = value(
      await t.backend.call('interviews.update', {
        id: created.id,
        patch: { notes: created.notes, intervieweeName: ' Maria Keller ', itemIds: [w.items[0]!.id] },
      }),
    );
    expect(same).toEqual(created);
    expect(snapshot(t.backend.db)).toEqual(before);
  });

  it('deletes an interview with its links; attachments linked only to it go too', async () => {
    const gone = await create({ auditorIds: [w.lead], itemIds: [w.items[0]!.id] });
    const kept = await create({ intervieweeName: 'Someone else' });
    const onlyHere = newId();
    const shared = newId();
    insertEvidence(t.backend, { id: onlyHere, auditId: w.audit.id, sha: 'c'.repeat(64), name: 'whiteboard.jpg' }, [
      { type: 'interview', id: gone.id },
    ]);
    insertEvidence(t.backend, { id: shared, auditId: w.audit.id, sha: 'd'.repeat(64), name: 'policy.pdf' }, [
      { type: 'interview', id: gone.id },
      { type: 'interview', id: kept.id },
    ]);

    expect(value(await t.backend.call('interviews.delete', { id: gone.id }))).toEqual({ id: gone.id });

    const list = value(await t.backend.call('interviews.list', { auditId: w.audit.id }));
    expect(list.map((i) => [i.id, i.attachmentCount])).toEqual([[kept.id, 1]]);
    expect(linkRows('interview_items')).toEqual([]);
    expect(linkRows('interview_auditors')).toEqual([]);
    const evidence = t.backend.db.prepare('SELECT id FROM evidence').pluck().all();
    expect(evidence).toEqual([shared]);
    expect(t.backend.db.prepare('SELECT target_id FROM evidence_links').pluck().all()).toEqual([kept.id]);

    const again = await t.backend.call('interviews.delete', { id: gone.id });
    expect(again.ok ? 'ok' : again.error.code).toBe('not_found');
  });
});

describe('interviews: links must belong to the same audit', () => {
  const refused = async (op: Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
    const r = await op;
    expect(r.ok).toBe(false);
    return r.error!;
  };

  it("refuses requirements of another audit's checklist, naming the field and the count", async () => {
    const before = snapshot(t.backend.db);
    const error = await refused(
      t.backend.call('interviews.create', {
        auditId: w.audit.id,
        interview: interview({ itemIds: [w.items[0]!.id, w.secondItems[0]!.id, w.secondItems[1]!.id] }),
      }),
    );
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: "itemIds: 2 linked requirements are not in this audit's checklist.",
      issues: [
        { path: ['interview', 'itemIds', 1], message: expect.any(String) as string },
        { path: ['interview', 'itemIds', 2], message: expect.any(String) as string },
      ],
    });
    expect(snapshot(t.backend.db)).toEqual(before);
  });

  it("refuses a site outside the audit's scope, whether the client's own or another client's", async () => {
    for (const siteId of [w.plant, w.otherSiteId, newId()]) {
      const error = await refused(
        t.backend.call('interviews.create', { auditId: w.audit.id, interview: interview({ siteId }) }),
      );
      expect(error).toMatchObject({
        code: 'invalid_input',
        message: "siteId: this site is not in this audit's scope.",
      });
    }
    // The same site is fine for the audit that has it in scope.
    expect((await create({ siteId: w.plant }, w.second.id)).siteId).toBe(w.plant);
  });

  it("refuses auditors from another audit's team", async () => {
    const error = await refused(
      t.backend.call('interviews.create', {
        auditId: w.audit.id,
        interview: interview({ auditorIds: [w.lead, w.second.team[0]!.id] }),
      }),
    );
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: "auditorIds: 1 auditor is not on this audit's team.",
    });
  });

  it('checks the links of a patch against the interview’s own audit and changes nothing when refused', async () => {
    const created = await create({ itemIds: [w.items[0]!.id] });
    const before = snapshot(t.backend.db);
    const error = await refused(
      t.backend.call('interviews.update', {
        id: created.id,
        patch: { notes: 'changed', itemIds: [w.secondItems[0]!.id] },
      }),
    );
    expect(error.message).toBe("itemIds: 1 linked requirement is not in this audit's checklist.");
    const auditors = await refused(
      t.backend.call('interviews.update', { id: created.id, patch: { auditorIds: [w.second.team[1]!.id] } }),
    );
    expect(auditors.code).toBe('invalid_input');
    expect(snapshot(t.backend.db)).toEqual(before);
  });

  it('answers not_found for an unknown audit or interview', async () => {
    const noAudit = await refused(t.backend.call('interviews.create', { auditId: newId(), interview: interview() }));
    expect(noAudit.code).toBe('not_found');
    expect((await refused(t.backend.call('interviews.list', { auditId: newId() }))).code).toBe('not_found');
    const noInterview = await refused(t.backend.call('interviews.update', { id: newId(), patch: { notes: 'x' } }));
    expect(noInterview.code).toBe('not_found');
  });
});

describe('interviews of a closed audit', () => {
  it('can be read but not created, changed or deleted', async () => {
    const created = await create({ itemIds: [w.items[0]!.id] });
    await closeAudit(t.backend, w.audit.id);
    const before = snapshot(t.backend.db);
    const attempts = [
      t.backend.call('interviews.create', { auditId: w.audit.id, interview: interview() }),
      t.backend.call('interviews.update', { id: created.id, patch: { notes: 'late edit' } }),
      t.backend.call('interviews.delete', { id: created.id }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(r.ok ? 'ok' : r.error).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/closed audit/) as string,
      });
    }
    expect(snapshot(t.backend.db)).toEqual(before);
    expect(value(await t.backend.call('interviews.list', { auditId: w.audit.id }))).toEqual([created]);
  });
});
