import type { OpName } from '#shared/api/ops';
import type { Backend } from '#core/backend';
import type { MalformedExtension, World } from '../unit/core/malformed/types';
import { sampleAudit, sampleClient, value } from './backend';
import { soaCsv, soaFile } from './soa';
import { miniTemplate } from './templates';

/**
 * The one seeded world of the malformed-input and fuzz tests: clients, audits
 * in several states, checklist items, an imported template, then each op
 * group's own seed (tests/unit/core/malformed/extensions.ts lists the groups).
 */
export async function seedWorld(backend: Backend, extensions: readonly MalformedExtension[]): Promise<World> {
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
  for (const ext of extensions) Object.assign(w.x, await ext.seed(backend, w));
  return w;
}

/** The Statement of Applicability the soa.* ops' valid inputs import. */
export const SOA = soaFile(soaCsv({ exclude: { '8.30': 'No software development is outsourced' } }));

/** A valid input of each base op (those no group lists), each acting on the seeded world. */
export const baseValidInputs = (w: World): Partial<Record<OpName, Record<string, unknown>>> => ({
  'app.info': {},
  'clients.list': {},
  'clients.get': { id: w.clientId },
  'clients.create': sampleClient(),
  'clients.update': { id: w.emptyClientId, client: { ...sampleClient(), name: 'Renamed' } },
  'clients.delete': { id: w.emptyClientId },
  'audits.list': { search: 'acme', status: 'planned', type: 'stage2', sort: 'start_asc' },
  'audits.page': { clientId: w.clientId, search: 'acme', status: 'planned', sort: 'start_asc', limit: 10 },
  'audits.get': { id: w.plannedId },
  'audits.create': sampleAudit(w.clientId, w.siteIds),
  'audits.update': { id: w.plannedId, audit: { ...sampleAudit(w.clientId), scope: 'Changed' } },
  'audits.setStatus': { id: w.plannedId, status: 'in_progress' },
  'audits.delete': { id: w.plannedId },
  'audits.samplingCandidates': { clientId: w.clientId },
  'audits.dashboard': { auditId: w.plannedId },
  'templates.list': {},
  'templates.import': { template: miniTemplate({ version: '2.0' }) },
  'checklist.get': { auditId: w.plannedId },
  'checklist.updateItem': {
    id: w.itemId,
    patch: { result: 'minor_nc', notes: 'Two leavers kept access', sampleSize: 5, samples: [{ identifier: 'HR-1' }] },
  },
  'soa.preview': { auditId: w.plannedId, file: SOA },
  'soa.apply': { auditId: w.plannedId, file: SOA },
});

/** A valid input of every op: the base ops' and each group's (a test checks that no op is missing). */
export const validInputs = (
  w: World,
  extensions: readonly MalformedExtension[],
): Partial<Record<OpName, Record<string, unknown>>> =>
  Object.assign({}, baseValidInputs(w), ...extensions.map((e) => e.valid(w))) as Partial<
    Record<OpName, Record<string, unknown>>
  >;
