import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NC_LIST_COLUMNS, ncListRows } from '#core/export/nc-list';
import { reportOrder } from '#core/export/report/collect-findings';
import { value } from '../../helpers/backend';
import { createFinding, findingsBackend, findingsWorld, issued, type FindingsWorld } from './world';

let t: ReturnType<typeof findingsBackend>;
let w: FindingsWorld;
beforeEach(async () => {
  t = findingsBackend();
  w = await findingsWorld(t.backend);
});
afterEach(() => t.cleanup());

const issue = async (id: string) => value(await t.backend.call('findings.issue', { id, by: 'Lena' }));

describe('numbering per audit and series', () => {
  it('numbers NCs (major and minor together), OFIs and good practice in their own series', async () => {
    const a = await issued(t.backend, w);
    const b = await issued(t.backend, w, { type: 'major' });
    const c = await issued(t.backend, w, { type: 'ofi' });
    const d = await issued(t.backend, w, { type: 'positive', evidenceText: '' });
    expect([a.number, b.number, c.number, d.number]).toEqual(['NC-01', 'NC-02', 'OFI-01', 'GP-01']);
    expect(a).toMatchObject({ status: 'open', issuedAt: expect.any(String) as string });
    // Numbers start again in another audit.
    const other = value(
      await t.backend.call('findings.create', {
        auditId: w.second.id,
        finding: { type: 'ofi', statement: 'Could automate reviews', raisedAt: '2027-02-01T10:00' },
        by: 'Lena',
      }),
    );
    expect((await issue(other.id)).number).toBe('OFI-01');
  });

  it('a deleted draft never had a number, and drafts are numbered in the order they are issued', async () => {
    const first = await createFinding(t.backend, w);
    const gone = await createFinding(t.backend, w);
    const third = await createFinding(t.backend, w);
    expect(first.number).toBeNull();
    value(await t.backend.call('findings.delete', { id: gone.id }));
    expect((await issue(third.id)).number).toBe('NC-01');
    expect((await issue(first.id)).number).toBe('NC-02');
    expect(t.backend.db.prepare('SELECT series, last FROM finding_counters').all()).toEqual([
      { series: 'NC', last: 2 },
    ]);
  });

  it('keeps the number through a regrade from minor to major', async () => {
    const a = await issued(t.backend, w);
    const b = await issued(t.backend, w);
    const regraded = value(await t.backend.call('findings.update', { id: a.id, patch: { type: 'major' }, by: 'Lena' }));
    expect(regraded).toMatchObject({ number: 'NC-01', type: 'major' });
    const next = await issued(t.backend, w);
    expect([b.number, next.number]).toEqual(['NC-02', 'NC-03']);
  });

  it('issues a finding once: a second issue is refused and takes no number', async () => {
    await issued(t.backend, w);
    const draft = await createFinding(t.backend, w);
    expect((await issue(draft.id)).number).toBe('NC-02');
    const r = await t.backend.call('findings.issue', { id: draft.id, by: 'Lena' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'This finding is already issued as NC-02.' },
    });
    expect(t.backend.db.prepare('SELECT last FROM finding_counters').pluck().all()).toEqual([2]);
  });

  it('orders numbers past 99 numerically in the list, the NC list and the report', async () => {
    for (let i = 0; i < 101; i++) await issued(t.backend, w);
    await issued(t.backend, w, { type: 'ofi' });
    const listed = value(await t.backend.call('findings.list', { auditId: w.audit.id }));
    const numbers = listed.map((f) => f.number);
    expect(numbers.slice(97)).toEqual(['NC-98', 'NC-99', 'NC-100', 'NC-101', 'OFI-01']);
    expect(numbers.indexOf('NC-10')).toBe(9);
    const reversed = listed.toReversed();
    const context = { client: 'Acme Ltd', audit: 'Stage 2 2026-03-02', auditType: 'stage2' as const, reportNumber: '' };
    const finding = NC_LIST_COLUMNS.indexOf('Finding');
    expect(
      ncListRows(reversed, context)
        .map((r) => r[finding])
        .slice(-4),
    ).toEqual(['ST2-NC-99', 'ST2-NC-100', 'ST2-NC-101', 'ST2-OFI-01']);
    expect(reversed.toSorted(reportOrder).map((f) => f.number)).toEqual(numbers);
    // 102 findings issued one by one: seconds on a loaded machine.
  }, 60_000);
});
