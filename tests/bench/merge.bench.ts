/**
 * `npm run bench merge`: the lead imports 5 team members' return packages,
 * each 10,000 changed records (checklist items' notes and results, interviews,
 * observations) and ~40 MB of evidence (200 MB in all), into its data folder.
 *
 * Set-up (not timed): a lead folder creates an audit and sends it out; 5
 * member folders import the send-out, each edits its share of the checklist
 * (plus one item every member edits: one conflict), adds interviews,
 * observations and 20 random-byte evidence files, and exports its return.
 *
 * Timed, in rounds on a fresh copy of the lead folder: ours is
 * importTeamPackage × 5 in a child process (so its peak RSS is its own); the
 * baseline, measured in the same run, is the floor of that work: the rows
 * the merge must leave — the records (read from the members' folders), the
 * change-log entries the packages carry (the history later round trips and
 * the conflict list need) and the records' search entries — inserted with one
 * prepared INSERT per row in one transaction into tables of the same shape
 * (schema and indexes copied, same pragmas) in a fresh file, plus copyFile and
 * fsync of the same evidence files (the store fsyncs what it places). The
 * narrower floor of the records alone is printed too. `sync` runs before each
 * side. Medians reported; each side's CPU time (user + system) is printed too,
 * steadier than wall time when other work shares the machine.
 * MERGE_CPU_PROF_DIR=dir writes a CPU profile of each round's imports there;
 * MERGE_PREPARED_DIR=dir keeps the set-up there and reuses it on later runs
 * (for profiling a change to the import: delete the folder when the export changes).
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { median } from './report';

const MEMBERS = 5;
const RECORDS_PER_MEMBER = 10_000;
const FILES_PER_MEMBER = 20;
const FILE_BYTES = 2 * 1024 * 1024; // 20 × 2 MiB = 40 MiB a member, 200 MiB in all
const ROUNDS = 3;
const PASSPHRASE = 'bench-passphrase';
const TARGET_RATIO = 0.67;
const TARGET_RSS_MB = 500;
/** The tables whose rows the packages carry: the baseline inserts the same rows into copies of them. */
const TABLES = ['checklist_items', 'interviews', 'observations', 'evidence'] as const;

interface Prepared {
  leadDir: string;
  auditId: string;
  packages: { file: string; fingerprint: string }[];
  /** Per table, every record row the packages carry (as the members hold them). */
  rows: Record<string, Record<string, unknown>[]>;
  records: number;
  evidenceFiles: string[];
  evidenceBytes: number;
  expected: { interviews: number; observations: number };
  /** The member folders and their device ids, for the informative floor that also stores the change log. */
  members: { dir: string; device: string }[];
}

type Must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }) => T;
const must: Must = (r) => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Ours, in its own process: the five imports into the lead folder, one after another. */
async function child(planFile: string): Promise<void> {
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Pick<
    Prepared,
    'leadDir' | 'auditId' | 'packages' | 'expected'
  >;
  const { openBackend } = await import('#core/backend');
  const { importTeamPackage } = await import('#core/sync/index');
  const backend = openBackend({ dataDir: plan.leadDir, appVersion: 'bench' });
  const totals = { added: 0, changed: 0, conflicts: 0 };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const p of plan.packages) {
    const r = await importTeamPackage(backend.context, p.file, { acceptFingerprint: p.fingerprint, by: 'Lena Lead' });
    totals.added += r.summary.added;
    totals.changed += r.summary.changed;
    totals.conflicts += r.summary.conflicts;
  }
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(cpu0);
  const count = (table: string) =>
    backend.db.prepare(`SELECT count(*) FROM ${table} WHERE audit_id = ?`).pluck().get(plan.auditId) as number;
  const held = { interviews: count('interviews'), observations: count('observations') };
  backend.close();
  if (held.interviews !== plan.expected.interviews || held.observations !== plan.expected.observations) {
    throw new Error(`the lead holds ${JSON.stringify(held)} after the imports, not ${JSON.stringify(plan.expected)}`);
  }
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  const peakKb = hwm ? Number(hwm) : process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ ms, cpuMs, ...totals, peakKb }));
}

