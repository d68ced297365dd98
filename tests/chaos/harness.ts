import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { openBackend } from '#core/backend';
import { sampleAudit, sampleClient } from '../helpers/backend';
import { startServe, stop, type Served } from '../helpers/serve';
import { call, download, must, putBytes } from './host';

/**
 * The crash harness: the BUILT preview host (`fieldwork serve`) on a temp data
 * folder, acknowledged writes of every kind sent to it over HTTP as the
 * renderer sends them, SIGKILL at a random moment, restart, and every write
 * that was acknowledged before the kill must be there (with its evidence and
 * issued files) in a database whose integrity check is clean.
 */

export interface ChaosOptions {
  kills: number;
  seed: number;
  log?: (line: string) => void;
}

export interface ChaosSummary {
  kills: number;
  seed: number;
  acknowledged: Record<Kind, number>;
  /** The kind of write in flight at each kill (its fate is unknown, so it is not checked). */
  inFlightAtKill: Record<Kind, number>;
  dataDir: string;
}

const KINDS = ['client', 'interview', 'checklist', 'upload', 'export', 'issue'] as const;
type Kind = (typeof KINDS)[number];
/** How often each kind is drawn: issuing is slow (scrypt, a whole report), so rarer. */
const WEIGHTS: Record<Kind, number> = { client: 3, interview: 3, checklist: 4, upload: 4, export: 1, issue: 1 };

const PASSPHRASE = 'chaos harness passphrase';
const LEAD = 'Lena Lead';

/** mulberry32: a small seeded generator, so a failing run can be repeated with its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    kind: (): Kind => {
      const total = KINDS.reduce((s, k) => s + WEIGHTS[k], 0);
      let r = next() * total;
      for (const k of KINDS) if ((r -= WEIGHTS[k]) < 0) return k;
      return 'client';
    },
    bytes: (n: number) => {
      const b = Buffer.alloc(n);
      for (let i = 0; i < n; i += 4) b.writeUInt32LE(Math.floor(next() * 4294967296), i);
      return b;
    },
  };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** What the host acknowledged, and so must hold after any crash. */
interface Ledger {
  clients: Map<string, string>;
  interviews: Map<string, string>;
  /** Checklist item → the notes last acknowledged; `inFlight` is a later save whose answer the kill cut off. */
  notes: Map<string, { acked: string; inFlight: string | null }>;
  evidence: Map<string, string>;
  issues: Map<string, string>;
}

interface World {
  auditId: string;
  identityId: string;
  itemIds: string[];
}

export class ChaosFailure extends Error {}
function check(cond: unknown, what: string): asserts cond {
  if (!cond) throw new ChaosFailure(what);
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosSummary> {
  const log = opts.log ?? (() => {});
  const rng = random(opts.seed);
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldwork-chaos-'));
  const ledger: Ledger = {
    clients: new Map(),
    interviews: new Map(),
    notes: new Map(),
    evidence: new Map(),
    issues: new Map(),
  };
  const acknowledged = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const inFlightAtKill = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  let counter = 0;

  let host = await startServe(dataDir);
  try {
    const world = await setUp(host);
    // One write of each kind before the first kill, so every restart has each kind to find.
    for (const kind of KINDS) {
      await perform(kind, host, world, ledger, rng, ++counter);
      acknowledged[kind]++;
    }
    for (let round = 0; round < opts.kills; round++) {
      // The moment of the kill: anywhere in the next 0.05–1.5 s of writes, whatever is in flight then;
      // one round in four waits up to 12 s, long enough for an export or an issue to be acknowledged.
      const wait = rng.next() < 0.25 ? rng.int(1500, 12_000) : rng.int(50, 1500);
      let killed = false;
      let current: Kind | null = null;
      const victim = host;
      const timer = setTimeout(() => {
        killed = true;
        if (current) inFlightAtKill[current]++;
        victim.proc.kill('SIGKILL');
      }, wait);
      while (!killed) {
        const kind = rng.kind();
        current = kind;
        try {
          await perform(kind, host, world, ledger, rng, ++counter);
          acknowledged[kind]++;
        } catch (e) {
          // Only the write the kill cut off may fail; its fate is unknown and not checked.
          if (!killed) {
            clearTimeout(timer);
            throw e;
          }
        }
        current = null;
      }
      await stop(victim.proc, 'SIGKILL');
      check(victim.proc.signalCode === 'SIGKILL', `round ${round}: the host was not killed`);
      host = await startServe(dataDir);
      await verify(host, dataDir, world, ledger, `after kill ${round + 1}`);
      log(`kill ${round + 1}/${opts.kills}: ${JSON.stringify(acknowledged)}`);
    }
  } finally {
    await stop(host.proc, 'SIGTERM');
  }
  assertDurabilityPragmas(dataDir);
  return { kills: opts.kills, seed: opts.seed, acknowledged, inFlightAtKill, dataDir };
}

/**
 * The settings the acknowledged writes rely on, as the backend opens every
 * connection (the host above is built from this code). A process kill cannot
 * tell synchronous=FULL from OFF (the OS keeps the written bytes); a power cut
 * can, so the setting itself is asserted: FULL syncs the WAL at each commit.
 */
export function assertDurabilityPragmas(dataDir: string): void {
  const backend = openBackend({ dataDir, appVersion: 'chaos' });
  try {
    const got = {
      journal_mode: backend.db.pragma('journal_mode', { simple: true }),
      synchronous: backend.db.pragma('synchronous', { simple: true }),
      foreign_keys: backend.db.pragma('foreign_keys', { simple: true }),
    };
    const want = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1 };
    check(
      JSON.stringify(got) === JSON.stringify(want),
      `durability pragmas are ${JSON.stringify(got)}, need ${JSON.stringify(want)} (synchronous 2 = FULL)`,
    );
  } finally {
    backend.close();
  }
}

