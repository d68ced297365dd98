import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

let t: ReturnType<typeof tempBackend>;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

async function world() {
  const b = t.backend;
  const client = value(await b.call('clients.create', sampleClient()));
  const [hq, plant] = client.sites;
  const audit = value(await b.call('audits.create', sampleAudit(client.id, [hq!.id])));
  const items = value(await b.call('checklist.get', { auditId: audit.id })).items;
  const item = (ref: string) => items.find((i) => i.ref === ref)!;
  const arno = audit.team.find((m) => m.name === 'Arno Auditor')!;
  return { b, client, hq: hq!, plant: plant!, audit, item, arno };
}

const refused = (r: { ok: boolean }, code: string, message: RegExp) => {
  expect(r.ok).toBe(false);
  const e = (r as unknown as { error: { code: string; message: string } }).error;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
};

describe('plan.get / plan.save', () => {
  it("shows the audit's own fields, sites and team; saving writes objectives, scope and criteria to the audit", async () => {
    const { b, audit, hq } = await world();
    const plan = value(await b.call('plan.get', { auditId: audit.id }));
    expect(plan).toMatchObject({
      clientName: 'Acme Ltd',
      type: 'stage2',
      startDate: '2026-03-02',
      endDate: '2026-03-04',
      objectives: 'Certification decision',
      notes: '',
      sites: [{ id: hq.id, name: 'HQ', address: 'Main Street' }],
      sessions: [],
      updatedAt: null,
    });
    expect(plan.team.map((m) => m.role)).toEqual(['lead_auditor', 'auditor']);

    const saved = value(
      await b.call('plan.save', {
        auditId: audit.id,
        objectives: 'Decide on certification; confirm the ISMS is effective',
        scope: 'Hosting',
        criteria: 'ISO/IEC 27001:2022; the SoA v3',
        notes: 'Badges at reception. English.',
        by: 'Lena Lead',
      }),
    );
    expect(saved).toMatchObject({ scope: 'Hosting', notes: 'Badges at reception. English.', updatedBy: 'Lena Lead' });
    expect(value(await b.call('audits.get', { id: audit.id }))).toMatchObject({
      objectives: 'Decide on certification; confirm the ISMS is effective',
      scope: 'Hosting',
      criteria: 'ISO/IEC 27001:2022; the SoA v3',
    });
  });

  it('refuses an empty scope and a closed audit, writing nothing', async () => {
    const { b, audit } = await world();
    const before = dumpDatabase(b.db);
    const empty = await b.call('plan.save', { auditId: audit.id, objectives: '', scope: '', criteria: '' });
    refused(empty, 'invalid_input', /./);
    expect(JSON.stringify(empty)).toContain('Scope statement is required');
    expect(dumpDatabase(b.db)).toEqual(before);
    b.db.prepare("UPDATE audits SET status = 'closed' WHERE id = ?").run(audit.id);
    const closedBefore = dumpDatabase(b.db);
    refused(
      await b.call('plan.save', { auditId: audit.id, objectives: 'x', scope: 'y', criteria: 'z' }),
      'conflict',
      /closed audit/,
    );
    expect(dumpDatabase(b.db)).toEqual(closedBefore);
  });
});

describe('plan sessions', () => {
  it('adds, orders by day and time, updates, links checklist items both ways, and deletes', async () => {
    const { b, audit, hq, item, arno } = await world();
    const late = value(
      await b.call('plan.addSession', {
        auditId: audit.id,
        day: '2026-03-03',
        startTime: '14:00',
        endTime: '15:30',
        topic: 'Access control',
        auditee: 'IT manager',
        auditorId: arno.id,
        siteId: hq.id,
        itemIds: [item('A.5.15').id, item('A.5.18').id],
      }),
    );
    expect(late).toMatchObject({
      siteName: 'HQ',
      auditorName: 'Arno Auditor',
      items: [
        { ref: 'A.5.15', title: item('A.5.15').title },
        { ref: 'A.5.18', title: item('A.5.18').title },
      ],
    });
    const early = value(
      await b.call('plan.addSession', {
        auditId: audit.id,
        day: '2026-03-02',
        startTime: '09:00',
        endTime: '09:30',
        topic: 'Opening meeting',
      }),
    );
    expect(value(await b.call('plan.get', { auditId: audit.id })).sessions.map((s) => s.id)).toEqual([
      early.id,
      late.id,
    ]);

    expect(value(await b.call('plan.itemSessions', { itemId: item('A.5.15').id }))).toEqual([
      {
        id: late.id,
        day: '2026-03-03',
        startTime: '14:00',
        endTime: '15:30',
        topic: 'Access control',
        auditorName: 'Arno Auditor',
      },
    ]);

    const moved = value(
      await b.call('plan.updateSession', {
        id: late.id,
        session: {
          day: '2026-03-04',
          startTime: '10:00',
          endTime: '11:00',
          topic: 'Access control',
          itemIds: [item('A.5.18').id],
        },
      }),
    );
    expect(moved).toMatchObject({ day: '2026-03-04', siteId: null, auditorId: null, items: [{ ref: 'A.5.18' }] });
    expect(value(await b.call('plan.itemSessions', { itemId: item('A.5.15').id }))).toEqual([]);

    expect(value(await b.call('plan.deleteSession', { id: late.id }))).toEqual({ id: late.id });
    expect(value(await b.call('plan.itemSessions', { itemId: item('A.5.18').id }))).toEqual([]);
    expect(b.db.prepare('SELECT count(*) AS n FROM plan_session_items').get()).toEqual({ n: 0 });
  });

  it('refuses, with a message for each, what the plan cannot hold, writing nothing', async () => {
    const { b, audit, plant, item } = await world();
    const other = value(await b.call('audits.create', sampleAudit(audit.clientId)));
    const otherItem = value(await b.call('checklist.get', { auditId: other.id })).items[0]!;
    const base = { auditId: audit.id, day: '2026-03-02', startTime: '09:00', endTime: '10:00', topic: 'Leadership' };
    const before = dumpDatabase(b.db);
    refused(
      await b.call('plan.addSession', { ...base, day: '2026-03-05' }),
      'invalid_input',
      /within the audit's dates \(2026-03-02 to 2026-03-04\)/,
    );
    refused(await b.call('plan.addSession', { ...base, endTime: '08:00' }), 'invalid_input', /./);
    refused(await b.call('plan.addSession', { ...base, startTime: '9:00' }), 'invalid_input', /./);
    refused(
      await b.call('plan.addSession', { ...base, siteId: plant.id }),
      'invalid_input',
      /not in the scope of this audit/,
    );
    refused(
      await b.call('plan.addSession', { ...base, auditorId: other.team[0]!.id }),
      'invalid_input',
      /not on this audit team/,
    );
    refused(
      await b.call('plan.addSession', { ...base, itemIds: [item('A.5.15').id, otherItem.id] }),
      'invalid_input',
      /not in this audit's checklist/,
    );
    expect(dumpDatabase(b.db)).toEqual(before);
    const bad = (r: { ok: boolean; error?: { message: string; issues?: { message: string }[] } }) =>
      JSON.stringify(r.error?.issues ?? []);
    const backwards = await b.call('plan.addSession', { ...base, endTime: '08:00' });
    expect(bad(backwards as never)).toContain('The session ends before it starts');
  });
});

