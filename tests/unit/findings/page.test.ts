import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '#core/backend';
import { formatRequirementRef } from '#shared/domain/requirement-ref';
import { findingPage } from '#core/repos/findings/page';
import { FindingPageQuery, type FindingListQuery, type FindingListRow, type FindingType } from '#shared/domain/finding';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';
import { findingsBackend, findingsWorld, minorNc, response, type FindingsWorld } from './world';

/**
 * findings.page against a few thousand findings made through the API: every
 * filter answered in SQL finds what the full list (findings.list) finds, "overdue"
 * what each finding's own flag says, and paging visits each finding once while
 * others are added.
 */
const TODAY = '2026-09-01';

let t: ReturnType<typeof findingsBackend>;
let w: FindingsWorld;
let audits: { id: string; clientId: string; items: { id: string; ref: string }[] }[];

async function seed(backend: Backend) {
  w = await findingsWorld(backend);
  const third = value(await backend.call('clients.create', { ...sampleClient(), name: 'Third GmbH' }));
  // Start dates from 2025 to 2027, two audits sharing one (their ids break the tie).
  const starts = ['2025-05-05', '2025-11-10', '2026-03-02', '2026-03-02', '2026-06-15', '2027-01-11'];
  const extra = [];
  for (const [i, startDate] of starts.entries()) {
    const clientId = [w.client.id, w.other.id, third.id][i % 3]!;
    const a = value(await backend.call('audits.create', { ...sampleAudit(clientId), startDate, endDate: startDate }));
    value(await backend.call('audits.setStatus', { id: a.id, status: 'in_progress' }));
    extra.push(a);
  }
  audits = [];
  for (const a of [w.audit, w.second, w.foreign, ...extra]) {
    const items = value(await backend.call('checklist.get', { auditId: a.id })).items;
    audits.push({ id: a.id, clientId: a.clientId, items });
  }
  const types: FindingType[] = ['minor', 'major', 'ofi', 'positive', 'minor'];
  for (let i = 0; i < 2400; i++) {
    const audit = audits[i % audits.length]!;
    const item = audit.items[(i * 7) % audit.items.length]!;
    const type = types[i % types.length]!;
    const f = value(
      await backend.call('findings.create', {
        auditId: audit.id,
        finding: minorNc(w, {
          type,
          itemIds: [item.id],
          siteId: null,
          statement: `Finding ${i}: ${'x'.repeat(i % 400)}`,
        }),
        by: 'Lena',
      }),
    );
    // The round through the audits, independent of the audit and the type, decides how far it goes.
    const round = Math.floor(i / audits.length);
    if (round % 3 === 0) continue; // a draft
    value(await backend.call('findings.issue', { id: f.id, by: 'Lena' }));
    if (type !== 'minor' && type !== 'major') continue;
    if (round % 4 === 1) value(await backend.call('findings.respond', { id: f.id, response: response(), by: 'Lena' }));
    if (round % 8 === 1)
      value(await backend.call('findings.decideResponse', { id: f.id, decision: 'accepted', by: 'L' }));
  }
}

beforeAll(async () => {
  t = findingsBackend();
  await seed(t.backend);
}, 600_000);
afterAll(() => t.cleanup());

const page = async (q: FindingPageQuery) => value(await t.backend.call('findings.page', q));

/** Every page of `q`, `limit` rows at a time; `between` runs after each page. */
async function allPages(
  q: Omit<FindingPageQuery, 'today'>,
  limit: number,
  between?: () => Promise<void>,
  today = TODAY,
) {
  const rows: FindingListRow[] = [];
  const totals: (number | null)[] = [];
  let after: string | undefined;
  for (;;) {
    const p = await page({ ...q, today, limit, ...(after ? { after } : {}) });
    expect(p.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...p.rows);
    totals.push(p.total);
    if (p.next === null) break;
    // A position that does not move on would page forever: fail instead.
    if (rows.length > 5000) throw new Error(`paging did not end after ${rows.length} rows`);
    after = p.next;
    await between?.();
  }
  return { rows, totals };
}

