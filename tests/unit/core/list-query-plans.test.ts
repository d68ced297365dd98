import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '#core/db/migrations';
import { auditPageSql } from '#core/repos/audits-page';
import { findingPageSql } from '#core/repos/findings/page';
import type { AuditListQuery } from '#shared/domain/audit';
import type { FindingListQuery } from '#shared/domain/finding';

/**
 * The lists that span every audit read an index, never a whole table: at ten
 * years of audits a SCAN of findings or audits is what made the Nonconformities
 * page take 30 s. SQLite's own query plans, on the app's schema (the app runs
 * no ANALYZE, so these are the plans it gets).
 */
let db: Database.Database;
beforeAll(() => {
  db = new Database(':memory:');
  migrate(db);
});
afterAll(() => db.close());

const ID = '01J00000000000000000000000';
const plan = (sql: string, params: Record<string, unknown>) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);

/** Plan lines that read a whole table (json_each and subquery results are not tables). */
const scans = (lines: string[]) => lines.filter((l) => /^SCAN (?!json_each|\(subquery)/.test(l));
/** A count may read every entry of a narrow index (all findings of a type), never the table's rows. */
const tableScans = (lines: string[]) => scans(lines).filter((l) => !l.includes('USING COVERING INDEX'));

const findingCases: FindingListQuery[] = [
  {},
  { status: ['open'] },
  { type: ['major', 'minor'] },
  { status: ['open', 'response_received'], type: ['major'] },
  { clientId: ID },
  { auditId: ID },
  { clientId: ID, status: ['open'] },
  { requirement: 'A.5.15' },
  { requirement: '8' },
  { overdue: true },
  { overdue: true, clientId: ID },
];

describe('query plans of the paged lists', () => {
  it.each(findingCases)('findings.page %j searches indexes, scanning no table', (q) => {
    const { sql, params } = findingPageSql({ today: '2026-09-01', ...q });
    const keyset = { c0: '2026-01-01', c1: ID, c2: 0, c3: 'NC-', c4: 3, c5: '2026-01-01', c6: ID, limit: 101 };
    const lines = plan(sql, { ...params, ...keyset });
    expect(lines.some((l) => /^SEARCH (a|f) /.test(l))).toBe(true);
    expect(scans(lines)).toEqual([]);
  });

  it.each(findingCases)('its count for %j reads indexes only', (q) => {
    const { countSql, params } = findingPageSql({ today: '2026-09-01', ...q });
    expect(tableScans(plan(countSql, params))).toEqual([]);
  });

  const auditCases: (AuditListQuery & { clientId?: string })[] = [
    { sort: 'start_desc' },
    { sort: 'start_asc' },
    { sort: 'start_desc', clientId: ID },
    { sort: 'start_desc', status: 'planned' },
    { sort: 'start_asc', type: 'stage2' },
    { sort: 'start_desc', clientId: ID, status: 'closed' },
    { sort: 'start_desc', search: 'acme' },
  ];
  it.each(auditCases)('audits.page %j searches indexes, scanning no table', (q) => {
    const { sql, params } = auditPageSql(q as Parameters<typeof auditPageSql>[0]);
    const lines = plan(sql, { ...params, c0: '2026-01-01', c1: ID, limit: 101 });
    expect(lines.some((l) => l.startsWith('SEARCH a USING INDEX audits_'))).toBe(true);
    expect(scans(lines)).toEqual([]);
  });

  // A substring search reads every audit's names to count them: a few thousand rows at most.
  it.each(auditCases.filter((q) => !q.search))('its count for %j reads indexes only', (q) => {
    const { countSql, params } = auditPageSql(q as Parameters<typeof auditPageSql>[0]);
    expect(tableScans(plan(countSql, params))).toEqual([]);
  });
});
