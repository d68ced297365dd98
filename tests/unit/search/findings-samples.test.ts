import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reindexSearch } from '#core/sync/search-reindex';
import { value } from '../../helpers/backend';
import { recordsWorld, tempRecordsBackend } from '../records/world';

/**
 * Issue 19, defect 7: Ctrl+K found neither a finding ("NC-02", a word of its
 * statement) nor a sampled record. Migration 16 indexes both; the merge's
 * set-wise re-index (sync/search-reindex.ts) makes the same entries.
 */
let t: ReturnType<typeof tempRecordsBackend>;
let w: Awaited<ReturnType<typeof recordsWorld>>;
beforeEach(async () => {
  t = tempRecordsBackend();
  w = await recordsWorld(t.backend);
  // Findings are raised once an audit is under way.
  value(await t.backend.call('audits.setStatus', { id: w.audit.id, status: 'in_progress' }));
});
afterEach(() => t.cleanup());

const search = async (q: string, auditId?: string) =>
  value(await t.backend.call('search.query', { q, ...(auditId ? { auditId } : {}) }));
const kinds = async (q: string, kind: string) => (await search(q)).filter((h) => h.kind === kind);

const raise = async (statement: string, type: 'minor' | 'major' | 'ofi' = 'minor', auditId = w.audit.id) =>
  value(
    await t.backend.call('findings.create', {
      auditId,
      finding: {
        type,
        statement,
        evidenceText: 'Ticket CHG-88 had no approval.',
        raisedAt: '2026-03-03T10:00',
        itemIds: [(auditId === w.audit.id ? w.items : w.secondItems).find((i) => i.number === '5.15')!.id],
      },
      by: 'Lena',
    }),
  );
const issue = async (id: string) => value(await t.backend.call('findings.issue', { id, by: 'Lena' }));

/** Every search entry of findings and samples: kind, record, audit, title and body. */
const entries = () =>
  t.backend.db
    .prepare(
      `SELECT d.kind, d.record_id, d.audit_id, s.title, s.body FROM search_docs d JOIN search_index s ON s.rowid = d.rowid
       WHERE d.kind IN ('finding', 'sample') ORDER BY d.record_id`,
    )
    .all();

describe('findings in the search (issue 19, defect 7)', () => {
  it('finds an issued finding by its number, its prefixed number and a word of its statement; opens it', async () => {
    const draft = await raise('Supplier access is not reviewed after contract end.');
    // A draft has no number yet: found by its words, named a draft.
    const [d] = await kinds('supplier', 'finding');
    expect(d).toMatchObject({ recordId: draft.id, auditId: w.audit.id, title: 'Draft — Minor nonconformity' });
    expect(await kinds('NC-01', 'finding')).toEqual([]);

    await issue((await raise('Backups are never restored in a test.', 'major')).id);
    const f = await issue(draft.id);
    expect(f.number).toBe('NC-02');
    const byNumber = await search('NC-02');
    expect(byNumber[0]).toMatchObject({ kind: 'finding', recordId: f.id, title: 'ST2-NC-02 — Minor nonconformity' });
    // Where findings of several audits meet they are shown "ST2-NC-02": that form is found too.
    expect((await search('ST2-NC-02'))[0]?.recordId).toBe(f.id);
    expect((await kinds('NC-01', 'finding')).map((h) => h.title)).toEqual(['ST2-NC-01 — Major nonconformity']);
    // The statement and the objective evidence, with the word marked in the snippet.
    const [byWord] = await kinds('contract', 'finding');
    expect(byWord?.recordId).toBe(f.id);
    expect(byWord?.snippet).toContain('\u0002contract\u0003');
    expect((await kinds('CHG-88', 'finding')).length).toBe(2);
    // The audit's filter holds: the other audit has none.
    expect((await search('supplier', w.second.id)).filter((h) => h.kind === 'finding')).toEqual([]);
  });

  it('follows an edit of the statement, a regrade and a deletion', async () => {
    const f = await raise('Visitors are not escorted.');
    value(
      await t.backend.call('findings.update', { id: f.id, patch: { statement: 'Badges are shared.' }, by: 'Lena' }),
    );
    expect(await kinds('escorted', 'finding')).toEqual([]);
    expect((await kinds('badges', 'finding'))[0]?.recordId).toBe(f.id);
    value(await t.backend.call('findings.update', { id: f.id, patch: { type: 'ofi' }, by: 'Lena' }));
    expect((await kinds('improvement', 'finding'))[0]?.title).toBe('Draft — Opportunity for improvement');
    value(await t.backend.call('findings.delete', { id: f.id }));
    expect(await kinds('badges', 'finding')).toEqual([]);
    expect(entries()).toEqual([]);
  });
});

