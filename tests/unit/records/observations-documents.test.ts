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

const observation = (over: Record<string, unknown> = {}) => ({
  location: 'Server room, 2nd floor',
  observedAt: '2026-03-02T11:15',
  description: 'Door propped open with a chair; badge reader bypassed.',
  ...over,
});
const document = (over: Record<string, unknown> = {}) => ({
  title: 'Access Control Policy',
  identifier: 'POL-07',
  revision: '3',
  documentDate: '2025-11-30',
  owner: 'CISO',
  notes: 'Approved by management; review cycle annual.',
  ...over,
});

const failure = (r: { ok: boolean; error?: { code: string; message: string } }) => {
  expect(r.ok).toBe(false);
  return r.error!;
};

describe('observations', () => {
  it('round-trips, lists in the order made, patches and deletes', async () => {
    const [first, second] = w.items;
    const later = value(
      await t.backend.call('observations.create', {
        auditId: w.audit.id,
        observation: observation({ siteId: w.hq, itemIds: [second!.id, first!.id] }),
      }),
    );
    expect(later).toEqual({
      id: expect.any(String) as string,
      auditId: w.audit.id,
      siteId: w.hq,
      location: 'Server room, 2nd floor',
      observedAt: '2026-03-02T11:15',
      description: 'Door propped open with a chair; badge reader bypassed.',
      itemIds: [first!.id, second!.id],
      attachmentCount: 0,
      createdAt: expect.any(String) as string,
      updatedAt: later.createdAt,
    });
    const earlier = value(
      await t.backend.call('observations.create', {
        auditId: w.audit.id,
        observation: { observedAt: '2026-03-02T08:00', description: 'Clean desks in finance.' },
      }),
    );
    expect(earlier).toMatchObject({ siteId: null, location: '', itemIds: [] });
    const list = value(await t.backend.call('observations.list', { auditId: w.audit.id }));
    expect(list.map((o) => o.id)).toEqual([earlier.id, later.id]);

    const patched = value(
      await t.backend.call('observations.update', { id: later.id, patch: { description: 'Door closed on re-visit.' } }),
    );
    expect(patched).toEqual({ ...later, description: 'Door closed on re-visit.', updatedAt: patched.updatedAt });
    expect(patched.updatedAt > later.updatedAt).toBe(true);
    const relinked = value(
      await t.backend.call('observations.update', { id: later.id, patch: { itemIds: [second!.id] } }),
    );
    expect(relinked).toMatchObject({ itemIds: [second!.id], description: 'Door closed on re-visit.', siteId: w.hq });

    const photo = newId();
    insertEvidence(t.backend, { id: photo, auditId: w.audit.id, sha: 'e'.repeat(64), name: 'door.jpg' }, [
      { type: 'observation', id: later.id },
    ]);
    expect(value(await t.backend.call('observations.list', { auditId: w.audit.id }))[1]!.attachmentCount).toBe(1);
    value(await t.backend.call('observations.delete', { id: later.id }));
    expect(value(await t.backend.call('observations.list', { auditId: w.audit.id }))).toEqual([earlier]);
    expect(t.backend.db.prepare('SELECT count(*) FROM observation_items').pluck().get()).toBe(0);
    expect(t.backend.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(0);
  });

  it('refuses a blank description, foreign links, unknown ids and a closed audit', async () => {
    const created = value(
      await t.backend.call('observations.create', { auditId: w.audit.id, observation: observation() }),
    );
    const before = snapshot(t.backend.db);
    const blank = failure(
      await t.backend.call('observations.update', { id: created.id, patch: { description: '   ' } }),
    );
    expect(blank.code).toBe('invalid_input');
    const foreign = failure(
      await t.backend.call('observations.create', {
        auditId: w.audit.id,
        observation: observation({ itemIds: [w.secondItems[3]!.id] }),
      }),
    );
    expect(foreign.message).toBe("itemIds: 1 linked requirement is not in this audit's checklist.");
    const site = failure(
      await t.backend.call('observations.update', { id: created.id, patch: { siteId: w.otherSiteId } }),
    );
    expect(site.message).toBe("siteId: this site is not in this audit's scope.");
    expect(failure(await t.backend.call('observations.delete', { id: newId() })).code).toBe('not_found');
    expect(snapshot(t.backend.db)).toEqual(before);

    await closeAudit(t.backend, w.audit.id);
    const closed = failure(
      await t.backend.call('observations.update', { id: created.id, patch: { location: 'Lobby' } }),
    );
    expect(closed.code).toBe('conflict');
    expect(failure(await t.backend.call('observations.delete', { id: created.id })).code).toBe('conflict');
    const add = await t.backend.call('observations.create', { auditId: w.audit.id, observation: observation() });
    expect(failure(add).code).toBe('conflict');
  });
});

describe('documents reviewed', () => {
  it('round-trips, patches (absent fields stay) and deletes', async () => {
    const [first, , third] = w.items;
    const created = value(
      await t.backend.call('documents.create', {
        auditId: w.audit.id,
        document: document({ itemIds: [third!.id, first!.id] }),
      }),
    );
    expect(created).toEqual({
      id: expect.any(String) as string,
      auditId: w.audit.id,
      title: 'Access Control Policy',
      identifier: 'POL-07',
      revision: '3',
      documentDate: '2025-11-30',
      owner: 'CISO',
      itemIds: [first!.id, third!.id],
      notes: 'Approved by management; review cycle annual.',
      createdAt: expect.any(String) as string,
      updatedAt: created.createdAt,
    });
    const minimal = value(
      await t.backend.call('documents.create', { auditId: w.audit.id, document: { title: 'Asset register' } }),
    );
    expect(minimal).toMatchObject({ identifier: '', revision: '', documentDate: null, owner: '', notes: '' });
    // Recorded order: the asset register came second.
    const list = value(await t.backend.call('documents.list', { auditId: w.audit.id }));
    expect(list.map((d) => d.id)).toEqual([created.id, minimal.id]);

    const revised = value(
      await t.backend.call('documents.update', { id: created.id, patch: { revision: '4', documentDate: null } }),
    );
    expect(revised).toEqual({ ...created, revision: '4', documentDate: null, updatedAt: revised.updatedAt });
    const unlinked = value(await t.backend.call('documents.update', { id: created.id, patch: { itemIds: [] } }));
    expect(unlinked).toMatchObject({ itemIds: [], revision: '4', notes: created.notes });

    value(await t.backend.call('documents.delete', { id: created.id }));
    expect(value(await t.backend.call('documents.list', { auditId: w.audit.id }))).toEqual([minimal]);
  });

  it('refuses an impossible date, a blank title, foreign links and a closed audit', async () => {
    const created = value(await t.backend.call('documents.create', { auditId: w.audit.id, document: document() }));
    const before = snapshot(t.backend.db);
    const date = failure(
      await t.backend.call('documents.update', { id: created.id, patch: { documentDate: '2026-02-30' } }),
    );
    expect(date.code).toBe('invalid_input');
    expect(failure(await t.backend.call('documents.update', { id: created.id, patch: { title: '' } })).code).toBe(
      'invalid_input',
    );
    const foreign = failure(
      await t.backend.call('documents.update', {
        id: created.id,
        patch: { itemIds: w.secondItems.slice(0, 3).map((i) => i.id) },
      }),
    );
    expect(foreign.message).toBe("itemIds: 3 linked requirements are not in this audit's checklist.");
    expect(snapshot(t.backend.db)).toEqual(before);

    await closeAudit(t.backend, w.audit.id);
    const add = await t.backend.call('documents.create', { auditId: w.audit.id, document: document() });
    expect(failure(add).code).toBe('conflict');
    expect(failure(await t.backend.call('documents.delete', { id: created.id })).code).toBe('conflict');
    expect(value(await t.backend.call('documents.list', { auditId: w.audit.id }))).toEqual([created]);
  });
});
