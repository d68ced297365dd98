import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FindingListQuery } from '#shared/domain/finding';
import { value } from '../../helpers/backend';
import {
  accepted,
  createFinding,
  findingsBackend,
  findingsWorld,
  issued,
  response,
  verification,
  type FindingsWorld,
} from './world';

let t: ReturnType<typeof findingsBackend>;
let w: FindingsWorld;
beforeEach(async () => {
  t = findingsBackend();
  w = await findingsWorld(t.backend);
});
afterEach(() => t.cleanup());

const list = async (q: FindingListQuery) => value(await t.backend.call('findings.list', q));
const numbers = async (q: FindingListQuery) => (await list(q)).map((f) => f.number ?? 'draft');

describe('overdue and "another Stage 2 needed"', () => {
  it('flags a missing response after the due date, and an action date passed without verification', async () => {
    const minor = await issued(t.backend, w); // due 2026-06-02 (90 days after 4 March)
    const major = await issued(t.backend, w, { type: 'major' }); // due 2026-04-03
    const planned = await accepted(t.backend, w); // accepted, action due 2026-05-31
    const ofi = await issued(t.backend, w, { type: 'ofi' });
    const overdue = async () =>
      Promise.all(
        [minor, major, planned, ofi].map(
          async (f) => value(await t.backend.call('findings.get', { id: f.id })).overdue,
        ),
      );
    t.clock.setDay('2026-04-03');
    expect(await overdue()).toEqual([false, false, false, false]);
    t.clock.setDay('2026-04-04');
    expect(await overdue()).toEqual([false, true, false, false]);
    t.clock.setDay('2026-06-03');
    expect(await overdue()).toEqual([true, true, true, false]);
    // A response received stops the clock until it is decided.
    value(await t.backend.call('findings.respond', { id: major.id, response: response(), by: 'Lena' }));
    expect(await overdue()).toEqual([true, false, true, false]);
    expect(await numbers({ overdue: true })).toEqual(['NC-01', 'NC-03']);
    expect(await numbers({ overdue: false })).toEqual(['NC-02', 'OFI-01']);
  });

  it('a major found at Stage 2 and unverified six months after its last day needs another Stage 2', async () => {
    const major = await accepted(t.backend, w, { type: 'major' });
    const minor = await issued(t.backend, w);
    const flags = async () =>
      Promise.all(
        [major, minor].map(async (f) => value(await t.backend.call('findings.get', { id: f.id })).needsNewStage2),
      );
    t.clock.setDay('2026-09-04');
    expect(await flags()).toEqual([false, false]);
    t.clock.setDay('2026-09-05');
    expect(await flags()).toEqual([true, false]);
    value(
      await t.backend.call('findings.verify', { id: major.id, verification: verification(w.audit.id), by: 'Lena' }),
    );
    expect(await flags()).toEqual([false, false]);
  });
});

describe('the nonconformity list', () => {
  it('filters by audit, client, status, type and requirement, with where each finding comes from', async () => {
    await issued(t.backend, w); // NC-01 against 8.1
    await issued(t.backend, w, { type: 'major', itemIds: [w.item('A.5.15').id] }); // NC-02
    await issued(t.backend, w, { type: 'ofi', itemIds: [w.item('A.8.5').id] }); // OFI-01
    await createFinding(t.backend, w, { itemIds: [w.item('8.2').id] }); // draft
    const foreign = value(
      await t.backend.call('findings.create', {
        auditId: w.foreign.id,
        finding: { type: 'ofi', statement: 'Elsewhere', raisedAt: '2026-03-03T09:00' },
        by: 'Lena',
      }),
    );

    const all = await list({});
    expect(all).toHaveLength(5);
    expect(all.find((f) => f.id === foreign.id)).toMatchObject({
      clientId: w.other.id,
      clientName: 'Other plc',
      auditType: 'stage2',
      auditStartDate: '2026-03-02',
    });
    expect(await numbers({ auditId: w.audit.id })).toEqual(['NC-01', 'NC-02', 'OFI-01', 'draft']);
    expect(await numbers({ clientId: w.other.id })).toEqual(['draft']);
    expect(await numbers({ auditId: w.audit.id, status: ['draft'] })).toEqual(['draft']);
    expect(await numbers({ auditId: w.audit.id, status: ['open'], type: ['major', 'ofi'] })).toEqual([
      'NC-02',
      'OFI-01',
    ]);
    // Requirement: a clause, a control by its full or short number, or a whole group.
    expect(await numbers({ requirement: '8.1' })).toEqual(['NC-01']);
    expect(await numbers({ requirement: 'A.5.15' })).toEqual(['NC-02']);
    expect(await numbers({ requirement: '5.15' })).toEqual(['NC-02']);
    expect(await numbers({ requirement: 'a.5' })).toEqual(['NC-02']);
    // There is no clause 8.5: "8.5" finds control A.8.5 by its short number.
    expect(await numbers({ requirement: '8.5' })).toEqual(['OFI-01']);
    expect(await numbers({ requirement: '8' })).toEqual(['NC-01', 'draft']);
    expect(await numbers({ requirement: '9.9' })).toEqual([]);
  });
});