/**
 * The full list's answer on TODAY (its overdue flag follows the backend's clock).
 * Its "overdue" filter is SQL shared with findings.page, so the answer is also
 * checked against the list without that filter, kept by each finding's own
 * flag (isOverdue() in JavaScript).
 */
async function listed(q: FindingListQuery, today = TODAY) {
  t.clock.setDay(today);
  const answer = value(await t.backend.call('findings.list', q));
  if (q.overdue !== undefined) {
    const { overdue, ...rest } = q;
    const flagged = value(await t.backend.call('findings.list', rest)).filter((f) => f.overdue === overdue);
    expect(
      answer.map((f) => f.id),
      JSON.stringify(q),
    ).toEqual(flagged.map((f) => f.id));
  }
  return answer;
}

describe('findings.page', () => {
  it('each filter finds, page after page, exactly what the full list finds', async () => {
    const reqAudit = audits[3]!;
    const cases: FindingListQuery[] = [
      {},
      { auditId: reqAudit.id },
      { clientId: w.other.id },
      { status: ['open'] },
      { status: ['draft', 'response_accepted'] },
      { type: ['major'] },
      { type: ['ofi', 'positive'], status: ['open'] },
      { requirement: '8.1' },
      { requirement: 'a.5' },
      { requirement: '8' },
      { requirement: '5.15' },
      { overdue: true },
      { overdue: false, type: ['minor'] },
      { overdue: true, clientId: w.client.id, status: ['response_accepted'] },
    ];
    for (const q of cases) {
      const expected = (await listed(q)).map((f) => f.id).sort();
      if (q.requirement !== '5.15') expect(expected.length, JSON.stringify(q)).toBeGreaterThan(0);
      const { rows, totals } = await allPages(q, 173);
      expect(rows.map((r) => r.id).sort(), JSON.stringify(q)).toEqual(expected);
      expect(totals[0], JSON.stringify(q)).toBe(expected.length);
      expect(totals.slice(1).every((n) => n === null)).toBe(true);
    }
  }, 300_000);

  // A requirement many findings cite is tested on each finding of the walk, one few cite is found
  // through its items (walkShare decides); each way, page after page, finds what the full list finds.
  it('a requirement finds the same findings tested on each finding or found through its items', async () => {
    const cases: FindingListQuery[] = [
      { requirement: 'a.5' },
      { requirement: '8' },
      { requirement: '8.1', status: ['open'] },
      { requirement: 'A.5', overdue: true },
    ];
    for (const q of cases) {
      const expected = (await listed(q)).map((f) => f.id).sort();
      expect(expected.length, JSON.stringify(q)).toBeGreaterThan(0);
      for (const walkShare of [1, Number.MAX_SAFE_INTEGER]) {
        const ids: string[] = [];
        let after: string | undefined;
        let total: number | null = null;
        do {
          const query = FindingPageQuery.parse({ ...q, today: TODAY, limit: 97, ...(after ? { after } : {}) });
          const p = findingPage(t.backend.context, query, { walkShare });
          total ??= p.total;
          ids.push(...p.rows.map((r) => r.id));
          after = p.next ?? undefined;
        } while (after);
        expect(ids.sort(), `${JSON.stringify(q)} walkShare ${walkShare}`).toEqual(expected);
        expect(total, JSON.stringify(q)).toBe(expected.length);
      }
    }
  }, 300_000);

  it('a response is late the day after it is due, not on the day', async () => {
    // Majors of the 2–4 March 2026 audit are due on 3 April, minors on 2 June.
    for (const day of ['2026-04-03', '2026-04-04', '2026-06-02', '2026-06-03']) {
      const expected = (await listed({ overdue: true }, day)).map((f) => f.id).sort();
      const { rows } = await allPages({ overdue: true }, 200, undefined, day);
      expect(rows.map((r) => r.id).sort(), day).toEqual(expected);
    }
    const late = async (day: string) => (await listed({ overdue: true, auditId: w.audit.id }, day)).length;
    expect(await late('2026-04-04')).toBeGreaterThan(await late('2026-04-03'));
    expect(await late('2026-06-03')).toBeGreaterThan(await late('2026-06-02'));
  }, 300_000);

  it('each row carries what the full list says of that finding, the statement cut short', async () => {
    const full = new Map((await listed({})).map((f) => [f.id, f]));
    const { rows } = await allPages({}, 200);
    expect(rows).toHaveLength(full.size);
    expect(rows.some((r) => r.overdue)).toBe(true);
    expect(rows.some((r) => r.needsNewStage2)).toBe(true);
    for (const r of rows) {
      const f = full.get(r.id)!;
      expect(r).toEqual({
        id: f.id,
        auditId: f.auditId,
        number: f.number,
        type: f.type,
        status: f.status,
        statement: f.statement.slice(0, 160),
        requirements: f.requirements.map(formatRequirementRef),
        responseDue: f.responseDue,
        overdue: f.overdue,
        needsNewStage2: f.needsNewStage2,
        auditType: f.auditType,
        auditStartDate: f.auditStartDate,
        clientId: f.clientId,
        clientName: f.clientName,
      });
    }
    // The largest page, statements at their longest, stays far under 1 MB.
    const longest = Math.max(...[...full.values()].map((f) => f.statement.length));
    expect(longest).toBeGreaterThan(400);
    expect(JSON.stringify(await page({ today: TODAY, limit: 200 })).length).toBeLessThan(200_000);
  }, 300_000);

  it('orders by audit start date, newest first, then by number within an audit, drafts last', async () => {
    const { rows } = await allPages({}, 150);
    const series = (n: string) => [n.slice(0, n.indexOf('-')), Number(n.slice(n.indexOf('-') + 1))] as const;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      if (a.auditStartDate !== b.auditStartDate) {
        expect(a.auditStartDate > b.auditStartDate).toBe(true);
        continue;
      }
      if (a.auditId !== b.auditId) {
        expect(a.auditId > b.auditId).toBe(true);
        continue;
      }
      if (a.number === null) {
        expect(b.number).toBeNull();
        continue;
      }
      if (b.number === null) continue;
      const [[sa, na], [sb, nb]] = [series(a.number), series(b.number)];
      expect(sa < sb || (sa === sb && na < nb), `${a.number} before ${b.number}`).toBe(true);
    }
    // NC-100 comes after NC-99 (a text sort would put it after NC-10).
    const numbers = rows.filter((r) => r.auditId === audits[0]!.id).map((r) => r.number);
    expect(numbers.indexOf('NC-100')).toBe(numbers.indexOf('NC-99') + 1);
  }, 300_000);

  it('visits every finding exactly once while findings are added between pages', async () => {
    const before = new Set((await listed({})).map((f) => f.id));
    let n = 0;
    const added: string[] = [];
    const { rows } = await allPages({}, 97, async () => {
      // One finding in each audit in turn: some land before the current page, some after.
      const audit = audits[n++ % audits.length]!;
      const f = value(
        await t.backend.call('findings.create', {
          auditId: audit.id,
          finding: minorNc(w, { itemIds: [audit.items[0]!.id], siteId: null, statement: `Added ${n}` }),
          by: 'Lena',
        }),
      );
      added.push(f.id);
      if (n % 2 === 0) value(await t.backend.call('findings.issue', { id: f.id, by: 'Lena' }));
    });
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.has(id)).sort()).toEqual([...before].sort());
    expect(ids.every((id) => before.has(id) || added.includes(id))).toBe(true);
    expect(added.length).toBeGreaterThan(20);
  }, 300_000);

  it('refuses a list position it did not give', async () => {
    for (const after of ['not json', '["2026-01-01"]', '[1,2,3,4,5,6,7]']) {
      const r = await t.backend.call('findings.page', { today: TODAY, after });
      expect(r.ok ? 'ok' : r.error.code).toBe('invalid_input');
    }
  });
});