describe('sampled records in the search (issue 19, defect 7)', () => {
  const sample = async (samples: { identifier: string; description: string }[], number = '8.13') => {
    const item = w.items.find((i) => i.number === number)!;
    const saved = value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { samples }, by: 'Lena' }));
    return { item, saved };
  };

  it('finds a sample by its identifier or description; the hit opens its checklist item', async () => {
    const { item } = await sample([
      { identifier: 'INV-20417', description: 'Restore test of the payroll database' },
      { identifier: 'INV-20533', description: 'Tape rotation log, March' },
    ]);
    const [hit] = await search('INV-20417');
    expect(hit).toMatchObject({ kind: 'sample', auditId: w.audit.id, itemId: item.id });
    expect(hit?.title).toBe(`Sample INV-20417 — A.8.13 ${item.title}`);
    expect((await kinds('payroll', 'sample')).map((h) => h.itemId)).toEqual([item.id]);
    expect((await kinds('INV', 'sample')).length).toBe(2);
  });

  it('follows a changed, removed and cascaded sample', async () => {
    const { item } = await sample([{ identifier: 'HR-7', description: 'Leaver checklist' }]);
    const id = value(await t.backend.call('checklist.get', { auditId: w.audit.id })).items.find(
      (i) => i.id === item.id,
    )!.samples[0]!.id;
    value(
      await t.backend.call('checklist.updateItem', {
        id: item.id,
        patch: { samples: [{ id, identifier: 'HR-8', description: 'Joiner checklist' }] },
        by: 'Lena',
      }),
    );
    expect(await kinds('leaver', 'sample')).toEqual([]);
    expect((await kinds('HR-8', 'sample'))[0]?.recordId).toBe(id);
    value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { samples: [] }, by: 'Lena' }));
    expect(await kinds('joiner', 'sample')).toEqual([]);

    // Deleting the audit (a merge can) cascades to its items, samples and findings: their entries go too.
    await sample([{ identifier: 'HR-9', description: 'Mover' }]);
    await raise('Movers keep old rights.');
    expect(entries()).toHaveLength(2);
    t.backend.db.prepare('DELETE FROM audits WHERE id = ?').run(w.audit.id);
    expect(entries()).toEqual([]);
    expect(t.backend.db.prepare('SELECT count(*) FROM search_docs WHERE audit_id = ?').pluck().get(w.audit.id)).toBe(0);
  });
});

describe("the merge's set-wise re-index (sync/search-reindex.ts)", () => {
  it("makes the entries migration 16's triggers make, and re-titles findings when the audit's type changes", async () => {
    const f = await issue((await raise('Logs are kept for 7 days only.')).id);
    await raise('A draft with no number.', 'ofi');
    await sample([{ identifier: 'LOG-3', description: 'SIEM retention setting' }]);
    const byTriggers = entries();
    expect(byTriggers).toHaveLength(3);

    const db = t.backend.db;
    const ids = (sql: string) => db.prepare(sql).pluck().all() as string[];
    const written = new Map([
      ['findings', ids('SELECT id FROM findings')],
      ['checklist_samples', ids('SELECT id FROM checklist_samples')],
    ]);
    db.transaction(() => {
      db.exec(
        "DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_docs WHERE kind IN ('finding', 'sample'))",
      );
      db.exec("DELETE FROM search_docs WHERE kind IN ('finding', 'sample')");
      reindexSearch(db, written);
    })();
    expect(entries()).toEqual(byTriggers);

    // A surveillance audit's findings read "SV1-NC-01": the trigger and the re-index agree after a type change.
    db.prepare("UPDATE audits SET type = 'surveillance1' WHERE id = ?").run(w.audit.id);
    expect((await search('SV1-NC-01'))[0]?.recordId).toBe(f.id);
    const afterTrigger = entries();
    db.transaction(() => {
      db.exec(
        "UPDATE search_index SET title = 'stale' WHERE rowid IN (SELECT rowid FROM search_docs WHERE kind = 'finding')",
      );
      reindexSearch(db, new Map([['audits', [w.audit.id]]]));
    })();
    expect(entries()).toEqual(afterTrigger);
  });

  async function sample(samples: { identifier: string; description: string }[]) {
    const item = w.items.find((i) => i.number === '8.15')!;
    value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { samples }, by: 'Lena' }));
  }
});