describe('meetings', () => {
  const attendees = [
    { name: 'Lena Lead', role: 'Lead auditor', organisation: 'Example Certification Ltd' },
    { name: 'Sam Contact', role: 'CISO', organisation: 'Acme Ltd' },
  ];

  it('records the opening then the closing meeting; the closing date becomes the audit closing-meeting date', async () => {
    const { b, audit } = await world();
    expect(value(await b.call('meetings.get', { auditId: audit.id }))).toEqual({
      auditId: audit.id,
      opening: null,
      closing: null,
    });
    refused(
      await b.call('meetings.save', { auditId: audit.id, kind: 'closing', heldOn: '2026-03-04', attendees }),
      'conflict',
      /Record the opening meeting before the closing meeting/,
    );
    const opened = value(
      await b.call('meetings.save', {
        auditId: audit.id,
        kind: 'opening',
        heldOn: '2026-03-02',
        attendees,
        confirmed: { plan: true, confidentiality: true, reporting: true, appeals: false },
        by: 'Lena Lead',
      }),
    );
    expect(opened.opening).toMatchObject({
      heldOn: '2026-03-02',
      confirmed: { plan: true, confidentiality: true, reporting: true, appeals: false },
      updatedBy: 'Lena Lead',
    });
    expect(opened.opening!.attendees.map((a) => a.name)).toEqual(['Lena Lead', 'Sam Contact']);

    // Edited: an attendee keeps the id, one is removed, one added.
    const [lena] = opened.opening!.attendees;
    const again = value(
      await b.call('meetings.save', {
        auditId: audit.id,
        kind: 'opening',
        heldOn: '2026-03-02',
        attendees: [
          { id: lena!.id, name: 'Lena Lead', role: 'Lead auditor' },
          { name: 'Ola Owner', role: 'CEO' },
        ],
      }),
    );
    expect(again.opening!.attendees.map((a) => [a.name, a.id === lena!.id])).toEqual([
      ['Lena Lead', true],
      ['Ola Owner', false],
    ]);

    refused(
      await b.call('meetings.save', { auditId: audit.id, kind: 'closing', heldOn: '2026-03-01', attendees }),
      'invalid_input',
      /within the audit's dates/,
    );
    const closed = value(
      await b.call('meetings.save', {
        auditId: audit.id,
        kind: 'closing',
        heldOn: '2026-03-04',
        attendees,
        findingsPresented: 'One minor nonconformity (A.5.18), two opportunities for improvement.',
        acknowledgement: 'Findings understood and accepted.',
        acknowledgedBy: 'Sam Contact',
      }),
    );
    expect(closed.closing).toMatchObject({ acknowledgedBy: 'Sam Contact', heldOn: '2026-03-04' });
    expect(b.db.prepare('SELECT closing_meeting_date FROM audits WHERE id = ?').get(audit.id)).toEqual({
      closing_meeting_date: '2026-03-04',
    });
    refused(
      await b
        .call('meetings.save', { auditId: audit.id, kind: 'opening', heldOn: '2026-03-04', attendees: [attendees[0]!] })
        .then(async () =>
          b.call('meetings.save', { auditId: audit.id, kind: 'closing', heldOn: '2026-03-03', attendees }),
        ),
      'invalid_input',
      /cannot be held before the opening meeting \(2026-03-04\)/,
    );
  });

  it('refuses findings at an opening meeting, an acknowledgement without who, and no attendees', async () => {
    const { b, audit } = await world();
    const before = dumpDatabase(b.db);
    const base = { auditId: audit.id, kind: 'opening' as const, heldOn: '2026-03-02', attendees };
    const issues = async (input: object) => JSON.stringify(await b.call('meetings.save', input as never));
    expect(await issues({ ...base, findingsPresented: 'x' })).toContain(
      'Findings are presented and acknowledged at the closing meeting',
    );
    expect(await issues({ ...base, kind: 'closing', acknowledgement: 'ok' })).toContain(
      'Say who acknowledged the findings',
    );
    expect(await issues({ ...base, attendees: [] })).toContain('List who attended');
    expect(dumpDatabase(b.db)).toEqual(before);
  });
});