export function removeChaosFolder(summary: Pick<ChaosSummary, 'dataDir'>): void {
  rmSync(summary.dataDir, { recursive: true, force: true });
}

/** A client, its audit with a lead auditor, the certification body's name and the lead's signing identity. */
async function setUp(host: Served): Promise<World> {
  await must(host, 'branding.update', { name: 'Chaos Certification Ltd' });
  const client = await must<{ id: string; sites: { id: string }[] }>(host, 'clients.create', sampleClient());
  const audit = await must<{ id: string }>(
    host,
    'audits.create',
    sampleAudit(
      client.id,
      client.sites.map((s) => s.id),
    ),
  );
  const identity = await must<{ id: string }>(host, 'signing.create', {
    name: LEAD,
    keyAlgorithm: 'ecdsa-p256',
    validityDays: 30,
    protection: { kind: 'passphrase', passphrase: PASSPHRASE },
  });
  const checklist = await must<{ items: { id: string }[] }>(host, 'checklist.get', { auditId: audit.id });
  return { auditId: audit.id, identityId: identity.id, itemIds: checklist.items.map((i) => i.id) };
}

async function perform(
  kind: Kind,
  host: Served,
  world: World,
  ledger: Ledger,
  rng: ReturnType<typeof random>,
  n: number,
): Promise<void> {
  switch (kind) {
    case 'client': {
      const name = `Client ${n}`;
      const c = await must<{ id: string }>(host, 'clients.create', { ...sampleClient(), name });
      ledger.clients.set(c.id, name);
      return;
    }
    case 'interview': {
      const name = `Interviewee ${n}`;
      const i = await must<{ id: string }>(host, 'interviews.create', {
        auditId: world.auditId,
        interview: { intervieweeName: name, heldAt: '2026-03-02T10:00', notes: `Notes of interview ${n}` },
      });
      ledger.interviews.set(i.id, name);
      return;
    }
    case 'checklist': {
      const id = world.itemIds[rng.int(0, world.itemIds.length - 1)]!;
      const notes = `Checked in save ${n}`;
      const entry = ledger.notes.get(id) ?? { acked: '', inFlight: null };
      ledger.notes.set(id, { ...entry, inFlight: notes });
      await must(host, 'checklist.updateItem', { id, patch: { notes }, by: LEAD });
      ledger.notes.set(id, { acked: notes, inFlight: null });
      return;
    }
    case 'upload': {
      // Random bytes with the write's number in front: every file is new to the store.
      const bytes = Buffer.concat([Buffer.from(`evidence ${n}\n`), rng.bytes(rng.int(1, 96) * 4096)]);
      const { uploadId } = await must<{ uploadId: string }>(host, 'evidence.uploadBegin', {
        auditId: world.auditId,
        name: `scan-${n}.bin`,
        size: bytes.length,
      });
      await putBytes(host, uploadId, 0, bytes);
      const done = await must<{ evidence: { id: string; sha256: string } }>(host, 'evidence.uploadCommit', {
        uploadId,
        links: [{ type: 'audit', id: world.auditId }],
      });
      check(done.evidence.sha256 === sha256(bytes), `upload ${n}: the host hashed other bytes than were sent`);
      ledger.evidence.set(done.evidence.id, done.evidence.sha256);
      return;
    }
    case 'export':
    case 'issue': {
      const issue =
        kind === 'issue'
          ? {
              identityId: world.identityId,
              unlock: { kind: 'passphrase', passphrase: PASSPHRASE },
              by: LEAD,
              overrideReason: 'Chaos run: issued with the checklist incomplete',
            }
          : undefined;
      let job = await must<Job>(host, 'exports.start', { auditId: world.auditId, kind: 'report', issue });
      while (job.state === 'running') {
        // Polled as the UI polls: the host has no completion event to wait on.
        await delay(100);
        job = await must<Job>(host, 'exports.status', { jobId: job.id });
      }
      check(job.state === 'done', `${kind} ${n} ended ${job.state}: ${job.error?.message ?? ''}`);
      const bytes = await download(host, { kind: 'export', jobId: job.id });
      check(sha256(bytes) === job.sha256, `${kind} ${n}: the downloaded file is not the one the job reported`);
      if (kind === 'issue') {
        check(job.issueId, `issue ${n}: no issued version`);
        ledger.issues.set(job.issueId, job.sha256);
      }
      return;
    }
  }
}