/** Builds the lead folder and the five return packages through the real operations. */
async function prepare(root: string): Promise<Prepared> {
  const { openBackend } = await import('#core/backend');
  const { exportTeamPackage, importTeamPackage } = await import('#core/sync/index');
  const { importEvidenceFiles } = await import('#core/evidence/import');
  const { sampleAudit, sampleClient } = await import('../helpers/backend');

  const identity = async (backend: ReturnType<typeof openBackend>, name: string) =>
    must(
      await backend.call('signing.create', {
        name,
        keyAlgorithm: 'ecdsa-p256',
        protection: { kind: 'passphrase', passphrase: PASSPHRASE },
      }),
    );
  const exportTo = async (
    backend: ReturnType<typeof openBackend>,
    auditId: string,
    id: { id: string; name: string },
    out: string,
  ) =>
    exportTeamPackage(backend.context, {
      auditId,
      for: '',
      full: false,
      includeEvidence: true,
      identityId: id.id,
      unlock: { kind: 'passphrase', passphrase: PASSPHRASE },
      acceptExpired: false,
      by: id.name,
      out,
    });

  const leadDir = join(root, 'lead');
  const lead = openBackend({ dataDir: leadDir, appVersion: 'bench' });
  const leadId = await identity(lead, 'Lena Lead');
  const client = must(await lead.call('clients.create', sampleClient()));
  const audit = must(await lead.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id])));
  const sendOut = join(root, 'send.fwpkg');
  await exportTo(lead, audit.id, leadId, sendOut);
  lead.close();

  const rows: Prepared['rows'] = Object.fromEntries(TABLES.map((t) => [t, []]));
  const packages: Prepared['packages'] = [];
  const evidenceFiles: string[] = [];
  let evidenceBytes = 0;
  const expected = { interviews: 0, observations: 0 };
  const members: Prepared['members'] = [];
  const buffer = Buffer.allocUnsafe(FILE_BYTES);
  for (let m = 0; m < MEMBERS; m++) {
    const dir = join(root, `member-${m}`);
    const member = openBackend({ dataDir: dir, appVersion: 'bench' });
    member.db.pragma('synchronous = OFF'); // set-up only: the timed import runs on the lead's own pragmas
    const name = `Auditor ${m + 1}`;
    await importTeamPackage(member.context, sendOut, { acceptFingerprint: leadId.fingerprint, by: name });
    const me = await identity(member, name);

    // Its share of the checklist, and one item everyone edits (a conflict at the lead).
    const items = must(await member.call('checklist.get', { auditId: audit.id })).items;
    const mine = items.filter((_, i) => i === 0 || i % MEMBERS === m);
    for (const [i, item] of mine.entries()) {
      must(
        await member.call('checklist.updateItem', {
          id: item.id,
          patch: { notes: `${name}: evidence sampled and seen, note ${i}`, result: i % 3 ? 'conforming' : 'ofi' },
          by: name,
        }),
      );
    }
    const rest = RECORDS_PER_MEMBER - mine.length;
    const interviews = Math.ceil(rest / 2);
    for (let i = 0; i < rest; i++) {
      const day = `2026-03-0${2 + (i % 3)}T${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
      if (i < interviews) {
        must(
          await member.call('interviews.create', {
            auditId: audit.id,
            interview: {
              intervieweeName: `Interviewee ${m}-${i}`,
              intervieweeRole: 'System administrator',
              department: 'IT operations',
              heldAt: day,
              notes: `Walked through the backup schedule and the last restore test (${name}, ${i}).`,
            },
          }),
        );
      } else {
        must(
          await member.call('observations.create', {
            auditId: audit.id,
            observation: {
              location: `Server room ${i % 4}`,
              observedAt: day,
              description: `Access log reviewed, door closed, visitor book filled in (${name}, ${i}).`,
            },
          }),
        );
      }
    }
    expected.interviews += interviews;
    expected.observations += rest - interviews;

    const files = join(root, `files-${m}`);
    mkdirSync(files);
    for (let f = 0; f < FILES_PER_MEMBER; f++) {
      randomFillSync(buffer);
      writeFileSync(join(files, `photo-${f}.bin`), buffer);
    }
    const added = await importEvidenceFiles(member, { auditId: audit.id, paths: [files], addedBy: name });
    if (added.added !== FILES_PER_MEMBER) throw new Error(`member ${m} added ${added.added} evidence files`);

    const ids = new Set(mine.map((i) => i.id));
    for (const table of TABLES) {
      const all = member.db.prepare(`SELECT * FROM ${table} WHERE audit_id = ?`).all(audit.id) as Record<
        string,
        unknown
      >[];
      rows[table]!.push(...(table === 'checklist_items' ? all.filter((r) => ids.has(r.id as string)) : all));
    }
    for (const e of member.db.prepare('SELECT sha256, size FROM evidence WHERE audit_id = ?').all(audit.id) as {
      sha256: string;
      size: number;
    }[]) {
      evidenceFiles.push(join(dir, 'evidence', 'blobs', e.sha256.slice(0, 2), e.sha256));
      evidenceBytes += e.size;
    }

    const file = join(root, `return-${m}.fwpkg`);
    await exportTo(member, audit.id, me, file);
    packages.push({ file, fingerprint: me.fingerprint });
    members.push({ dir, device: member.deviceId });
    member.close();
    console.error(`merge: member ${m + 1} of ${MEMBERS} ready`);
  }
  const records = Object.values(rows).reduce((n, r) => n + r.length, 0);
  return { leadDir, auditId: audit.id, packages, rows, records, evidenceFiles, evidenceBytes, expected, members };
}

/** Each member's own change-log entries (what its package carries), without the local sequence number. */
function logRows(p: Prepared): Record<string, unknown>[] {
  return p.members.flatMap((m) => {
    const db = new Database(join(m.dir, 'fieldwork.sqlite'), { readonly: true });
    try {
      return (
        db.prepare('SELECT * FROM change_log WHERE device_id = ?').all(m.device) as Record<string, unknown>[]
      ).map(({ seq: _seq, ...row }) => row);
    } finally {
      db.close();
    }
  });
}

/** SQL's `a || ' ' || b`: NULL when any part is. */
const joined = (...parts: unknown[]): string | null =>
  parts.some((x) => x === null || x === undefined) ? null : parts.join(' ');

/** Title and body of a record's search entry, as the index triggers compute them (migrations 3 and 11). */
const SEARCH_TEXT: Record<string, (r: Record<string, unknown>) => [string | null, unknown]> = {
  checklist_items: (r) => [joined(r.number, r.title), r.notes],
  interviews: (r) => [joined(r.interviewee_name, r.interviewee_role, r.department), r.notes],
  observations: (r) => [r.location as string, r.description],
  evidence: (r) => [r.original_name as string, r.description],
};

/** The search entries of the packages' records: search_docs rows, then the index rows by the same rowid. */
function searchRows(p: Prepared): { docs: Record<string, unknown>[]; index: Record<string, unknown>[] } {
  const docs: Record<string, unknown>[] = [];
  const index: Record<string, unknown>[] = [];
  const KIND: Record<string, string> = {
    checklist_items: 'checklist_item',
    interviews: 'interview',
    observations: 'observation',
    evidence: 'evidence',
  };
  const seen = new Set<unknown>(); // the item every member edits is one record, indexed once
  for (const table of TABLES) {
    for (const r of p.rows[table]!) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const rowid = docs.length + 1;
      docs.push({ rowid, record_id: r.id, kind: KIND[table], audit_id: r.audit_id });
      const [title, body] = SEARCH_TEXT[table]!(r);
      index.push({ rowid, title, body });
    }
  }
  return { docs, index };
}

/** The rows the floor inserts, per table: the records, and for the full floor their log and search entries. */
type Lists = [string, Record<string, unknown>[]][];

/**
 * The floor: the same rows, one prepared INSERT each, one transaction, into
 * tables of the same shape; then copyFile and fsync of each evidence file
 * (the store fsyncs every file it places, so the floor does too).
 */
async function baseline(
  root: string,
  leadDir: string,
  p: Prepared,
  lists: Lists,
): Promise<{ ms: number; cpuMs: number }> {
  const dir = join(root, 'baseline');
  mkdirSync(join(dir, 'files'), { recursive: true });
  const names = lists.map(([t]) => t);
  const source = new Database(join(leadDir, 'fieldwork.sqlite'), { readonly: true });
  const schema = source
    .prepare(`SELECT sql FROM sqlite_master WHERE tbl_name IN (${names.map(() => '?').join(',')}) AND sql IS NOT NULL`)
    .pluck()
    .all(...names) as string[];
  source.close();
  const db = new Database(join(dir, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = OFF'); // the tables they reference are not copied
  for (const sql of schema) {
    // Same columns, constraints and indexes, under other names (no triggers: those are ours to pay for).
    if (/^CREATE TRIGGER/i.test(sql)) continue;
    db.exec(
      sql
        .replace(/^CREATE (VIRTUAL )?TABLE (\w+)/, 'CREATE $1TABLE b_$2')
        .replace(/^CREATE (UNIQUE )?INDEX (\w+) ON (\w+)/, 'CREATE $1INDEX b_$2 ON b_$3'),
    );
  }
  sh('sync', []);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  db.transaction(() => {
    for (const [table, list] of lists) {
      if (list.length === 0) continue;
      const cols = Object.keys(list[0]!);
      const insert = db.prepare(
        `INSERT OR REPLACE INTO b_${table} (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`,
      );
      for (const row of list) insert.run(row);
    }
  }).immediate();
  for (const [i, f] of p.evidenceFiles.entries()) {
    const target = join(dir, 'files', String(i));
    await copyFile(f, target);
    const handle = await open(target, 'r+');
    await handle.sync();
    await handle.close();
  }
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(cpu0);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { ms, cpuMs };
}

/** CPU time (user + system, all threads) since `from`, in ms: steadier than wall time on a busy machine. */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status ?? r.signal})`);
}

/** MERGE_PREPARED_DIR=dir keeps the prepared folders and packages there and reuses them on the next run. */
async function prepared(dir: string): Promise<Prepared> {
  const saved = join(dir, 'prepared.json');
  if (existsSync(saved)) return JSON.parse(readFileSync(saved, 'utf8')) as Prepared;
  mkdirSync(dir, { recursive: true });
  console.error(`merge: preparing a lead and ${MEMBERS} members (${RECORDS_PER_MEMBER} records each) …`);
  const p = await prepare(dir);
  writeFileSync(saved, JSON.stringify(p));
  return p;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fieldwork-bench-merge-'));
  try {
    const p = await prepared(process.env.MERGE_PREPARED_DIR || join(root, 'prepared'));
    const leadDir = join(root, 'lead');
    const self = fileURLToPath(import.meta.url);
    const records: Lists = TABLES.map((t) => [t, p.rows[t]!]);
    const log = logRows(p);
    const search = searchRows(p);
    const floor: Lists = [
      ...records,
      ['change_log', log],
      ['search_docs', search.docs],
      ['search_index', search.index],
    ];
    const ours: number[] = [];
    const base: number[] = [];
    const ourCpu: number[] = [];
    const baseCpu: number[] = [];
    const peaks: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { ms: b, cpuMs: bCpu } = await baseline(root, p.leadDir, p, floor);
      base.push(b);
      baseCpu.push(bCpu);
      // Each round imports into a fresh copy of the lead folder as prepared.
      rmSync(leadDir, { recursive: true, force: true });
      cpSync(p.leadDir, leadDir, { recursive: true });
      const planFile = join(root, 'plan.json');
      writeFileSync(
        planFile,
        JSON.stringify({ leadDir, auditId: p.auditId, packages: p.packages, expected: p.expected }),
      );
      sh('sync', []);
      // MERGE_CPU_PROF_DIR=dir: a V8 CPU profile of each round's imports, for finding where the time goes.
      const prof = process.env.MERGE_CPU_PROF_DIR
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.MERGE_CPU_PROF_DIR]
        : [];
      const run = spawnSync(process.execPath, [...prof, '--import', 'tsx', self, '--child', planFile], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1024 * 1024,
      });
      if (run.status !== 0) throw new Error(`merge child failed (${run.status ?? run.signal})`);
      const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
        ms: number;
        cpuMs: number;
        added: number;
        changed: number;
        conflicts: number;
        peakKb: number;
      };
      ours.push(r.ms);
      ourCpu.push(r.cpuMs);
      peaks.push(r.peakKb / 1024);
      console.error(
        `round ${round + 1}: baseline ${b.toFixed(0)} ms (CPU ${bCpu.toFixed(0)}); ours ${r.ms.toFixed(0)} ms (CPU ${r.cpuMs.toFixed(0)}) ` +
          `(added ${r.added}, changed ${r.changed}, conflicts ${r.conflicts}), peak RSS ${(r.peakKb / 1024).toFixed(0)} MB`,
      );
    }
    const ourMs = median(ours);
    const baseMs = median(base);
    // Informative: the narrower floor of the records alone, without the history and search entries the merge must leave.
    const recordsMs = (await baseline(root, p.leadDir, p, records)).ms;
    console.error(
      `floor of the records alone (no change log, no search index): ${(recordsMs / 1000).toFixed(2)} s, ` +
        `ratio ${(recordsMs / ourMs).toFixed(2)}`,
    );
    const ratio = Math.round((baseMs / ourMs) * 100) / 100;
    // CPU time (user + system, all threads): what the README's figure is, steadier than wall time on a shared machine.
    const cpuRatio = Math.round((median(baseCpu) / median(ourCpu)) * 100) / 100;
    const peak = Math.round(Math.max(...peaks));
    console.error(
      `${p.records} records, ${p.evidenceFiles.length} evidence files, ${(p.evidenceBytes / 2 ** 20).toFixed(0)} MiB; ` +
        `${log.length} change-log entries, ${search.docs.length} search entries; ` +
        `ours ${(ourMs / 1000).toFixed(2)} s, baseline ${(baseMs / 1000).toFixed(2)} s; ` +
        `CPU time (median): ours ${(median(ourCpu) / 1000).toFixed(2)} s, baseline ${(median(baseCpu) / 1000).toFixed(2)} s`,
    );
    console.log(
      JSON.stringify({
        bench: 'merge',
        value: Math.round(p.records / (ourMs / 1000)),
        unit: 'records/s',
        baseline:
          'the records, their change-log and search entries: one prepared INSERT per row in one transaction; copyFile + fsync of the evidence',
        baseline_value: Math.round(p.records / (baseMs / 1000)),
        ratio,
        cpu_s: Math.round(median(ourCpu)) / 1000,
        baseline_cpu_s: Math.round(median(baseCpu)) / 1000,
        cpu_ratio: cpuRatio,
        load_average: Math.round(loadavg()[0]! * 10) / 10,
        peak_rss_mb: peak,
        runs: ROUNDS,
        target_ratio: TARGET_RATIO,
        target_peak_rss_mb: TARGET_RSS_MB,
        within_target: ratio >= TARGET_RATIO && peak < TARGET_RSS_MB,
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!);
else await main();
