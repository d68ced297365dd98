/**
 * `npm run bench search`: how fast search answers over 100,000 notes
 * (interview notes, observations and checklist notes of realistic length),
 * through the real handler (input parsing, ranking, snippets, titles, output
 * check). The baseline, measured in the same run on the same queries, is the
 * bare FTS5 query (MATCH, bm25 order, limit) with nothing around it, so the
 * ratio shows what our layer adds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackend } from '#core/backend';
import { newId } from '#core/ids';
import { toFtsQuery } from '#core/repos/search';
import { value } from '../helpers/backend';

const NOTES = 100_000;
const AUDITS = 80;
const QUERIES = 500;
/** Extra queries within one audit (the audit screen's search), reported on their own. */
const AUDIT_QUERIES = 100;
const WARMUP = 30;
const TARGET_P95_MS = 20;

/** Deterministic, so every run searches the same text with the same queries. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(27001);
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

// Audit vocabulary first (frequent), then invented words for the long tail a real corpus has:
// names, systems, product codes, other languages.
const COMMON = (
  'the of and to a in is was for on that with by as are were at be this from or it an not all has have been ' +
  'access control review policy procedure process record records evidence management staff user users system ' +
  'systems security information risk risks asset assets owner approval approved change changes backup backups ' +
  'incident incidents supplier suppliers contract contracts training awareness password passwords account ' +
  'accounts leaver leavers joiner joiners privileged rights log logs logging monitoring firewall network server ' +
  'servers encryption key keys vulnerability patch patching test tested testing audit auditor interview ' +
  'interviewed observed sample sampled sampling document documented version revision signed meeting minutes ' +
  'objective objectives scope context interested parties legal requirement requirements capacity physical ' +
  'office door badge visitor visitors reception cabinet clean desk screen laptop mobile device devices remote ' +
  'working cloud provider service services development code repository release deployment segregation duties ' +
  'continuity recovery plan plans exercise exercised annual quarterly monthly weekly daily register inventory ' +
  'classification label labelling transfer deletion disposal media retention privacy personal data breach ' +
  'nonconformity corrective action actions improvement internal external top leadership committee board ' +
  'manager managers department finance hr it operations production warehouse site sites headquarters plant'
).split(' ');
const SYLLABLES = 'ka lo mi ne ru sa ti vo be da fe gi ho ju ke la mo nu pe ri so tu wa ze an el in or us'.split(' ');
const TAIL = Array.from({ length: 6000 }, (_, i) => {
  const r = prng(i + 1);
  return Array.from({ length: 2 + Math.floor(r() * 3) }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join('');
});
const VOCABULARY = [...COMMON, ...TAIL];

/** Zipf-like pick: a few words everywhere, most words rare. */
const word = () =>
  VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(Math.exp(rand() * Math.log(VOCABULARY.length + 1))) - 1)]!;
function sentence(): string {
  const words = Array.from({ length: int(6, 18) }, word);
  return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
}
const ROLES = ['CISO', 'IT manager', 'HR lead', 'Developer', 'Service desk agent', 'Facilities manager', 'DPO'];
const DEPARTMENTS = ['IT', 'HR', 'Finance', 'Operations', 'Legal', 'Facilities', 'Development', 'Sales'];
const FIRST_NAMES = ['Maria', 'Jonas', 'Aisha', 'Tom', 'Lena', 'Pedro', 'Yuki', 'Sam', 'Olga', 'Ben', 'Chloé', 'Raj'];
const PLACES = ['Server room', 'Reception', 'Loading bay', 'Finance office', 'Data centre hall B', 'Print room'];
const any = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
const prose = (minWords: number, maxWords: number) => {
  const target = int(minWords, maxWords);
  let text = '';
  while (text.split(' ').length < target) text += `${sentence()} `;
  return text.trim();
};