interface Job {
  id: string;
  state: string;
  sha256: string | null;
  issueId: string | null;
  error: { message: string } | null;
}

/** Everything acknowledged is there, each stored file is whole, the database is sound. */
async function verify(host: Served, dataDir: string, world: World, ledger: Ledger, when: string): Promise<void> {
  for (const [id, name] of ledger.clients) {
    const c = await call<{ name: string }>(host, 'clients.get', { id });
    check(c.ok && c.value.name === name, `${when}: acknowledged client ${name} is missing`);
  }
  const interviews = await must<{ id: string; intervieweeName: string }[]>(host, 'interviews.list', {
    auditId: world.auditId,
  });
  const byId = new Map(interviews.map((i) => [i.id, i.intervieweeName]));
  for (const [id, name] of ledger.interviews) {
    check(byId.get(id) === name, `${when}: acknowledged interview with ${name} is missing`);
  }
  const checklist = await must<{ items: { id: string; notes: string }[] }>(host, 'checklist.get', {
    auditId: world.auditId,
  });
  const notes = new Map(checklist.items.map((i) => [i.id, i.notes]));
  for (const [id, entry] of ledger.notes) {
    const got = notes.get(id);
    // The save the kill cut off may or may not have landed; nothing older than the acknowledged one may show.
    check(
      got === entry.acked || (entry.inFlight !== null && got === entry.inFlight),
      `${when}: checklist item ${id} shows "${got}", acknowledged "${entry.acked}"`,
    );
    ledger.notes.set(id, { acked: got, inFlight: null });
  }
  for (const [id, sha] of ledger.evidence) {
    const e = await call<{ sha256: string }>(host, 'evidence.get', { id });
    check(e.ok && e.value.sha256 === sha, `${when}: acknowledged attachment ${id} is missing`);
  }
  const report = await must<{ issues: { id: string; sha256: string }[] }>(host, 'reports.get', {
    auditId: world.auditId,
  });
  const issued = new Map(report.issues.map((i) => [i.id, i.sha256]));
  for (const [id, sha] of ledger.issues) {
    check(issued.get(id) === sha, `${when}: acknowledged issued version ${id} is missing`);
    const file = join(dataDir, 'reports', `${sha}.docx`);
    check(existsSync(file) && sha256(readFileSync(file)) === sha, `${when}: issued file ${sha} is missing or damaged`);
  }

  const db = new Database(join(dataDir, 'fieldwork.sqlite'));
  try {
    db.pragma('query_only = ON');
    const integrity = db.pragma('integrity_check', { simple: true });
    check(integrity === 'ok', `${when}: integrity_check says ${String(integrity)}`);
    check((db.pragma('foreign_key_check') as unknown[]).length === 0, `${when}: foreign_key_check found rows`);
    check(db.pragma('journal_mode', { simple: true }) === 'wal', `${when}: the database is not in WAL mode`);
    // Every attachment row, acknowledged or one the kill cut off after its commit, has its whole file.
    const rows = db.prepare('SELECT DISTINCT sha256 FROM evidence').all() as { sha256: string }[];
    for (const { sha256: sha } of rows) {
      const file = join(dataDir, 'evidence', 'blobs', sha.slice(0, 2), sha);
      check(
        existsSync(file) && sha256(readFileSync(file)) === sha,
        `${when}: evidence file ${sha} is missing or damaged`,
      );
    }
    const issues = db.prepare('SELECT sha256 FROM report_issues').all() as { sha256: string }[];
    for (const { sha256: sha } of issues) {
      check(existsSync(join(dataDir, 'reports', `${sha}.docx`)), `${when}: issued file ${sha} is missing`);
    }
  } finally {
    db.close();
  }
  // The restarted host swept what the killed one left half-written.
  const tmp = join(dataDir, 'evidence', 'tmp');
  check(!existsSync(tmp) || readdirSync(tmp).length === 0, `${when}: evidence/tmp still holds a dead upload's file`);
}
