import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInterview } from '#core/repos/records/interviews';
import type { SearchHit, SearchPageQuery } from '#shared/domain/search';
import { value } from '../../helpers/backend';
import { recordsWorld, repoContext, tempRecordsBackend } from '../records/world';

/**
 * search.page: the palette's results a page at a time. Paged any way, it lists
 * what search.query ranks, in the same order, each hit once; it counts the
 * matches on the first page, no further than the ranked window.
 */
let t: ReturnType<typeof tempRecordsBackend>;
let w: Awaited<ReturnType<typeof recordsWorld>>;

/** Notes that rank differently: "valve" once or several times, in short and long notes; some exactly alike (ties). */
function notes(i: number): string {
  const valves = Array.from({ length: 1 + (i % 4) }, () => 'valve').join(' ');
  const filler = 'the pressure was logged by the shift lead'.repeat(1 + (i % 3));
  return i % 5 === 0 ? 'Pneumatic valve inspected.' : `${valves} ${filler} ${i % 7 === 0 ? 'gasket' : ''}`;
}

beforeAll(async () => {
  t = tempRecordsBackend();
  w = await recordsWorld(t.backend);
  // Written in one transaction through the repository (the index triggers run as for the API): 2,030 records,
  // so a common word matches more than the 2,000 the ranking looks at.
  const ctx = repoContext(t.backend, t.dataDir);
  t.backend.db
    .transaction(() => {
      for (let i = 0; i < 2030; i++) {
        createInterview(ctx, i % 3 === 0 ? w.second.id : w.audit.id, {
          intervieweeName: i % 11 === 0 ? 'Valverde Ruiz' : 'Maria Keller',
          intervieweeRole: '',
          department: '',
          siteId: null,
          heldAt: '2026-03-02T12:00',
          auditorIds: [],
          itemIds: [],
          notes: i < 2010 ? `Common words. ${notes(i)}` : 'Nothing special.',
        });
      }
    })
    .immediate();
}, 300_000);
afterAll(() => t.cleanup());

async function allPages(q: Omit<SearchPageQuery, 'after' | 'limit'>, limit: number) {
  const hits: SearchHit[] = [];
  const firsts: { total: number | null; beyond: boolean | null }[] = [];
  let after: string | undefined;
  for (;;) {
    const p = value(await t.backend.call('search.page', { ...q, limit, ...(after ? { after } : {}) }));
    expect(p.rows.length).toBeLessThanOrEqual(limit);
    hits.push(...p.rows);
    firsts.push({ total: p.total, beyond: p.beyond });
    if (p.next === null) break;
    if (hits.length > 3000) throw new Error('paging did not end');
    after = p.next;
  }
  return { hits, firsts };
}

const key = (h: SearchHit) => `${h.kind}:${h.recordId}`;

describe('search.page', () => {
  it('pages through exactly what search.query ranks, in its order, each hit once, the count on the first page', async () => {
    for (const q of [{ q: 'gasket' }, { q: 'valve' }, { q: 'valv', auditId: w.second.id }, { q: 'pneumatic valve' }]) {
      const ranked = value(await t.backend.call('search.query', { ...q, limit: 100 }));
      expect(ranked.length, JSON.stringify(q)).toBeGreaterThan(20);
      for (const limit of [7, 30]) {
        const { hits, firsts } = await allPages(q, limit);
        // search.query answers at most 100: beyond those, the pages go on.
        expect(hits.slice(0, ranked.length), JSON.stringify(q)).toEqual(ranked);
        if (ranked.length < 100) expect(hits).toHaveLength(ranked.length);
        expect(new Set(hits.map(key)).size).toBe(hits.length);
        expect(firsts[0]!.total, JSON.stringify(q)).toBe(hits.length);
        expect(firsts.slice(1).every((f) => f.total === null && f.beyond === null)).toBe(true);
        if (q.auditId) expect(hits.every((h) => h.auditId === q.auditId)).toBe(true);
      }
    }
  }, 300_000);

  it('says when more records match than are ranked, and pages through the ranked ones', async () => {
    // "common" is in 2,010 records: the newest 2,000 are ranked and paged.
    const { hits, firsts } = await allPages({ q: 'common' }, 100);
    expect(firsts[0]).toEqual({ total: 2000, beyond: true });
    expect(hits).toHaveLength(2000);
    expect(new Set(hits.map(key)).size).toBe(2000);
    const { firsts: few } = await allPages({ q: 'gasket' }, 100);
    expect(few[0]!.beyond).toBe(false);
  }, 300_000);

  it('answers an empty first page, counted, for nothing searchable or nothing found', async () => {
    for (const q of ['***', 'zzyzx']) {
      expect(value(await t.backend.call('search.page', { q }))).toEqual({
        rows: [],
        next: null,
        total: 0,
        beyond: false,
      });
    }
  });
});
