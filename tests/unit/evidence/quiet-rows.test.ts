import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '#core/backend';
import { importEvidenceFiles } from '#core/evidence/import';
import { ingestPath } from '#core/evidence/ingest';
import { quietAllowed } from '#core/evidence/quiet-rows';
import type { AddRequest } from '#core/evidence/service';
import type { EvidenceTarget } from '#shared/domain/evidence';
import { tempBackend, value } from '../../helpers/backend';
import { seedAudit } from './helpers';

/**
 * New attachments are written with the log and search triggers silent and
 * their entries made set-wise (evidence/quiet-rows.ts). The database they
 * leave must be the triggers' own: the same folder built both ways, then
 * edited the same way, is compared table by table (ids and clocks named by
 * what they stand for, as both are random or time-made).
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** What the later steps need of one folder. */
interface Folder {
  backend: Backend;
  auditId: string;
  itemIds: string[];
  findingId: string;
  /** change_log seq, search_docs rowid and audit_trail rowid before the files came. */
  marks: { seq: number; doc: number; trail: number };
  /** Names of the ids seen so far (a deleted attachment keeps its name). */
  names: Map<string, string>;
}

async function folder(quiet: boolean): Promise<Folder> {
  const t = tempBackend();
  cleanups.push(t.cleanup);
  t.backend.evidence.writeQuietly = quiet;
  const { auditId, itemIds } = await seedAudit(t.backend);
  value(await t.backend.call('audits.setStatus', { id: auditId, status: 'in_progress', reason: 'Fieldwork began' }));
  const finding = value(
    await t.backend.call('findings.create', {
      auditId,
      finding: {
        type: 'minor',
        itemIds: [itemIds[0]!],
        statement: 'Backups not tested',
        evidenceText: 'No restore test',
        raisedAt: '2026-03-02T11:00',
      },
      by: 'Lena Lead',
    }),
  );
  const db = t.backend.db;
  const max = (sql: string) => (db.prepare(sql).pluck().get() as number | null) ?? 0;
  return {
    backend: t.backend,
    auditId,
    itemIds,
    findingId: finding.id,
    marks: {
      seq: max('SELECT max(seq) FROM change_log'),
      doc: max('SELECT max(rowid) FROM search_docs'),
      trail: max('SELECT max(rowid) FROM audit_trail'),
    },
    names: new Map(),
  };
}

const FILES: Record<string, string> = {
  'alpha report.txt': 'alpha bytes',
  'bravo.txt': 'bravo bytes',
  'charlie-minutes.txt': 'charlie bytes',
  'delta.txt': 'delta bytes',
  'echo.txt': 'echo bytes',
  'alpha copy.txt': 'alpha bytes',
};

