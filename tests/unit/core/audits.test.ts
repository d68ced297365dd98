import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

let t: ReturnType<typeof tempBackend>;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

const setup = async () => {
  const client = value(await t.backend.call('clients.create', sampleClient()));
  const audit = value(
    await t.backend.call(
      'audits.create',
      sampleAudit(
        client.id,
        client.sites.map((s) => s.id),
      ),
    ),
  );
  return { client, audit };
};

describe('audits', () => {
  it('creates a planned audit with a UUIDv7 id, its team, sites and row stamps', async () => {
    const { client, audit } = await setup();
    expect(audit.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(audit.status).toBe('planned');
    expect(audit.clientName).toBe('Acme Ltd');
    expect(audit.siteIds).toEqual(client.sites.map((s) => s.id));
    expect(audit.team.map((m) => [m.name, m.role])).toEqual([
      ['Lena Lead', 'lead_auditor'],
      ['Arno Auditor', 'auditor'],
    ]);
    expect(audit.deviceId).toBe(t.backend.deviceId);
    const stamps = t.backend.db
      .prepare('SELECT device_id, created_at FROM audit_team WHERE audit_id = ?')
      .all(audit.id);
    expect(stamps).toHaveLength(2);
    for (const s of stamps as { device_id: string; created_at: string }[]) {
      expect(s.device_id).toBe(t.backend.deviceId);
      expect(Date.parse(s.created_at)).not.toBeNaN();
    }
  });

  it('keeps the device id across restarts of the same data folder', () => {
    const first = t.backend.deviceId;
    t.backend.close();
    const again = openBackend({ dataDir: t.dataDir });
    expect(again.deviceId).toBe(first);
    again.close();
    t.backend = openBackend({ dataDir: t.dataDir });
  });

  it('hands the lead role from one member to another in a single edit', async () => {
    const { audit } = await setup();
    const [lead, other] = audit.team;
    const swapped = value(
      await t.backend.call('audits.update', {
        id: audit.id,
        audit: {
          ...sampleAudit(audit.clientId, audit.siteIds),
          team: [
            { id: other!.id, name: other!.name, email: '', role: 'lead_auditor' },
            { id: lead!.id, name: lead!.name, email: lead!.email, role: 'auditor' },
          ],
        },
      }),
    );
    expect(swapped.team.map((m) => [m.id, m.role])).toEqual([
      [other!.id, 'lead_auditor'],
      [lead!.id, 'auditor'],
    ]);
  });

  it('stamps only the child rows an edit really changed', async () => {
    let now = '2026-01-01T00:00:00.000Z';
    t.backend.close();
    t.backend = openBackend({ dataDir: t.dataDir, now: () => now });
    const { audit } = await setup();
    now = '2026-02-01T00:00:00.000Z';
    const team = audit.team.map((m, i) => ({
      id: m.id,
      name: i === 1 ? 'Arno Renamed' : m.name,
      email: m.email,
      role: m.role,
    }));
    const edited = value(
      await t.backend.call('audits.update', {
        id: audit.id,
        audit: { ...sampleAudit(audit.clientId, audit.siteIds), team },
      }),
    );
    const rows = t.backend.db
      .prepare('SELECT id, updated_at FROM audit_team WHERE audit_id = ? ORDER BY position')
      .all(edited.id);
    expect(rows).toEqual([
      { id: audit.team[0]!.id, updated_at: '2026-01-01T00:00:00.000Z' },
      { id: audit.team[1]!.id, updated_at: '2026-02-01T00:00:00.000Z' },
    ]);
  });

  it('moves through planned → in progress → reporting → closed and then freezes', async () => {
    const { audit } = await setup();
    for (const status of ['in_progress', 'reporting', 'in_progress', 'reporting', 'closed'] as const) {
      expect(
        value(await t.backend.call('audits.setStatus', { id: audit.id, status, reason: 'Closed for the test' })).status,
      ).toBe(status);
    }
    const edit = await t.backend.call('audits.update', { id: audit.id, audit: sampleAudit(audit.clientId) });
    expect(edit.ok).toBe(false);
  });

  it('lists with search, filters and date sort', async () => {
    const { client } = await setup();
    value(
      await t.backend.call('audits.create', {
        ...sampleAudit(client.id),
        type: 'stage1',
        startDate: '2025-12-01',
        endDate: '2025-12-01',
        scope: 'Payroll',
      }),
    );
    const other = value(await t.backend.call('clients.create', { ...sampleClient(), name: 'Zenith Bank' }));
    value(
      await t.backend.call('audits.create', {
        ...sampleAudit(other.id),
        startDate: '2026-06-01',
        endDate: '2026-06-02',
        team: [{ name: 'Quentin Q', email: '', role: 'lead_auditor' }],
      }),
    );

    const byDateAsc = value(await t.backend.call('audits.list', { sort: 'start_asc' })).map((a) => a.startDate);
    expect(byDateAsc).toEqual(['2025-12-01', '2026-03-02', '2026-06-01']);
    const byDateDesc = value(await t.backend.call('audits.list', {})).map((a) => a.startDate);
    expect(byDateDesc).toEqual(['2026-06-01', '2026-03-02', '2025-12-01']);
    expect(value(await t.backend.call('audits.list', { search: 'ZENITH' })).map((a) => a.clientName)).toEqual([
      'Zenith Bank',
    ]);
    expect(value(await t.backend.call('audits.list', { search: 'payroll' })).map((a) => a.type)).toEqual(['stage1']);
    expect(value(await t.backend.call('audits.list', { search: 'quentin' })).map((a) => a.leadAuditor)).toEqual([
      'Quentin Q',
    ]);
    expect(value(await t.backend.call('audits.list', { search: '%' }))).toEqual([]);
    expect(value(await t.backend.call('audits.list', { type: 'stage1' }))).toHaveLength(1);
    expect(value(await t.backend.call('audits.list', { status: 'closed' }))).toHaveLength(0);
  });

  it('deletes a planned audit and its team and scope rows', async () => {
    const { audit } = await setup();
    value(await t.backend.call('audits.delete', { id: audit.id }));
    expect((await t.backend.call('audits.get', { id: audit.id })).ok).toBe(false);
    expect(t.backend.db.prepare('SELECT count(*) AS n FROM audit_team').get()).toEqual({ n: 0 });
    expect(t.backend.db.prepare('SELECT count(*) AS n FROM audit_sites').get()).toEqual({ n: 0 });
  });
});

describe('clients', () => {
  it('edits sites keeping their ids, and refuses to drop a site an audit covers', async () => {
    const { client, audit } = await setup();
    const sites = client.sites.map((s) => ({ ...s, headcount: s.headcount + 1 }));
    const edited = value(
      await t.backend.call('clients.update', { id: client.id, client: { ...sampleClient(), sites } }),
    );
    expect(edited.sites.map((s) => s.id)).toEqual(client.sites.map((s) => s.id));
    expect(edited.sites.map((s) => s.headcount)).toEqual([51, 21]);
    const dropped = await t.backend.call('clients.update', {
      id: client.id,
      client: { ...sampleClient(), sites: [sites[0]!] },
    });
    expect(dropped.ok ? '' : dropped.error.message).toMatch(/"Plant" is in the scope of an audit/);
    value(await t.backend.call('audits.delete', { id: audit.id }));
    expect(
      value(
        await t.backend.call('clients.update', { id: client.id, client: { ...sampleClient(), sites: [sites[0]!] } }),
      ).sites,
    ).toHaveLength(1);
  });

  it('lists clients with site and audit counts, and deletes one without audits', async () => {
    const { client } = await setup();
    const lone = value(await t.backend.call('clients.create', { name: 'Lone Co' }));
    expect(value(await t.backend.call('clients.list', {})).map((c) => [c.name, c.siteCount, c.auditCount])).toEqual([
      ['Acme Ltd', 2, 1],
      ['Lone Co', 0, 0],
    ]);
    value(await t.backend.call('clients.delete', { id: lone.id }));
    expect(value(await t.backend.call('clients.list', {})).map((c) => c.id)).toEqual([client.id]);
  });
});
