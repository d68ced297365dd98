import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_NAMES, type OpName } from '#shared/api/ops';
import { newId } from '#core/ids';
import { openBackend, type Backend } from '#core/backend';
import { databaseDigest, sampleAudit, sampleClient } from '../../../helpers/backend';
import { SOA, seedWorld, validInputs } from '../../../helpers/world';
import { walWitness } from '../../../helpers/wal-witness';
import { miniTemplate } from '../../../helpers/templates';
import type { Case, World } from './types';
import { EXTENSIONS, SUITES, opsOf, type SuiteName } from './extensions';

/**
 * Every operation, fed malformed or impossible input, answers an error
 * envelope and leaves the database unchanged. Each op also has a valid input
 * (checked to succeed on a twin database) from which the bad cases are
 * derived, so a case fails only because of what it breaks. The ops are split
 * over several test files by group (extensions.ts SUITES) so workers share them.
 */
const HUGE = 'x'.repeat(10 * 1024 * 1024);

/** Ops of no group: the base ops, checked by the 'base' suite. */
export const BASE_OPS: readonly OpName[] = (() => {
  const grouped = new Set(EXTENSIONS.flatMap(opsOf));
  return OP_NAMES.filter((op) => !grouped.has(op));
})();

/** The ops one suite checks. */
export const suiteOps = (name: SuiteName): OpName[] => [
  ...(name === 'base' ? BASE_OPS : []),
  ...SUITES[name].flatMap(opsOf),
];

function cases(op: OpName, w: World): Case[] {
  const valid = validInputs(w, EXTENSIONS)[op]!;
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

/** A folder seeded once per file and closed; the live backend and each op's twin are copies of it. */
function copyOf(golden: string): { backend: Backend; dataDir: string; cleanup: () => void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldwork-twin-'));
  // cp -a keeps the folder's owner-only modes (fs.cpSync makes folders with the umask's).
  execFileSync('cp', ['-a', `${golden}/.`, dataDir]);
  const backend = openBackend({ appVersion: 'test', dataDir });
  return {
    backend,
    dataDir,
    cleanup: () => {
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The tables whose rows differ between two digests. */
const changed = (a: Record<string, string>, b: Record<string, string>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t]).sort();

/** The group an op belongs to (none for base ops), whose in-memory sessions its inputs use. */
const groupOf = (op: OpName) => EXTENSIONS.find((e) => opsOf(e).includes(op));

/** The malformed-input checks of one suite's ops. */
export function malformedSuite(name: SuiteName): void {
  describe(`every handler rejects malformed input and changes nothing (${name})`, () => {
    let golden: string;
    let goldenWorld: World;
    let live: ReturnType<typeof copyOf>;
    let world: World;
    // Seeding every kind of record takes seconds on a loaded machine: it happens once per file, into a folder
    // that is then closed; the live backend the bad cases run on and each op's twin are copies of it.
    beforeAll(async () => {
      golden = mkdtempSync(join(tmpdir(), 'fieldwork-golden-'));
      const seeding = openBackend({ appVersion: 'test', dataDir: golden });
      try {
        goldenWorld = await seedWorld(seeding, EXTENSIONS);
      } finally {
        seeding.close();
      }
      live = copyOf(golden);
      world = { ...goldenWorld, x: { ...goldenWorld.x } };
      for (const ext of EXTENSIONS) if (ext.sessions) Object.assign(world.x, await ext.sessions(live.backend, world));
    }, 600_000);
    afterAll(() => {
      live?.cleanup();
      if (golden) rmSync(golden, { recursive: true, force: true });
    });

    /** A copy of the golden folder, opened, with the in-memory sessions (uploads, checks) of the op's group. */
    async function twin(op: OpName) {
      const copy = copyOf(golden);
      const w: World = { ...goldenWorld, x: { ...goldenWorld.x } };
      const sessions = groupOf(op)?.sessions;
      if (sessions) Object.assign(w.x, await sessions(copy.backend, w));
      return { ...copy, w };
    }

    if (name === 'base') {
      it('covers every operation in the contract, each in one suite', () => {
        expect(Object.keys(validInputs(world, EXTENSIONS)).sort()).toEqual([...OP_NAMES].sort());
        const suites = (Object.keys(SUITES) as SuiteName[]).flatMap(suiteOps);
        expect(suites.sort()).toEqual([...OP_NAMES].sort());
        expect(new Set(Object.values(SUITES).flat()).size, 'every group in one suite').toBe(EXTENSIONS.length);
      });

      it('answers unknown operations with an envelope', async () => {
        const before = databaseDigest(live.backend.db);
        for (const op of ['nope', '__proto__', 'constructor', 'clients.list.extra', 42, null]) {
          const r = await live.backend.dispatch(op as string, {});
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error.code).toBe('unknown_operation');
        }
        expect(databaseDigest(live.backend.db)).toEqual(before);
      });
    }

    for (const op of suiteOps(name)) {
      it(`${op}: the valid input succeeds on a twin database`, async () => {
        const copy = await twin(op);
        try {
          const r = await copy.backend.dispatch(op, validInputs(copy.w, EXTENSIONS)[op]);
          const answer = EXTENSIONS.find((e) => e.validAnswers?.[op])?.validAnswers?.[op];
          if (answer) expect(r.ok ? 'ok' : r.error.code).toBe(answer);
          else expect(r.ok ? 'ok' : r.error.message).toBe('ok');
        } finally {
          copy.cleanup();
        }
      }, 60_000);

      it(`${op}: malformed and impossible inputs`, async () => {
        // Sessions the op's cases use, made afresh: the seeded ones may have expired by now on a slow run.
        const sessions = groupOf(op)?.sessions;
        if (sessions) Object.assign(world.x, await sessions(live.backend, world));
        // Files earlier work queued for removal (a backup queues those it held) go after the next op: this
        // harmless one, so that the clean-up is not counted against the first bad case.
        expect((await live.backend.dispatch('app.info', {})).ok).toBe(true);
        // Every row of every table before the cases, and after them all. Between, each case must leave the WAL
        // and the database file as they were (a commit appends to the WAL or restarts it with a new header);
        // when they moved, every row is compared right there.
        const before = databaseDigest(live.backend.db);
        for (const [label, input, code] of cases(op, world)) {
          const witness = walWitness(live.dataDir);
          const r = await live.backend.dispatch(op, input);
          expect(r.ok, `${op} with ${label}`).toBe(false);
          if (!r.ok) {
            expect(r.error.code, `${op} with ${label}: ${r.error.message}`).toBe(code ?? 'invalid_input');
            expect(r.error.message.length, label).toBeLessThan(500);
          }
          if (walWitness(live.dataDir) !== witness) {
            expect(
              changed(before, databaseDigest(live.backend.db)),
              `${op} with ${label} changed these tables`,
            ).toEqual([]);
          }
        }
        expect(changed(before, databaseDigest(live.backend.db)), `${op}'s bad cases changed these tables`).toEqual([]);
      }, 120_000);
    }
  });
}