function sourceFolder(files: Record<string, string> = FILES): string {
  const src = mkdtempSync(join(tmpdir(), 'fieldwork-quiet-'));
  cleanups.push(() => rmSync(src, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(src, name), text);
  return src;
}

/**
 * One batch mixing every kind of row: new ones linked to the audit or an
 * item (quiet), one linked to a finding and a duplicate with a new link
 * (both through the triggers, between quiet ones), and one refused inside
 * its savepoint (a missing item) while quiet.
 */
async function batch(f: Folder, src: string): Promise<string[]> {
  const service = f.backend.evidence;
  const audit: EvidenceTarget = { type: 'audit', id: f.auditId };
  const plan: [string, EvidenceTarget[], string][] = [
    ['alpha report.txt', [audit], 'walkthrough of the server room'],
    ['bravo.txt', [{ type: 'finding', id: f.findingId }], ''],
    ['alpha copy.txt', [{ type: 'checklist_item', id: f.itemIds[1]! }], ''],
    ['charlie-minutes.txt', [audit, { type: 'checklist_item', id: f.itemIds[2]! }], 'minutes'],
    ['delta.txt', [{ type: 'checklist_item', id: 'no-such-item' }], ''],
    ['echo.txt', [audit], ''],
  ];
  const reqs: AddRequest[] = [];
  for (const [name, links, description] of plan) {
    const file = await ingestPath(service.store, join(src, name));
    reqs.push({ auditId: f.auditId, file, name, hint: '', links, description, addedBy: 'Ada Auditor' });
  }
  const prepared = await service.prepareMany(reqs);
  const ready = prepared.map((p) => {
    if (p instanceof Error) throw p;
    return p;
  });
  const results = await service.commitDurably(ready);
  ready.forEach((p) => service.release(p));
  return results.map((r) => (r instanceof Error ? `error: ${r.message}` : r.evidence.originalName));
}

/** Later work on the rows: an edit, a new link, a removed link, a deletion. */
async function laterEdits(f: Folder): Promise<void> {
  const id = (name: string) =>
    f.backend.db.prepare('SELECT id FROM evidence WHERE original_name = ?').pluck().get(name) as string;
  const b = f.backend;
  value(await b.call('evidence.update', { id: id('alpha report.txt'), description: 'server room, second visit' }));
  value(
    await b.call('evidence.link', {
      id: id('echo.txt'),
      target: { type: 'checklist_item', id: f.itemIds[0]! },
      by: 'Bo',
    }),
  );
  value(
    await b.call('evidence.unlink', {
      id: id('charlie-minutes.txt'),
      target: { type: 'checklist_item', id: f.itemIds[2]! },
      by: 'Bo',
    }),
  );
  value(await b.call('evidence.delete', { id: id('echo.txt') }));
}

/** Everything the batch and the edits wrote, with ids and clocks replaced by stable names. */
function written(f: Folder): Record<string, unknown[]> {
  const db = f.backend.db;
  const names = f.names;
  for (const r of db.prepare('SELECT id, original_name FROM evidence').all() as { id: string; original_name: string }[])
    names.set(r.id, `E(${r.original_name})`);
  names.set(f.auditId, 'AUDIT');
  names.set(f.findingId, 'FINDING');
  f.itemIds.forEach((id, i) => names.set(id, `ITEM${i}`));
  names.set(f.backend.deviceId.toLowerCase(), 'DEVICE');
  const clocks = new Map<string, string>();
  const clock = (c: string) => {
    if (!clocks.has(c)) clocks.set(c, `CLOCK${clocks.size}`);
    return clocks.get(c)!;
  };
  const swap = (v: unknown): unknown => {
    if (typeof v !== 'string') return v;
    if (/^\d{13}-\d{6}-/.test(v)) return clock(v);
    let out = v;
    for (const [id, name] of names) out = out.split(id).join(name);
    return out;
  };
  const rows = (sql: string, ...params: unknown[]) =>
    (db.prepare(sql).all(...params) as Record<string, unknown>[]).map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          k === 'replaces' ? (JSON.parse(v as string) as string[]).map(clock) : swap(v),
        ]),
      ),
    );
  // Clocks named in the order the log holds them.
  for (const c of db.prepare('SELECT clock FROM change_log WHERE seq > ? ORDER BY seq').pluck().all(f.marks.seq))
    clock(c as string);
  return {
    change_log: rows(
      'SELECT seq - ? AS seq, * FROM change_log WHERE seq > ? ORDER BY seq',
      f.marks.seq,
      f.marks.seq,
    ).map((r) => ({ ...r, seq: r.seq })),
    tombstones: rows(`SELECT * FROM tombstones WHERE table_name LIKE 'evidence%' ORDER BY table_name, row_id, clock`),
    search_docs: rows(
      'SELECT rowid - ? AS rowid, record_id, kind, audit_id FROM search_docs WHERE rowid > ? ORDER BY rowid',
      f.marks.doc,
      f.marks.doc,
    ),
    search_index: rows(
      'SELECT id - ? AS id, c0, c1 FROM search_index_content WHERE id > ? ORDER BY id',
      f.marks.doc,
      f.marks.doc,
    ),
    evidence: rows(
      `SELECT id, audit_id, sha256, original_name, media_type, size, captured_at, added_by, description, has_thumbnail,
         device_id FROM evidence ORDER BY original_name`,
    ),
    evidence_links: rows('SELECT evidence_id, target_type, target_id, device_id FROM evidence_links ORDER BY rowid'),
    audit_trail: rows(
      'SELECT record_type, record_id, audit_id, field, old_value, new_value, changed_by, device_id FROM audit_trail WHERE rowid > ? ORDER BY rowid',
      f.marks.trail,
    ),
    write_context: rows('SELECT applying, author FROM write_context'),
  };
}

/** What search finds for a word, by attachment name. */
async function found(f: Folder, q: string): Promise<string[]> {
  const hits = value(await f.backend.call('search.query', { q, auditId: f.auditId }));
  return hits
    .filter((h) => h.kind === 'evidence')
    .map((h) => h.title)
    .sort();
}

