import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_NAMES, type OpName } from '#shared/api/ops';
import { newId } from '#core/ids';
import { openBackend } from '#core/backend';
import { databaseDigest, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { soaCsv, soaFile } from '../../helpers/soa';
import { miniTemplate } from '../../helpers/templates';
import type { Case, MalformedExtension, World } from './malformed/types';
import { evidenceCases } from './malformed/evidence';
import { findingCases } from './malformed/findings';
import { programmeCases } from './malformed/programme';
import { recordCases } from './malformed/records';
import { brandingCases } from './malformed/branding';
import { signingCases } from './malformed/signing';
import { reportsCases } from './malformed/reports';
import { verifyCases } from './malformed/verify';
import { trustCases } from './malformed/trust';
import { teamCases } from './malformed/team';
import { bytesCases } from './malformed/bytes';
import { backupCases } from './malformed/backups';
import { planCases } from './malformed/plan';
import { securityCases } from './malformed/security';
import { demoCases } from './malformed/demo';

/** Ops added by later issues bring their own seed, valid input and bad cases. */
const EXTENSIONS: readonly MalformedExtension[] = [
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
  backupCases,
  planCases,
  securityCases,
  demoCases,
];

/**
 * Every operation, fed malformed or impossible input, answers an error
 * envelope and leaves the database byte-for-byte unchanged. Each op also has
 * a valid input (checked to succeed on a twin database) from which the bad
 * cases are derived, so a case fails only because of what it breaks.
 */
const HUGE = 'x'.repeat(10 * 1024 * 1024);

async function seed(backend: ReturnType<typeof tempBackend>['backend']): Promise<World> {
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

const validInput = (w: World): Record<OpName, Record<string, unknown>> =>
  // Extensions fill in the remaining ops; 'covers every operation' checks that none is missing.
  ({
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
    ...(Object.assign({}, ...EXTENSIONS.map((e) => e.valid(w))) as Partial<Record<OpName, Record<string, unknown>>>),
  }) as Record<OpName, Record<string, unknown>>;

const SOA = soaFile(soaCsv({ exclude: { '8.30': 'No software development is outsourced' } }));

function cases(op: OpName, w: World): Case[] {
  const valid = validInput(w)[op];
  const out: Case[] = [
    ['null', null],
    ['a number', 42],
    ['a string', 'hello'],
    ['an array', [valid]],
    ['an extra field', { ...valid, sneaky: 1 }],
    ['a 10 MB extra field', { ...valid, blob: HUGE }],
  ];
  for (const key of Object.keys(valid)) {
    out.push([`${key} of the wrong type`, { ...valid, [key]: true }]);
    out.push([`${key} as a 10 MB string`, { ...valid, [key]: HUGE }]);
  }
  // Ill-formed UTF-16 (a lone surrogate) in every string, however deep: SQLite and the file writers cannot store it.
  for (const [where, bad] of withLoneSurrogate(valid)) out.push([`a lone surrogate in ${where}`, bad]);
  const unknown = newId();
  const audit = sampleAudit(w.clientId, w.siteIds);
  const twoLeads = { ...audit, team: audit.team.map((m) => ({ ...m, role: 'lead_auditor' })) };
  const noLead = { ...audit, team: audit.team.map((m) => ({ ...m, role: 'auditor' })) };
  const backwards = { ...audit, startDate: '2026-03-05', endDate: '2026-03-01' };
  const client = sampleClient();
  const specific: Partial<Record<OpName, Case[]>> = {
    'clients.get': [
      ['an unknown id', { id: unknown }, 'not_found'],
      ['a non-v7 id', { id: 'abc' }],
    ],
    'clients.create': [
      ['no name', { ...client, name: undefined }],
      ['a blank name', { ...client, name: '   ' }],
      ['a negative headcount', { ...client, sites: [{ ...client.sites[0], headcount: -1 }] }],
      ['a bad e-mail', { ...client, contacts: [{ ...client.contacts[0], email: 'not-an-email' }] }],
      ['a 10 MB scope of processes', { ...client, sites: [{ ...client.sites[0], processes: HUGE }] }],
      [
        'a site with an id that is not its own',
        { ...client, sites: [{ ...client.sites[0], id: w.siteIds[0] }] },
        'not_found',
      ],
    ],
    'clients.update': [
      ['an unknown id', { id: unknown, client }, 'not_found'],
      ['removing a site in an audit scope', { id: w.clientId, client: { ...client, sites: [] } }, 'conflict'],
      ['no client', { id: w.clientId }],
    ],
    'clients.delete': [
      ['an unknown id', { id: unknown }, 'not_found'],
      ['a client with audits', { id: w.clientId }, 'conflict'],
    ],
    'audits.list': [
      ['an unknown status', { status: 'done' }],
      ['an unknown sort', { sort: 'random' }],
    ],
    'audits.page': [
      ['a client id that is not an id', { clientId: 'acme' }],
      ['a page of 201', { limit: 201 }],
      ['a page of 0', { limit: 0 }],
      ['a position it never gave', { after: '["2026-01-01"]' }],
      ['a position that is not JSON', { after: 'page 2' }],
      ['a 401-character position', { after: 'x'.repeat(401) }],
    ],
    'audits.get': [['an unknown id', { id: unknown }, 'not_found']],
    'audits.create': [
      ['a second lead auditor', twoLeads],
      ['no lead auditor', noLead],
      ['end before start', backwards],
      ['an impossible date', { ...audit, endDate: '2026-02-30' }],
      ['an unknown client', { ...audit, clientId: unknown }, 'not_found'],
      ["another client's site", { ...audit, siteIds: [w.otherSiteId] }],
      ['an unknown audit type', { ...audit, type: 'stage3' }],
      ['no team', { ...audit, team: undefined }],
      ['a 10 MB scope', { ...audit, scope: HUGE }],
      ['an unknown template', { ...audit, templateId: 'no-such-template' }],
      ['unknown sampled refs', { ...audit, type: 'surveillance1', sampledRefs: ['9.2.1', 'Z.1'] }],
      ['sampled refs for a Stage 2 audit', { ...audit, sampledRefs: ['9.2.1'] }],
    ],
    'audits.update': [
      ['an unknown id', { id: unknown, audit }, 'not_found'],
      ['a second lead auditor', { id: w.plannedId, audit: twoLeads }],
      ['end before start', { id: w.plannedId, audit: backwards }],
      ['a closed audit', { id: w.closedId, audit }, 'conflict'],
      ['moving to another client', { id: w.plannedId, audit: { ...audit, clientId: w.emptyClientId, siteIds: [] } }],
      [
        'a team member id from elsewhere',
        { id: w.plannedId, audit: { ...audit, team: [{ ...audit.team[0], id: unknown }] } },
        'not_found',
      ],
    ],
    'audits.setStatus': [
      ['an unknown id', { id: unknown, status: 'in_progress' }, 'not_found'],
      ['skipping to closed', { id: w.plannedId, status: 'closed' }, 'conflict'],
      ['reopening a closed audit', { id: w.closedId, status: 'in_progress' }, 'conflict'],
      ['an unknown status', { id: w.plannedId, status: 'archived' }],
    ],
    'audits.delete': [
      ['an unknown id', { id: unknown }, 'not_found'],
      ['a closed audit', { id: w.closedId }, 'conflict'],
    ],
    'audits.samplingCandidates': [
      ['an unknown client', { clientId: unknown }, 'not_found'],
      ['an unknown template', { clientId: w.clientId, templateId: 'nope' }],
    ],
    'audits.dashboard': [['an unknown audit', { auditId: unknown }, 'not_found']],
    'checklist.get': [['an unknown audit', { auditId: unknown }, 'not_found']],
    'checklist.updateItem': [
      ['an unknown item', { id: unknown, patch: { result: 'conforming' } }, 'not_found'],
      ['an assignee from another team', { id: w.itemId, patch: { assigneeId: w.otherTeamMemberId } }],
      ['an unknown result', { id: w.itemId, patch: { result: 'great' } }],
      ['notes over 100000 characters', { id: w.itemId, patch: { notes: 'n'.repeat(100_001) } }],
      ['10 MB notes', { id: w.itemId, patch: { notes: HUGE } }],
      ['an item of a closed audit', { id: w.closedItemId, patch: { notes: 'late' } }, 'conflict'],
      ['a sample without identifier', { id: w.itemId, patch: { samples: [{ identifier: '  ' }] } }],
      [
        "another item's sample",
        { id: w.itemId, patch: { samples: [{ id: w.sampleId, identifier: 'R-1' }] } },
        'not_found',
      ],
      ['a negative sample size', { id: w.itemId, patch: { sampleSize: -1 } }],
      ['an unknown patch field', { id: w.itemId, patch: { status: 'done' } }],
      ['501 samples', { id: w.itemId, patch: { samples: Array.from({ length: 501 }, () => ({ identifier: 'x' })) } }],
    ],
    'templates.import': [
      [
        'an item without questions',
        { template: { ...miniTemplate(), items: [{ ...miniTemplate().items[0], questions: [] }] } },
      ],
      ['no template', {}],
      ['a built-in id', { template: miniTemplate({ id: 'iso27001-2022-stage2' }) }, 'conflict'],
      ['changed content under an imported version', { template: miniTemplate({ title: 'Changed' }) }, 'conflict'],
    ],
    'soa.preview': soaCases(w),
    'soa.apply': soaCases(w),
    ...(Object.assign({}, ...EXTENSIONS.map((e) => e.cases(w, HUGE))) as Partial<Record<OpName, Case[]>>),
  };
  return [...out, ...(specific[op] ?? [])];
}

/** One copy of `input` per string leaf, that leaf ending in an unpaired high surrogate. */
function withLoneSurrogate(input: unknown, where = ''): [string, unknown][] {
  if (typeof input === 'string') return [[where || 'the input', `${input}\uD800`]];
  if (Array.isArray(input)) {
    const items: unknown[] = input;
    return items.flatMap((v, i) =>
      withLoneSurrogate(v, `${where}[${i}]`).map(([w, bad]): [string, unknown] => [
        w,
        items.map((x, j) => (j === i ? bad : x)),
      ]),
    );
  }
  if (input && typeof input === 'object') {
    return Object.entries(input).flatMap(([k, v]) =>
      withLoneSurrogate(v, where ? `${where}.${k}` : k).map(([w, bad]): [string, unknown] => [
        w,
        { ...input, [k]: bad },
      ]),
    );
  }
  return [];
}

function soaCases(w: World): Case[] {
  return [
    ['junk base64', { auditId: w.plannedId, file: { name: 'soa.csv', contentBase64: '%%% not base64 %%%' } }],
    ['an unknown audit', { auditId: newId(), file: SOA }, 'not_found'],
    ['a Stage 1 audit (no Annex A controls)', { auditId: w.stage1Id, file: SOA }],
    ['a closed audit', { auditId: w.closedId, file: SOA }, 'conflict'],
    ['an empty file', { auditId: w.plannedId, file: { name: 'soa.csv', contentBase64: '' } }],
    ['a PDF', { auditId: w.plannedId, file: { name: 'soa.pdf', contentBase64: 'JVBERi0xLjQK' } }],
    ['no file name', { auditId: w.plannedId, file: { ...SOA, name: '' } }],
  ];
}

describe('every handler rejects malformed input and changes nothing', () => {
  const t = tempBackend();
  let world: World;
  // A second folder seeded the same way and closed: each op's twin is a copy of it. Seeding every kind of
  // record takes seconds on a loaded machine, and seeding afresh for each of the ~130 ops was most of this file's time.
  const golden = tempBackend();
  let goldenWorld: World;
  beforeAll(async () => {
    world = await seed(t.backend);
    goldenWorld = await seed(golden.backend);
    golden.backend.close();
  }, 360_000);
  afterAll(() => {
    t.cleanup();
    rmSync(golden.dataDir, { recursive: true, force: true });
  });

  /** A copy of the seeded, closed golden folder, opened; in-memory sessions (uploads, checks) made afresh in it. */
  async function twin() {
    const dataDir = mkdtempSync(join(tmpdir(), 'fieldwork-twin-'));
    // cp -a keeps the folder's owner-only modes (fs.cpSync makes folders with the umask's).
    execFileSync('cp', ['-a', `${golden.dataDir}/.`, dataDir]);
    const backend = openBackend({ appVersion: 'test', dataDir });
    const w: World = { ...goldenWorld, x: { ...goldenWorld.x } };
    for (const ext of EXTENSIONS) if (ext.sessions) Object.assign(w.x, await ext.sessions(backend, w));
    return {
      backend,
      w,
      cleanup: () => {
        backend.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  it('covers every operation in the contract', () => {
    expect(Object.keys(validInput(world)).sort()).toEqual([...OP_NAMES].sort());
  });

  it('answers unknown operations with an envelope', async () => {
    const before = databaseDigest(t.backend.db);
    for (const op of ['nope', '__proto__', 'constructor', 'clients.list.extra', 42, null]) {
      const r = await t.backend.dispatch(op as string, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown_operation');
    }
    expect(databaseDigest(t.backend.db)).toEqual(before);
  });

  for (const op of OP_NAMES) {
    it(`${op}: the valid input succeeds on a twin database`, async () => {
      const copy = await twin();
      try {
        const r = await copy.backend.dispatch(op, validInput(copy.w)[op]);
        const answer = EXTENSIONS.find((e) => e.validAnswers?.[op])?.validAnswers?.[op];
        if (answer) expect(r.ok ? 'ok' : r.error.code).toBe(answer);
        else expect(r.ok ? 'ok' : r.error.message).toBe('ok');
      } finally {
        copy.cleanup();
      }
    }, 30_000);

    it(`${op}: malformed and impossible inputs`, async () => {
      // Sessions the op's cases use, made afresh: the seeded ones may have expired by now on a slow run.
      for (const ext of EXTENSIONS)
        if (ext.sessions && op in ext.valid(world)) Object.assign(world.x, await ext.sessions(t.backend, world));
      for (const [label, input, code] of cases(op, world)) {
        const before = databaseDigest(t.backend.db);
        const r = await t.backend.dispatch(op, input);
        expect(r.ok, `${op} with ${label}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code, `${op} with ${label}: ${r.error.message}`).toBe(code ?? 'invalid_input');
          expect(r.error.message.length, label).toBeLessThan(500);
        }
        expect(databaseDigest(t.backend.db), `${op} with ${label} changed the database`).toEqual(before);
      }
      // Dozens of cases, each comparing a dump of every table (search index included): slow on a busy machine.
    }, 60_000);
  }
});