const dataDir = await mkdtemp(join(tmpdir(), 'fieldwork-bench-search-'));
const backend = openBackend({ dataDir, appVersion: 'bench' });
try {
  // ---- seed: audits through the API, then 100k notes in one transaction (the triggers index them)
  const t0 = performance.now();
  const client = value(
    await backend.call('clients.create', {
      name: 'Benchmark Industries plc',
      address: '',
      representative: '',
      contacts: [],
      sites: [{ name: 'HQ', address: '', headcount: 500, processes: 'Everything' }],
    }),
  );
  const auditIds: string[] = [];
  for (let a = 0; a < AUDITS; a++) {
    const start = `${2020 + Math.floor(a / 12)}-${String(1 + (a % 12)).padStart(2, '0')}-0${1 + (a % 9)}`;
    const audit = value(
      await backend.call('audits.create', {
        clientId: client.id,
        type: a % 3 === 0 ? 'stage2' : 'surveillance1',
        scope: 'The whole ISMS',
        startDate: start,
        endDate: start,
        team: [{ name: 'Lena Lead', role: 'lead_auditor' }],
      }),
    );
    auditIds.push(audit.id);
  }
  const db = backend.db;
  const items = db.prepare('SELECT id FROM checklist_items').pluck().all() as string[];
  const now = new Date().toISOString();
  const setNotes = db.prepare('UPDATE checklist_items SET notes = ? WHERE id = ?');
  const addInterview = db.prepare(
    `INSERT INTO interviews (id, audit_id, interviewee_name, interviewee_role, department, site_id, held_at, notes,
       created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, NULL, '2026-03-02T09:30', ?, ?, ?, 'bench')`,
  );
  const addObservation = db.prepare(
    `INSERT INTO observations (id, audit_id, site_id, location, observed_at, description, created_at, updated_at,
       device_id) VALUES (?, ?, NULL, ?, '2026-03-02T11:00', ?, ?, ?, 'bench')`,
  );
  const records = NOTES - items.length;
  // Fieldwork happens audit by audit: each audit's interviews and observations are written together.
  const auditOf = (i: number) => auditIds[Math.floor((i * AUDITS) / records)]!;
  db.transaction(() => {
    for (const id of items) setNotes.run(prose(20, 150), id);
    for (let i = 0; i < records; i++) {
      if (rand() < 0.55) {
        const name = `${any(FIRST_NAMES)} ${any(TAIL)}`;
        addInterview.run(newId(), auditOf(i), name, any(ROLES), any(DEPARTMENTS), prose(40, 250), now, now);
      } else {
        addObservation.run(newId(), auditOf(i), rand() < 0.5 ? any(PLACES) : '', prose(15, 60), now, now);
      }
    }
  })();
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  console.error(
    `seeded ${items.length} checklist notes, ${count('SELECT count(*) FROM interviews')} interviews and ` +
      `${count('SELECT count(*) FROM observations')} observations (${count('SELECT count(*) FROM search_docs')} ` +
      `indexed records) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // ---- queries: 1–3 words, common and rare, the last one often a prefix (typing in progress)
  const pick = () => (rand() < 0.5 ? COMMON[int(40, COMMON.length - 1)]! : TAIL[int(0, 1500)]!);
  const query = () => {
    const words = Array.from({ length: int(1, 3) }, pick);
    const last = words.length - 1;
    if (rand() < 0.4) words[last] = words[last]!.slice(0, Math.max(2, Math.ceil(words[last]!.length / 2)));
    return words.join(' ');
  };
  const global = Array.from({ length: WARMUP + QUERIES }, () => ({ q: query(), auditId: undefined }));
  const scoped = Array.from({ length: AUDIT_QUERIES }, () => ({ q: query(), auditId: any(auditIds) }));

  // The baseline: the textbook FTS5 query, bm25-ordered, with nothing around it. (The + stops FTS5 from
  // running the whole query once per id in the list.)
  const bare = db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 30');
  const bareInAudit = db.prepare(
    `SELECT rowid FROM search_index WHERE search_index MATCH ?
     AND +rowid IN (SELECT rowid FROM search_docs WHERE audit_id = ?) ORDER BY rank LIMIT 30`,
  );
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  async function run(list: { q: string; auditId: string | undefined }[], warmup: number) {
    const ours: number[] = [];
    const base: number[] = [];
    const cpu: number[] = [];
    let hits = 0;
    for (const [i, { q, auditId }] of list.entries()) {
      const c0 = cpuMs();
      const a = performance.now();
      const r = value(await backend.call('search.query', auditId ? { q, auditId } : { q }));
      const b = performance.now();
      const c1 = cpuMs();
      const match = toFtsQuery(q);
      if (auditId) bareInAudit.all(match, auditId);
      else bare.all(match);
      const c = performance.now();
      if (i < warmup) continue;
      ours.push(b - a);
      cpu.push(c1 - c0);
      base.push(c - b);
      hits += r.length;
      if ((i - warmup) % 100 === 99) console.error(`  ${i - warmup + 1}/${list.length - warmup} queries`);
    }
    return { ours, base, cpu, hits };
  }
  const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.ceil((p / 100) * xs.length) - 1]!;
  const round = (x: number) => Math.round(x * 100) / 100;
  const report = (name: string, r: Awaited<ReturnType<typeof run>>, p: number, baseline: string) => {
    const v = pct(r.ours, p);
    const bv = pct(r.base, p);
    console.log(
      JSON.stringify({
        bench: `${name}-p${p}`,
        value: round(v),
        unit: 'ms',
        baseline,
        baseline_value: round(bv),
        ratio: round(v / bv),
        runs: r.ours.length,
        notes: NOTES,
        target_ms: TARGET_P95_MS,
        within_target: v < TARGET_P95_MS,
      }),
    );
  };

  const all = await run(global, WARMUP);
  console.error(
    `all audits: ${(all.hits / QUERIES).toFixed(1)} hits per query; slowest ${round(Math.max(...all.ours))} ms; ` +
      `process CPU p50 ${round(pct(all.cpu, 50))} ms, p95 ${round(pct(all.cpu, 95))} ms`,
  );
  const inAudit = await run(scoped, 0);
  console.error(
    `one audit: ${(inAudit.hits / AUDIT_QUERIES).toFixed(1)} hits per query; process CPU p95 ${round(pct(inAudit.cpu, 95))} ms`,
  );
  const BARE = 'bare fts5 MATCH ORDER BY rank LIMIT 30';
  report('search', all, 50, BARE);
  report('search', all, 95, BARE);
  report('search-in-audit', inAudit, 95, `${BARE}, rowid IN the audit's records`);
} finally {
  backend.close();
  await rm(dataDir, { recursive: true, force: true });
}
