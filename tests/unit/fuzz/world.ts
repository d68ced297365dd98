import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from '#core/backend';
import { dumpDatabase, sampleAudit, sampleClient, value } from '../../helpers/backend';
import { miniTemplate } from '../../helpers/templates';
import type { MalformedExtension, World } from '../core/malformed/types';
import { evidenceCases } from '../core/malformed/evidence';
import { findingCases } from '../core/malformed/findings';
import { programmeCases } from '../core/malformed/programme';
import { recordCases } from '../core/malformed/records';
import { brandingCases } from '../core/malformed/branding';
import { signingCases } from '../core/malformed/signing';
import { reportsCases } from '../core/malformed/reports';
import { verifyCases } from '../core/malformed/verify';
import { trustCases } from '../core/malformed/trust';
import { teamCases } from '../core/malformed/team';
import { bytesCases } from '../core/malformed/bytes';

/** The malformed-input table's seeds: they give every group of ops something real to act on. */
export const EXTENSIONS: readonly MalformedExtension[] = [
  recordCases,
  evidenceCases,
  findingCases,
  programmeCases,
  brandingCases,
  signingCases,
  reportsCases,
  verifyCases,
  trustCases,
  teamCases,
  bytesCases,
];

/** Clients, audits in several states, checklist items, an imported template, then each group's own seed. */
export async function seedWorld(backend: Backend): Promise<World> {
  const client = value(await backend.call('clients.create', sampleClient()));
  const empty = value(await backend.call('clients.create', { ...sampleClient(), name: 'Empty Co', sites: [] }));
  const other = value(await backend.call('clients.create', { ...sampleClient(), name: 'Other plc' }));
  const siteIds = client.sites.map((s) => s.id);
  const planned = value(await backend.call('audits.create', sampleAudit(client.id, siteIds)));
  const closed = value(await backend.call('audits.create', sampleAudit(client.id)));
  const stage1 = value(await backend.call('audits.create', { ...sampleAudit(client.id), type: 'stage1' }));
  const [item, second] = value(await backend.call('checklist.get', { auditId: planned.id })).items;
  const sampled = value(
    await backend.call('checklist.updateItem', { id: second!.id, patch: { samples: [{ identifier: 'R-1' }] } }),
  );
  const closedItem = value(await backend.call('checklist.get', { auditId: closed.id })).items[0]!;
  for (const status of ['in_progress', 'reporting', 'closed'] as const) {
    value(await backend.call('audits.setStatus', { id: closed.id, status, reason: 'Closed for the test' }));
  }
  value(await backend.call('templates.import', { template: miniTemplate() }));
  const w: World = {
    x: {},
    stage1Id: stage1.id,
    itemId: item!.id,
    closedItemId: closedItem.id,
    sampleId: sampled.samples[0]!.id,
    otherTeamMemberId: closed.team[0]!.id,
    clientId: client.id,
    emptyClientId: empty.id,
    otherSiteId: other.sites[0]!.id,
    siteIds,
    plannedId: planned.id,
    closedId: closed.id,
  };
  for (const ext of EXTENSIONS) Object.assign(w.x, await ext.seed(backend, w));
  return w;
}

/** Valid inputs of the base ops (the groups' own are their `valid`), the malformed-input table's seeds again. */
export const baseValid = (w: World): Record<string, unknown> => ({
  'clients.get': { id: w.clientId },
  'clients.update': { id: w.emptyClientId, client: { ...sampleClient(), name: 'Renamed' } },
  'audits.get': { id: w.plannedId },
  'audits.create': sampleAudit(w.clientId, w.siteIds),
  'audits.update': { id: w.plannedId, audit: { ...sampleAudit(w.clientId), scope: 'Changed' } },
  'audits.setStatus': { id: w.plannedId, status: 'in_progress' },
  'audits.samplingCandidates': { clientId: w.clientId },
  'audits.dashboard': { auditId: w.plannedId },
  'templates.import': { template: miniTemplate({ version: '2.0' }) },
  'checklist.get': { auditId: w.plannedId },
  'checklist.updateItem': { id: w.itemId, patch: { result: 'minor_nc', notes: 'Two leavers kept access' } },
});

/** Every id of every row (and the world's session ids), for inputs that name real records. */
export function idsOf(backend: Backend, w: World): string[] {
  const tables = backend.db
    .prepare(
      `SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
       WHERE m.type = 'table' AND c.name = 'id' AND m.name NOT LIKE 'sqlite_%'`,
    )
    .pluck()
    .all() as string[];
  const ids = new Set<string>();
  for (const t of tables) {
    for (const id of backend.db.prepare(`SELECT id FROM "${t}" LIMIT 200`).pluck().all()) {
      if (typeof id === 'string') ids.add(id);
    }
  }
  for (const v of Object.values(w.x)) ids.add(v);
  return [...ids].sort();
}

/** SHA-256 of every row of every table: equal before and after means the database did not change. */
export function digest(backend: Backend): string {
  return createHash('sha256')
    .update(JSON.stringify(dumpDatabase(backend.db)))
    .digest('hex');
}

/**
 * A cheap witness of every commit: each committed transaction appends frames
 * to the WAL, or restarts it after a checkpoint with new salts in its header,
 * so an unchanged WAL (size and header) and main file mean nothing committed.
 * When it changed, the caller compares full digests.
 */
export function walWitness(dataDir: string): string {
  const wal = join(dataDir, 'fieldwork.sqlite-wal');
  const header = Buffer.alloc(32);
  if (existsSync(wal)) {
    const fd = openSync(wal, 'r');
    try {
      readSync(fd, header, 0, 32, 0);
    } finally {
      closeSync(fd);
    }
  }
  const size = existsSync(wal) ? statSync(wal).size : -1;
  return `${size}:${statSync(join(dataDir, 'fieldwork.sqlite')).size}:${header.toString('hex')}`;
}
