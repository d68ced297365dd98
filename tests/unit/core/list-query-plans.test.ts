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
interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}
const planRows = (sql: string, params: Record<string, unknown>) =>
  db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as PlanRow[];
const plan = (sql: string, params: Record<string, unknown>) => planRows(sql, params).map((r) => r.detail);
/** The lines under a plan line (its subquery's or co-routine's steps), not those of nested ones. */
const stepsOf = (rows: PlanRow[], line: RegExp) => {
  const head = rows.find((r) => line.test(r.detail));
  return head ? rows.filter((r) => r.parent === head.id).map((r) => r.detail) : [];
};

/** Plan lines that read a whole table (json_each, subquery results and the page's own keys `p` are not tables). */
const scans = (lines: string[]) => lines.filter((l) => /^SCAN (?!json_each|\(subquery|p$)/.test(l));
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
  // A requirement is found both ways (through its items, or tested on each finding of the walk).
  const findingCasesBothWays: (FindingListQuery & { walk?: boolean })[] = findingCases.flatMap((q) =>
    q.requirement
      ? [
          { ...q, walk: false },
          { ...q, walk: true },
        ]
      : [q],
  );
  it.each(findingCasesBothWays)('findings.page %j searches indexes, scanning no table', ({ walk, ...q }) => {
    const { sql, params } = findingPageSql({ today: '2026-09-01', ...q }, { walk });
    const keyset = { c0: '2026-01-01', c1: ID, c2: 0, c3: 'NC-', c4: 3, c5: '2026-01-01', c6: ID, limit: 101 };
    const rows = planRows(sql, { ...params, ...keyset });
    const lines = rows.map((r) => r.detail);
    expect(lines.some((l) => /^SEARCH (a|f) /.test(l))).toBe(true);
    expect(scans(lines)).toEqual([]);
    // Then the shown columns of the page's rows alone, each found by its key.
    expect(rows.filter((r) => r.parent === 0 && /^(SCAN|SEARCH) /.test(r.detail)).map((r) => r.detail)).toEqual([
      'SCAN p',
      'SEARCH f USING INDEX sqlite_autoindex_findings_1 (id=?)',
      'SEARCH a USING INDEX sqlite_autoindex_audits_1 (id=?)',
      'SEARCH c USING INDEX sqlite_autoindex_clients_1 (id=?)',
    ]);
  });

  it.each(findingCases)('its count for %j reads indexes only', (q) => {
    const { countSql, params } = findingPageSql({ today: '2026-09-01', ...q });
    expect(tableScans(plan(countSql, params))).toEqual([]);
  });

  // A page stops after its rows only if it walks the audits in the list's order: sorting every match
  // first (the overdue filter's 3,600 candidates, each with its requirements) took 90 ms at ten years.
  it.each(findingCasesBothWays.filter((q) => q.walk !== false))('findings.page %j walks the audits in order', (q) => {
    const { sql, params } = findingPageSql({ today: '2026-09-01', ...q });
    const keyset = { c0: '2026-01-01', c1: ID, c2: 0, c3: 'NC-', c4: 3, c5: '2026-01-01', c6: ID, limit: 101 };
    const keys = stepsOf(planRows(sql, { ...params, ...keyset }), /^CO-ROUTINE p$/);
    expect(keys[0]).toMatch(
      /^SEARCH a USING (COVERING )?INDEX (audits_start|audits_client|sqlite_autoindex_audits_1) /,
    );
    // Within an audit its findings are sorted (a few dozen rows); never the whole match.
    expect(keys.filter((l) => l.startsWith('USE TEMP B-TREE'))).toEqual([
      'USE TEMP B-TREE FOR LAST 5 TERMS OF ORDER BY',
    ]);
  });

  it('the overdue filter finds the last accepted response in index order, without sorting responses', () => {
    const { sql, countSql, params } = findingPageSql({ today: '2026-09-01', overdue: true });
    const keyset = { c0: '~', c1: '', c2: 0, c3: '', c4: 0, c5: '', c6: '', limit: 101 };
    for (const rows of [planRows(sql, { ...params, ...keyset }), planRows(countSql, params)]) {
      const subqueries = rows.filter((r) => rows.some((c) => c.parent === r.id && c.detail.startsWith('SEARCH r ')));
      expect(subqueries.length).toBeGreaterThan(0);
      for (const sub of subqueries) {
        expect(rows.filter((r) => r.parent === sub.id).map((r) => r.detail)).toEqual([
          'SEARCH r USING INDEX finding_responses_finding (finding_id=? AND decision=?)',
        ]);
      }
    }
  });

  it.each([
    { status: ['open'] },
    { type: ['major', 'minor'] },
    { status: ['open', 'response_received'], type: ['major'] },
  ] as FindingListQuery[])('the count for %j reads the findings_status index alone', (q) => {
    const { countSql, params } = findingPageSql({ today: '2026-09-01', ...q });
    expect(plan(countSql, params).filter((l) => / f /.test(l))).toEqual([
      expect.stringMatching(/^(SEARCH|SCAN) f USING COVERING INDEX findings_status/),
    ]);
  });

  // Without the audits: counting 20,000 findings joined to their audits took 3.5 ms of the first page's 5.
  it.each([{}, { status: ['open'] }, { auditId: ID }, { requirement: 'A.5' }] as FindingListQuery[])(
    'the count for %j reads no audit',
    (q) => {
      const { countSql, params } = findingPageSql({ today: '2026-09-01', ...q });
      expect(plan(countSql, params).filter((l) => / a /.test(l))).toEqual([]);
    },
  );

  // Migration 19: "A.5" names 35,000 items at ten years; their ids, and the findings citing them, come from
  // indexes alone (reading each item's row to get its id made the requirement filter take 450 ms).
  it.each([{ walk: false }, { walk: true }])('a requirement (%j) is matched on indexes alone', ({ walk }) => {
    const { sql, countSql, params } = findingPageSql({ today: '2026-09-01', requirement: 'A.5' }, { walk });
    const keyset = { c0: '~', c1: '', c2: 0, c3: '', c4: 0, c5: '', c6: '', limit: 101 };
    const count = plan(countSql, params);
    expect(count.filter((l) => / (checklist_items|fi) /.test(l))).toEqual([
      'SEARCH checklist_items USING COVERING INDEX checklist_items_ref (ref=?)',
      'SEARCH fi USING COVERING INDEX finding_items_item (item_id=?)',
      'SEARCH checklist_items USING COVERING INDEX checklist_items_number (number=?)',
      'SEARCH fi USING COVERING INDEX finding_items_item (item_id=?)',
      'SEARCH checklist_items USING COVERING INDEX checklist_items_ref (ref>? AND ref<?)',
      'SEARCH fi USING COVERING INDEX finding_items_item (item_id=?)',
    ]);
    // Found through its items, the page reads them as the count does; walking, each finding's own items.
    const all = planRows(sql, { ...params, ...keyset });
    const keysEnd = all.find((r) => r.detail === 'SCAN p')!.id;
    const rows = all.filter((r) => r.id < keysEnd && / (checklist_items|fi|ci) /.test(r.detail)).map((r) => r.detail);
    if (!walk) expect(rows).toEqual(count.filter((l) => / (checklist_items|fi) /.test(l)));
    else
      expect(rows.slice(0, 2)).toEqual([
        'SEARCH fi USING COVERING INDEX sqlite_autoindex_finding_items_1 (finding_id=?)',
        'SEARCH ci USING INDEX sqlite_autoindex_checklist_items_1 (id=?)',
      ]);
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
