import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import type { Client, ClientSummary } from '#shared/domain/client';
import { newId } from '../ids';
import { syncChildren } from './children';
import { stamp, type RepoContext } from './context';

type ClientData = OpParsed<'clients.create'>;

interface ClientRow {
  id: string;
  name: string;
  address: string;
  representative: string;
  created_at: string;
  updated_at: string;
  device_id: string;
}

export function listClients(ctx: RepoContext): ClientSummary[] {
  const rows = ctx.db
    .prepare(
      `SELECT c.id, c.name, c.updated_at,
              (SELECT count(*) FROM client_sites s WHERE s.client_id = c.id) AS site_count,
              (SELECT count(*) FROM audits a WHERE a.client_id = c.id) AS audit_count
       FROM clients c ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all() as { id: string; name: string; updated_at: string; site_count: number; audit_count: number }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    siteCount: r.site_count,
    auditCount: r.audit_count,
    updatedAt: r.updated_at,
  }));
}

export function getClient(ctx: RepoContext, id: string): Client {
  const row = ctx.db.prepare('SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
  if (!row) throw new DomainError('not_found', { key: 'errors:clients.notFound' });
  const contacts = ctx.db
    .prepare('SELECT id, name, role, email, phone FROM client_contacts WHERE client_id = ? ORDER BY position')
    .all(id) as Client['contacts'];
  const sites = ctx.db
    .prepare('SELECT id, name, address, headcount, processes FROM client_sites WHERE client_id = ? ORDER BY position')
    .all(id) as Client['sites'];
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    representative: row.representative,
    contacts,
    sites,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deviceId: row.device_id,
  };
}

export function createClient(ctx: RepoContext, data: ClientData): Client {
  const s = stamp(ctx);
  const id = newId();
  ctx.db
    .prepare(
      `INSERT INTO clients (id, name, address, representative, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, data.name, data.address, data.representative, s.now, s.now, s.device);
  writeChildren(ctx, s, id, data);
  return getClient(ctx, id);
}

export function updateClient(ctx: RepoContext, id: string, data: ClientData): Client {
  getClient(ctx, id);
  const s = stamp(ctx);
  ctx.db
    .prepare('UPDATE clients SET name = ?, address = ?, representative = ?, updated_at = ?, device_id = ? WHERE id = ?')
    .run(data.name, data.address, data.representative, s.now, s.device, id);
  guardSitesInUse(ctx, id, data);
  writeChildren(ctx, s, id, data);
  return getClient(ctx, id);
}

export function deleteClient(ctx: RepoContext, id: string): void {
  const client = getClient(ctx, id);
  const audits = (ctx.db.prepare('SELECT count(*) AS n FROM audits WHERE client_id = ?').get(id) as { n: number }).n;
  if (audits > 0) {
    throw new DomainError('conflict', {
      key: 'errors:clients.hasAudits',
      params: { client: client.name, count: audits },
    });
  }
  ctx.db.prepare('DELETE FROM clients WHERE id = ?').run(id);
}

function writeChildren(ctx: RepoContext, s: ReturnType<typeof stamp>, clientId: string, data: ClientData): void {
  syncChildren(
    ctx,
    s,
    {
      table: 'client_contacts',
      parentColumn: 'client_id',
      parentId: clientId,
      columns: ['name', 'role', 'email', 'phone'],
    },
    data.contacts,
  );
  syncChildren(
    ctx,
    s,
    {
      table: 'client_sites',
      parentColumn: 'client_id',
      parentId: clientId,
      columns: ['name', 'address', 'headcount', 'processes'],
    },
    data.sites,
  );
}

/** A site in an audit's scope cannot disappear from under that audit. */
function guardSitesInUse(ctx: RepoContext, clientId: string, data: ClientData): void {
  const keep = new Set(data.sites.map((site) => site.id).filter(Boolean));
  const used = ctx.db
    .prepare(
      `SELECT DISTINCT s.id, s.name FROM client_sites s JOIN audit_sites x ON x.site_id = s.id WHERE s.client_id = ?`,
    )
    .all(clientId) as { id: string; name: string }[];
  const removed = used.filter((u) => !keep.has(u.id));
  if (removed.length > 0) {
    throw new DomainError('conflict', { key: 'errors:clients.siteInScope', params: { site: removed[0]!.name } });
  }
}
