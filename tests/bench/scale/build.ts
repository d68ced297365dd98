/**
 * The large data folder of `npm run bench scale`: ten years of a certification
 * body on one laptop, written through the operations the app calls (dispatch),
 * in the order years of use would write them: 300 clients, each with five
 * audits (1,500, every one with its 123-item checklist), 27–28 checklist items
 * filled per audit (41,000 notes), 30 interviews and observations per audit
 * (45,000) and 13–14 findings per audit (20,000) taken through their life, so
 * every state is there. Evidence files are fewer and smaller than a real
 * folder's: EVIDENCE_PER_AUDIT small text files per audit, imported the way
 * `fieldwork import-evidence` does.
 *
 * Each audit's fieldwork runs inside one outer transaction (the handlers' own
 * transactions become savepoints), so the folder builds in minutes instead of
 * paying an fsync per operation; the rows, the change log and the clock steps
 * are the ones the operations write.
 *
 * Built once per schema (version and migrations' digest) and BUILD_VERSION
 * (bumped when this shape changes) into a folder in the system's temp
 * directory; a folder without its `built.json` was interrupted and is built
 * again. A new migration does not rebuild it: the folder of an earlier schema
 * is copied and migrated forward by opening it, as the app does.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, importEvidencePaths, type Backend } from '#core/backend';
import { MIGRATIONS, SCHEMA_VERSION } from '#core/db/migrations';
import type { Audit, AuditType } from '#shared/domain/audit';
import { RESULT_KEYS } from '#shared/domain/checklist';
import { notApplicableRefused } from '#shared/rules/checklist';
import type { FindingType } from '#shared/domain/finding';
import { value } from '../../helpers/backend';
import { findingEvidence, findingStatement, itemNotes } from '../fixtures/texts';

const BUILD_VERSION = 1;
export const SCALE = {
  clients: 300,
  auditsPerClient: 5,
  findings: 20_000,
  records: 45_000,
  checklistNotes: 41_000,
  evidencePerAudit: 4,
} as const;

/** The first `version` migrations' own text too: an unreleased migration may still change without a new number. */
const schemaKey = (version: number) =>
  `${version}-${createHash('sha256')
    .update(
      MIGRATIONS.slice(0, version)
        .map((m) => m.sql)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 8)}`;

const folderName = (version: number, clients: number) =>
  `fieldwork-bench-scale-schema${schemaKey(version)}-v${BUILD_VERSION}${clients === SCALE.clients ? '' : `-${clients}clients`}`;

export const scaleDir = (clients: number = SCALE.clients) => join(tmpdir(), folderName(SCHEMA_VERSION, clients));

export interface ScaleFolder {
  dataDir: string;
  /** Seconds the build took (of the run that built it). */
  buildSeconds: number;
  counts: Record<string, number>;
}

const LEAD = { name: 'Amelia Hartmann', email: 'a.hartmann@cb.example', role: 'lead_auditor' as const };
const AUDITOR = { name: 'Rafael Ortiz', email: 'r.ortiz@cb.example', role: 'auditor' as const };
const CYCLE: AuditType[] = ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification'];
const NAMES = ['Nordlicht', 'Havelwerk', 'Brightwater', 'Kestrel', 'Ostara', 'Lumen', 'Tessaract', 'Vantage'];
const KINDS = ['Logistics GmbH', 'Medical Supplies', 'Software Ltd', 'Insurance AG', 'Cloud Services', 'Foods plc'];
const ROLES = ['CISO', 'IT manager', 'HR lead', 'Developer', 'Service desk agent', 'Facilities manager', 'DPO'];
const DEPARTMENTS = ['IT', 'HR', 'Finance', 'Operations', 'Legal', 'Facilities', 'Development', 'Sales'];
const PEOPLE = ['Maria Lopez', 'Jonas Berg', 'Aisha Khan', 'Tom Reed', 'Lena Vogel', 'Pedro Sousa', 'Yuki Mori'];
const PLACES = ['Server room', 'Reception', 'Loading bay', 'Finance office', 'Data centre hall B', 'Print room'];
const TYPES: FindingType[] = ['major', 'minor', 'minor', 'minor', 'minor', 'ofi', 'ofi', 'ofi', 'positive', 'positive'];

