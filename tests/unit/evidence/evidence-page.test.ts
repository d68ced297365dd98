import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '#core/backend';
import { migrate } from '#core/db/migrations';
import { evidencePageSql } from '#core/repos/evidence-page';
import { addEvidence } from '#core/repos/evidence';
import type { Evidence, EvidenceTarget } from '#shared/domain/evidence';
import type { EvidencePageQuery } from '#shared/domain/evidence-page';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

/**
 * The evidence library a page at a time (issue 20): the same attachments, in
 * the same order and with the same filters as the page once worked out in
 * the browser from the whole list (evidence.list), now in SQL with a keyset
 * cursor; counts on the first page; query plans that read indexes only.
 */
let t: ReturnType<typeof tempBackend>;
let backend: Backend;
let auditId: string;
let otherAuditId: string;
let itemIds: string[];
/** The clock rows are stamped with: attachments come in threes with one timestamp, so the id orders those. */
let clock = 0;
let tied: string | null = null;
const now = () => tied ?? new Date(Date.UTC(2026, 2, 2, 9, 0, clock++)).toISOString();

const FILES: [name: string, mediaType: string, description: string, addedBy: string][] = [
  ['server-room.jpg', 'image/jpeg', 'Rack doors locked', 'Lena Lead'],
  ['Visitor log.PDF', 'application/pdf', '', 'Arno Auditor'],
  ['policy.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'ISMS POLICY v3', ''],
  ['badge.png', 'image/png', 'Visitor badge', 'Lena Lead'],
  ['notes.txt', 'text/plain', 'Interview notes', 'Arno Auditor'],
  ['scan-001.pdf', 'application/pdf', 'Signed access review', 'Lena Lead'],
];

let n = 0;
function add(audit: string, file: (typeof FILES)[number], links: EvidenceTarget[]): void {
  const [originalName, mediaType, description, addedBy] = file;
  const sha256 = (++n).toString(16).padStart(64, '0');
  backend.db.transaction(() =>
    addEvidence(
      backend.context,
      {
        auditId: audit,
        sha256,
        originalName,
        mediaType,
        size: 10,
        capturedAt: null,
        addedBy,
        description,
        hasThumbnail: false,
      },
      links,
    ),
  )();
}

beforeAll(async () => {
  t = tempBackend({ now });
  backend = t.backend;
  const client = value(await backend.call('clients.create', sampleClient()));
  auditId = value(await backend.call('audits.create', sampleAudit(client.id))).id;
  otherAuditId = value(await backend.call('audits.create', sampleAudit(client.id))).id;
  itemIds = value(await backend.call('checklist.get', { auditId })).items.map((i) => i.id);
  for (let i = 0; i < 30; i++) {
    tied = new Date(Date.UTC(2026, 2, 3, 9, 0, Math.floor(i / 3))).toISOString();
    const file = FILES[i % FILES.length]!;
    const links: EvidenceTarget[] =
      i % 3 === 0
        ? [{ type: 'audit', id: auditId }]
        : i % 3 === 1
          ? [{ type: 'checklist_item', id: itemIds[i]! }]
          : [
              { type: 'audit', id: auditId },
              { type: 'checklist_item', id: itemIds[i]! },
            ];
    add(auditId, [`${i}-${file[0]}`, file[1], file[2], file[3]], links);
    if (i % 5 === 0) add(otherAuditId, file, [{ type: 'audit', id: otherAuditId }]);
  }
  tied = null;
}, 60_000);
afterAll(() => t.cleanup());

/** The library's filters as the page applied them to the whole list before it was paged (the reference). */
function expected(all: Evidence[], q: Omit<EvidencePageQuery, 'auditId'>): Evidence[] {
  const words = (q.search ?? '').trim().toLowerCase();
  const kindOf = (e: Evidence) =>
    e.mediaType.startsWith('image/') ? 'image' : e.mediaType === 'application/pdf' ? 'pdf' : 'other';
  return all.filter((e) => {
    if (words && !`${e.originalName} ${e.description} ${e.addedBy}`.toLowerCase().includes(words)) return false;
    if (q.kind && kindOf(e) !== q.kind) return false;
    if (q.linked === 'library_only') return e.links.every((l) => l.type === 'audit');
    if (q.linked && !e.links.some((l) => l.type === q.linked)) return false;
    return true;
  });
}

/** Every page of a query, followed by its cursor. */
async function allPages(q: EvidencePageQuery) {
  const pages = [];
  let after: string | undefined;
  do {
    const page = value(await backend.call('evidence.page', { ...q, ...(after ? { after } : {}) }));
    pages.push(page);
    after = page.next ?? undefined;
  } while (after);
  return pages;
}

const cases: Omit<EvidencePageQuery, 'auditId'>[] = [
  {},
  { search: 'lena' },
  { search: '  VISITOR ' },
  { search: 'policy v3' },
  { kind: 'image' },
  { kind: 'pdf' },
  { kind: 'other' },
  { linked: 'checklist_item' },
  { linked: 'library_only' },
  { linked: 'interview' },
  { kind: 'pdf', linked: 'library_only', search: 'a' },
  { search: 'nothing like this' },
];

describe('evidence.page', () => {
  it.each(cases)('pages %j exactly as the whole list filtered, newest first', async (q) => {
    const all = value(await backend.call('evidence.list', { auditId }));
    expect(all).toHaveLength(30);
    const want = expected(all, q);
    const pages = await allPages({ auditId, ...q, limit: 4 });
    expect(pages.flatMap((p) => p.rows)).toEqual(want);
    expect(pages[0]!.total).toBe(want.length);
    expect(pages[0]!.all).toBe(30);
    for (const p of pages.slice(1)) expect([p.total, p.all]).toEqual([null, null]);
    for (const p of pages.slice(0, -1)) expect(p.rows).toHaveLength(4);
    expect(pages.at(-1)!.next).toBeNull();
  });

  it('keeps its place when a newer attachment arrives between pages', async () => {
    const first = value(await backend.call('evidence.page', { auditId, limit: 10 }));
    tied = '2026-03-04T09:00:00.000Z';
    add(auditId, ['arrived-later.jpg', 'image/jpeg', '', ''], [{ type: 'audit', id: auditId }]);
    tied = null;
    const rest = await allPages({ auditId, limit: 10, after: first.next! });
    const ids = [...first.rows, ...rest.flatMap((p) => p.rows)].map((e) => e.id);
    const before = value(await backend.call('evidence.list', { auditId })).filter(
      (e) => e.originalName !== 'arrived-later.jpg',
    );
    expect(ids).toEqual(before.map((e) => e.id));
  });

  it('refuses a cursor it did not give, and an audit that does not exist', async () => {
    const bad = await backend.call('evidence.page', { auditId, after: '["x"]' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    const gone = await backend.call('evidence.page', { auditId: '01900000-0000-7000-8000-000000000000' });
    expect(gone.ok ? null : gone.error.code).toBe('not_found');
  });
});

describe('query plans of evidence.page', () => {
  let db: Database.Database;
  beforeAll(() => {
    db = new Database(':memory:');
    migrate(db);
  });
  afterAll(() => db.close());
  const plan = (sql: string, params: Record<string, unknown>) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
  /** Plan lines that read a whole table (json_each and subquery results are not tables). */
  const scans = (lines: string[]) => lines.filter((l) => /^SCAN (?!json_each|\(subquery)/.test(l));

  it.each(cases)('%j, its count and the total search indexes, scanning no table', (q) => {
    const { sql, countSql, allSql, params } = evidencePageSql({ auditId, ...q });
    const lines = plan(sql, { ...params, c0: '~', c1: '', limit: 51 });
    expect(lines.some((l) => l.startsWith('SEARCH e USING INDEX'))).toBe(true);
    expect(scans(lines)).toEqual([]);
    expect(scans(plan(countSql, params))).toEqual([]);
    expect(scans(plan(allSql, { auditId }))).toEqual([]);
  });
});