describe('evidence rows written quietly, logged and indexed set-wise (evidence/quiet-rows.ts)', () => {
  it('leave exactly the log, search, link and trail rows the triggers leave, before and after later edits', async () => {
    const src = sourceFolder();
    const [loud, quiet] = [await folder(false), await folder(true)];
    expect(quietAllowed(quiet.backend.db)).toBe(true);
    const outcomes = [await batch(loud, src), await batch(quiet, src)];
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[1]!.filter((o) => o.startsWith('error'))).toHaveLength(1);
    const afterBatch = written(quiet);
    expect(afterBatch).toEqual(written(loud));
    // The batch's own entries: 4 new attachments × 10 fields, their 6 links × 3, all live, none replacing anything.
    const entries = afterBatch.change_log as { table_name: string; replaces: string[]; live: number; author: string }[];
    expect(entries.filter((e) => e.table_name === 'evidence')).toHaveLength(40);
    expect(entries.filter((e) => e.table_name === 'evidence_links')).toHaveLength(18);
    expect(new Set(entries.map((e) => e.author))).toEqual(new Set(['Ada Auditor']));
    expect(await found(quiet, 'walkthrough')).toEqual(['alpha report.txt']);
    expect(await found(quiet, 'charl')).toEqual(['charlie-minutes.txt']);
    expect(await found(quiet, 'echo')).toEqual(await found(loud, 'echo'));

    await laterEdits(loud);
    await laterEdits(quiet);
    expect(written(quiet)).toEqual(written(loud));
    expect(await found(quiet, 'visit')).toEqual(['alpha report.txt']);
    expect(await found(quiet, 'walkthrough')).toEqual([]);
    expect(await found(quiet, 'echo')).toEqual([]);
  });

  it('a bulk import logs each batch under a clock of its own, with the importer as author', async () => {
    const src = sourceFolder();
    const f = await folder(true);
    const before = f.backend.db.prepare('SELECT clock FROM write_context').pluck().get() as string;
    const r = await importEvidenceFiles(f.backend, { auditId: f.auditId, paths: [src], addedBy: 'Ada Auditor' });
    expect(r.added).toBe(5);
    const log = f.backend.db
      .prepare(`SELECT DISTINCT clock, author FROM change_log WHERE table_name LIKE 'evidence%'`)
      .all() as { clock: string; author: string }[];
    expect(log.length).toBeGreaterThan(0);
    for (const e of log) {
      // Later than the last write before the import: a package that covered that write does not cover these.
      expect(e.clock > before).toBe(true);
      expect(e.author).toBe('Ada Auditor');
    }
    expect(await found(f, 'delta')).toEqual(['delta.txt']);
    expect(f.backend.db.prepare('SELECT applying FROM write_context').pluck().get()).toBe(0);
  });

  it('a batch whose set-wise entries fail leaves nothing of itself: no row, entry, claim or silenced trigger', async () => {
    // New files only: every row is written quietly, and the entries are made once, after the last.
    const { 'alpha copy.txt': _copy, ...unique } = FILES;
    const src = sourceFolder(unique);
    const f = await folder(true);
    const db = f.backend.db;
    const state = () => ({
      rows: db.prepare('SELECT count(*) FROM evidence').pluck().get(),
      log: db.prepare('SELECT count(*) FROM change_log').pluck().get(),
      docs: db.prepare('SELECT count(*) FROM search_docs').pluck().get(),
      claims: db.prepare('SELECT count(*) FROM evidence_placements').pluck().get(),
      context: db.prepare('SELECT clock, author, applying FROM write_context').get(),
    });
    const before = state();
    // Fails the set-wise search entries, made after every row of the batch was written (a connection's own trigger).
    db.exec(`CREATE TEMP TRIGGER fail_search BEFORE INSERT ON main.search_docs BEGIN SELECT RAISE(ABORT, 'no'); END`);
    const r = await importEvidenceFiles(f.backend, { auditId: f.auditId, paths: [src], addedBy: 'Ada Auditor' });
    db.exec('DROP TRIGGER temp.fail_search');
    expect(r.added).toBe(0);
    expect(r.failed).toHaveLength(Object.keys(unique).length);
    expect(state()).toEqual(before);
  });
});