const STAGE1_NOTES = 10;

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;
const day = (base: string, days: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Spreads `total` over `parts` as evenly as whole numbers allow (the first ones get the remainder). */
const share = (total: number, parts: number, i: number) => Math.floor(total / parts) + (i < total % parts ? 1 : 0);

/** What a built folder's `built.json` says about it (its build time and row counts). */
export const scaleFolderInfo = (dataDir: string): Omit<ScaleFolder, 'dataDir'> =>
  JSON.parse(readFileSync(join(dataDir, 'built.json'), 'utf8')) as Omit<ScaleFolder, 'dataDir'>;

/** The folder, built if it is not there yet; fewer `clients` make a smaller one, to try the bench out. */
export async function ensureScaleFolder(
  log: (s: string) => void,
  clients: number = SCALE.clients,
): Promise<ScaleFolder> {
  const dataDir = scaleDir(clients);
  const marker = join(dataDir, 'built.json');
  if (existsSync(marker)) return { dataDir, ...scaleFolderInfo(dataDir) };
  const built = migrateOlderFolder(dataDir, clients, log) ?? (await buildScaleFolder(dataDir, clients, log));
  writeFileSync(marker, JSON.stringify(built));
  return { dataDir, ...built };
}

/**
 * A folder built for an earlier schema (the newest one whose migrations are the
 * first of today's, unchanged), copied and opened, so the app migrates it forward
 * the way it migrates a user's folder: minutes of copying instead of 40 of building.
 * The older folder is kept, for the code it was built for.
 */
function migrateOlderFolder(
  dataDir: string,
  clients: number,
  log: (s: string) => void,
): Omit<ScaleFolder, 'dataDir'> | undefined {
  for (let version = SCHEMA_VERSION - 1; version > 0; version--) {
    const older = join(tmpdir(), folderName(version, clients));
    const marker = join(older, 'built.json');
    if (!existsSync(marker)) continue;
    log(`scale: copying ${older} (schema ${version}) and migrating it to schema ${SCHEMA_VERSION}`);
    const t0 = performance.now();
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(older, dataDir, { recursive: true });
    rmSync(join(dataDir, 'built.json'));
    openBackend({ dataDir, appVersion: 'bench' }).close();
    log(`scale: copied and migrated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    return JSON.parse(readFileSync(marker, 'utf8')) as Omit<ScaleFolder, 'dataDir'>;
  }
  return undefined;
}

/** Builds the folder afresh with the first `clients` clients (all of them for the bench; fewer to try it out). */
export async function buildScaleFolder(
  dataDir: string,
  clients: number,
  log: (s: string) => void,
): Promise<Omit<ScaleFolder, 'dataDir'>> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const t0 = performance.now();
  const backend = openBackend({ dataDir, appVersion: 'bench' });
  try {
    const filesDir = join(dataDir, '..', `${dataDir.split('/').pop()}-files`);
    for (let c = 0; c < clients; c++) {
      await buildClient(backend, c, c * SCALE.auditsPerClient, filesDir);
      if (c % 10 === 9) log(`scale: ${c + 1}/${clients} clients in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    rmSync(filesDir, { recursive: true, force: true });
    const count = (table: string) => backend.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const counts = Object.fromEntries(
      ['clients', 'audits', 'checklist_items', 'findings', 'interviews', 'observations', 'evidence', 'change_log'].map(
        (t) => [t, count(t)],
      ),
    );
    counts.checklistNotes = backend.db
      .prepare("SELECT count(*) FROM checklist_items WHERE notes <> ''")
      .pluck()
      .get() as number;
    return { buildSeconds: Math.round((performance.now() - t0) / 1000), counts };
  } finally {
    backend.close();
  }
}

/** One client and its five audits, each from planning to (for all but the last) closing. */
async function buildClient(backend: Backend, c: number, firstAudit: number, filesDir: string): Promise<void> {
  const client = await batch(backend, async () =>
    value(
      await backend.call('clients.create', {
        name: `${pick(NAMES, c)} ${pick(KINDS, Math.floor(c / NAMES.length))} ${c + 1}`,
        address: `${c + 1} Harbour Road`,
        representative: pick(PEOPLE, c),
        contacts: [{ name: pick(PEOPLE, c + 3), role: 'ISMS manager', email: `isms${c}@client.example`, phone: '' }],
        sites: [
          {
            name: 'Head office',
            address: `${c + 1} Harbour Road`,
            headcount: 50 + (c % 400),
            processes: 'Management, IT',
          },
          { name: 'Warehouse', address: `${c + 2} Dock Street`, headcount: 20 + (c % 90), processes: 'Operations' },
        ],
      }),
    ),
  );
  const siteIds = client.sites.map((s) => s.id);
  // Clients join a week apart from 2016 on; their audits follow about ten months apart.
  const first = day('2016-01-04', c * 7);
  for (let k = 0; k < CYCLE.length; k++) {
    const a = firstAudit + k;
    const start = day(first, k === 0 ? 0 : 30 + (k - 1) * 300);
    const last = k === CYCLE.length - 1;
    const audit = await batch(backend, async () => {
      const audit = value(
        await backend.call('audits.create', {
          clientId: client.id,
          type: CYCLE[k]!,
          scope: `Information security management for ${client.name}, all sites.`,
          siteIds,
          startDate: start,
          endDate: day(start, 2),
          mode: 'on_site',
          team: [LEAD, AUDITOR],
          objectives: 'Evaluate the implementation and effectiveness of the ISMS.',
          criteria: 'ISO/IEC 27001:2022',
        }),
      );
      value(await backend.call('audits.setStatus', { id: audit.id, status: 'in_progress' }));
      await fieldwork(backend, audit, a, last);
      return audit;
    });
    // The evidence import commits its own rows (it cannot run inside the batch), before the audit is closed.
    await addEvidence(backend, audit.id, filesDir, a);
    if (!last) {
      for (const status of ['reporting', 'closed'] as const) {
        value(await backend.call('audits.setStatus', { id: audit.id, status, reason: 'Closed for the test' }));
      }
    }
  }
}

/** Runs one audit's worth of operations in one outer transaction: their own transactions become savepoints. */
async function batch<T>(backend: Backend, fn: () => Promise<T>): Promise<T> {
  backend.db.exec('BEGIN IMMEDIATE');
  try {
    const out = await fn();
    backend.db.exec('COMMIT');
    return out;
  } catch (e) {
    if (backend.db.inTransaction) backend.db.exec('ROLLBACK');
    throw e;
  }
}

async function fieldwork(backend: Backend, audit: Audit, a: number, current: boolean): Promise<void> {
  const totalAudits = SCALE.clients * SCALE.auditsPerClient;
  const items = value(await backend.call('checklist.get', { auditId: audit.id })).items;
  // A Stage 1 checklist has 15 readiness topics: 10 of them get notes, the other audits share the rest.
  const stage1s = SCALE.clients;
  const notes =
    audit.type === 'stage1'
      ? STAGE1_NOTES
      : share(SCALE.checklistNotes - stage1s * STAGE1_NOTES, totalAudits - stage1s, a - Math.ceil(a / CYCLE.length));
  for (let i = 0; i < Math.min(notes, items.length); i++) {
    const item = items[(a * 7 + i) % items.length]!;
    const wanted = RESULT_KEYS[1 + ((a + i) % (RESULT_KEYS.length - 1))] ?? 'conforming';
    // Clauses 4 to 10 cannot be not applicable (shared/rules/checklist.ts): those are found conforming instead.
    const result = wanted === 'not_applicable' && notApplicableRefused(item) ? 'conforming' : wanted;
    value(
      await backend.call('checklist.updateItem', {
        id: item.id,
        patch: {
          result,
          notes: itemNotes(item.number, a * 31 + i),
          assigneeId: audit.team[i % audit.team.length]!.id,
          minutesSpent: 10 + (i % 50),
        },
        by: LEAD.name,
      }),
    );
  }
  const records = share(SCALE.records, totalAudits, a);
  const heldAt = `${audit.startDate}T${String(9 + (a % 8)).padStart(2, '0')}:30`;
  const recordIds: string[] = [];
  for (let r = 0; r < records; r++) {
    const itemIds = [items[(r * 7 + a) % items.length]!.id];
    if (r % 9 < 5) {
      const interview = value(
        await backend.call('interviews.create', {
          auditId: audit.id,
          interview: {
            intervieweeName: `${pick(PEOPLE, a + r)} ${r}`,
            intervieweeRole: pick(ROLES, r),
            department: pick(DEPARTMENTS, a + r),
            siteId: audit.siteIds[r % audit.siteIds.length] ?? null,
            heldAt,
            auditorIds: [audit.team[r % 2]!.id],
            itemIds,
            notes: `${itemNotes(`Interview ${r + 1}`, a + r)} ${itemNotes('Follow-up', a * 7 + r)}`,
          },
        }),
      );
      recordIds.push(interview.id);
    } else {
      value(
        await backend.call('observations.create', {
          auditId: audit.id,
          observation: {
            siteId: audit.siteIds[r % audit.siteIds.length] ?? null,
            location: pick(PLACES, a + r),
            observedAt: heldAt,
            description: itemNotes(pick(PLACES, r), a * 13 + r),
            itemIds,
          },
        }),
      );
    }
  }
  const findings = share(SCALE.findings, totalAudits, a);
  for (let f = 0; f < findings; f++) await finding(backend, audit, items, a, f, current, recordIds);
}

/**
 * A finding taken as far along its life as its audit's age suggests: in closed audits most are closed, some
 * wait for verification or a response (and are overdue); in the current audit they are drafts, open, answered.
 */
async function finding(
  backend: Backend,
  audit: Audit,
  items: { id: string }[],
  a: number,
  f: number,
  current: boolean,
  recordIds: string[],
): Promise<void> {
  const type = pick(TYPES, a + f);
  const n = a * 17 + f;
  const draft = value(
    await backend.call('findings.create', {
      auditId: audit.id,
      finding: {
        type,
        itemIds: [items[(f * 11 + a) % items.length]!.id],
        statement: findingStatement(type, n),
        evidenceText: findingEvidence(n),
        records: recordIds.length > 0 ? [{ type: 'interview', id: recordIds[f % recordIds.length]! }] : [],
        siteId: audit.siteIds[f % audit.siteIds.length] ?? null,
        raisedBy: LEAD.name,
        raisedAt: `${audit.startDate}T11:00`,
      },
      by: LEAD.name,
    }),
  );
  const id = draft.id;
  const stage = current ? f % 5 : 2 + (f % 8); // current: 0 draft … 4 accepted; past: mostly closed
  if (stage === 0) return;
  value(await backend.call('findings.issue', { id, by: LEAD.name }));
  const nc = type === 'major' || type === 'minor';
  if (!nc) {
    if (!current) value(await backend.call('findings.close', { id, by: LEAD.name }));
    return;
  }
  if (stage === 1 || stage === 2) return; // open (in a past audit: overdue)
  const received = day(audit.endDate, 20);
  value(
    await backend.call('findings.respond', {
      id,
      response: {
        receivedAt: received,
        correction: 'Immediate correction made and evidenced to the audit team.',
        rootCause: 'The procedure did not assign the task to a named role, so it was skipped under workload.',
        correctiveAction: 'Name an owner for the task and add it to the monthly compliance review.',
        responsible: pick(PEOPLE, n),
        correctionDue: received,
        actionDue: day(received, 60),
      },
      by: LEAD.name,
    }),
  );
  if (stage === 3) return;
  value(await backend.call('findings.decideResponse', { id, decision: 'accepted', by: LEAD.name }));
  if (stage === 4) return;
  value(
    await backend.call('findings.verify', {
      id,
      verification: {
        method: 'document_review',
        notes: 'Records of the last two months show the task done by its new owner.',
        verifiedOn: day(received, 30),
        verifiedBy: LEAD.name,
        auditId: audit.id,
      },
      by: LEAD.name,
    }),
  );
  if (stage === 5) return;
  value(await backend.call('findings.close', { id, by: LEAD.name }));
}

async function addEvidence(backend: Backend, auditId: string, filesDir: string, a: number): Promise<void> {
  const dir = join(filesDir, String(a));
  mkdirSync(dir, { recursive: true });
  for (let e = 0; e < SCALE.evidencePerAudit; e++) {
    writeFileSync(
      join(dir, `record-${e + 1}.txt`),
      `${itemNotes(`Evidence ${a}-${e}`, a * 3 + e)}\n`.repeat(1 + (e % 4)),
    );
  }
  const r = await importEvidencePaths(backend, { auditId, paths: [dir], addedBy: LEAD.name });
  if (r.added !== SCALE.evidencePerAudit) throw new Error(`evidence import added ${r.added} files`);
  rmSync(dir, { recursive: true, force: true });
}
