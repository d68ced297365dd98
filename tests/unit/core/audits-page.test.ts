import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditListQuery, AuditPageQuery, AuditSummary } from '#shared/domain/audit';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

/**
 * audits.page against a few hundred audits (tens of thousands of checklist
 * rows) made through the API: each filter pages to what the full list
 * (audits.list) finds, in its order, and paging visits each audit once while
 * audits are added.
 */
let t: ReturnType<typeof tempBackend>;
const clientIds: string[] = [];

const TYPES = ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification'] as const;

beforeAll(async () => {
  t = tempBackend();
  for (const name of ['Acme Ltd', 'Zenith plc', 'Borealis AG', 'Quartz BV']) {
    clientIds.push(value(await t.backend.call('clients.create', { ...sampleClient(), name })).id);
  }
  for (let i = 0; i < 240; i++) {
    // Several audits share each start date: the id breaks the tie.
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 3) * 17 * 86_400_000).toISOString().slice(0, 10);
    const a = value(
      await t.backend.call('audits.create', {
        ...sampleAudit(clientIds[i % clientIds.length]!),
        type: TYPES[i % TYPES.length]!,
        scope: i % 7 === 0 ? 'Payroll services' : 'Hosting',
        startDate: day,
        endDate: day,
      }),
    );
    if (i % 2 === 0) value(await t.backend.call('audits.setStatus', { id: a.id, status: 'in_progress' }));
  }
}, 600_000);
afterAll(() => t.cleanup());

async function allPages(q: AuditPageQuery, limit: number, between?: () => Promise<void>) {
  const rows: AuditSummary[] = [];
  const totals: (number | null)[] = [];
  let after: string | undefined;
  for (;;) {
    const p = value(await t.backend.call('audits.page', { ...q, limit, ...(after ? { after } : {}) }));
    expect(p.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...p.rows);
    totals.push(p.total);
    if (p.next === null) break;
    // A position that does not move on would page forever: fail instead.
    if (rows.length > 1000) throw new Error(`paging did not end after ${rows.length} rows`);
    after = p.next;
    await between?.();
  }
  return { rows, totals };
}

/** The full list's answer, in the page's tie order (the id, the same way as the date). */
async function listed(q: AuditListQuery, clientId?: string) {
  const all = value(await t.backend.call('audits.list', q)).filter((a) => !clientId || a.clientId === clientId);
  return all.map((a) => a.id);
}

describe('audits.page', () => {
  it('each filter and sort pages to what the full list finds, in its order', async () => {
    const cases: [AuditListQuery, string?][] = [
      [{}],
      [{ sort: 'start_asc' }],
      [{ status: 'in_progress' }],
      [{ type: 'stage2', sort: 'start_asc' }],
      [{ search: 'payroll' }],
      [{ search: 'ZENITH' }],
      [{}, clientIds[1]],
      [{ status: 'planned', sort: 'start_asc' }, clientIds[1]],
    ];
    for (const [q, clientId] of cases) {
      const expected = await listed(q, clientId);
      const label = JSON.stringify({ ...q, clientId });
      expect(expected.length, label).toBeGreaterThan(0);
      const { rows, totals } = await allPages({ ...q, ...(clientId ? { clientId } : {}) }, 37);
      expect(
        rows.map((r) => r.id),
        label,
      ).toEqual(expected);
      expect(totals[0], label).toBe(expected.length);
      expect(totals.slice(1).every((n) => n === null)).toBe(true);
    }
  }, 300_000);

  it('answers rows as the full list does', async () => {
    const full = value(await t.backend.call('audits.list', {}));
    const { rows } = await allPages({}, 200);
    expect(rows).toEqual(full);
  });

  it('visits every audit exactly once while audits are added between pages', async () => {
    const before = await listed({});
    const added: string[] = [];
    let n = 0;
    const { rows } = await allPages({ sort: 'start_asc' }, 23, async () => {
      // Dates across the whole range: some land behind the page already read, some ahead.
      const day = `20${20 + (n++ % 8)}-06-01`;
      const a = value(
        await t.backend.call('audits.create', { ...sampleAudit(clientIds[0]!), startDate: day, endDate: day }),
      );
      added.push(a.id);
    });
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.includes(id))).toEqual([...before].reverse());
    expect(ids.every((id) => before.includes(id) || added.includes(id))).toBe(true);
    expect(added.length).toBeGreaterThan(5);
  }, 300_000);

  it('refuses a list position it did not give', async () => {
    const r = await t.backend.call('audits.page', { after: '{"start":1}' });
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid_input');
  });
});
