/**
 * The operations the UI calls when the user navigates (what each screen asks
 * for on opening), with the input the screen sends, and each one's floor: the
 * same rows read by plain SELECTs on the same connection, with nothing around
 * them (no input parsing, shaping, output check or JSON). A list's floor reads
 * as many rows as the operation answered, in the same order.
 */
import type { Db } from '#core/db/open';
import { toFtsQuery } from '#core/repos/search';

/** What a run navigates to: a different audit, client, finding and requirement each time. */
export interface Target {
  auditId: string;
  clientId: string;
  findingId: string;
  ref: string;
  q: string;
}

export interface NavOp {
  /** The bench line's name (scale-<name>-p95). */
  name: string;
  /** The screen that calls it (or, for a list no screen calls on navigation since paging, who does). */
  screen: string;
  /** Not called by any screen on navigation (a whole list across audits, kept for the CLI and exports). */
  notOnNavigation?: true;
  op: string;
  /** A list across audits: run with the input its screen sent (seen in the paint part), plus this filter. */
  acrossAudits?: boolean;
  /** Answers a list (or a page of one): its row count is reported and its floor reads as many rows. */
  list?: boolean;
  input: (t: Target) => Record<string, unknown>;
  /** Reads the same rows; `n` is how many rows the operation answered (lists). */
  floor: (db: Db, t: Target, n: number) => unknown;
}

const FINDING_COLUMNS =
  'f.*, a.type AS audit_type, a.start_date AS audit_start, c.id AS client_id, c.name AS client_name';
/** The full list's order; the paged one's (newest audit first, then number) is the one its keyset indexes serve. */
const LIST_ORDER = 'ORDER BY a.start_date DESC, a.id, f.number';
const PAGE_ORDER = 'ORDER BY a.start_date DESC, a.id DESC, f.number IS NULL, f.number, f.created_at, f.id';
/** The date the paged list judges "overdue" against (the screen sends the user's). */
const TODAY = new Date().toISOString().slice(0, 10);

/** Reads `sql` with `params`; prepared once per connection and text. */
type Reader = { all: (...params: unknown[]) => unknown[] };
const cache = new WeakMap<Db, Map<string, Reader>>();
function all(db: Db, sql: string, ...params: unknown[]): unknown[] {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map<string, Reader>()));
  let stmt = byText.get(sql);
  if (!stmt) byText.set(sql, (stmt = db.prepare<unknown[]>(sql)));
  return stmt.all(...params);
}

/** A filter of the nonconformity list as a plain WHERE clause over `f` and `a`. */
interface Filter {
  suffix: string;
  screen: string;
  input: (t: Target) => Record<string, unknown>;
  where: string;
  params?: (t: Target) => unknown[];
  /** Found through the findings' items, not by walking the audits. */
  byItems?: boolean;
}

const FILTERS: Filter[] = [
  { suffix: '', screen: 'Nonconformities', input: () => ({}), where: '' },
  {
    suffix: '-open',
    screen: 'Nonconformities, status filter',
    input: () => ({ status: ['open', 'response_received'] }),
    where: "WHERE f.status IN ('open', 'response_received')",
  },
  {
    suffix: '-overdue',
    screen: 'Nonconformities, overdue filter',
    input: () => ({ overdue: true }),
    where: `WHERE f.type IN ('major', 'minor') AND (
        (f.status = 'open' AND date(coalesce(a.closing_meeting_date, a.end_date),
          '+' || CASE f.type WHEN 'major' THEN a.response_days_major ELSE a.response_days_minor END || ' days') < '${TODAY}')
        OR (f.status = 'response_accepted' AND (SELECT r.action_due FROM finding_responses r
          WHERE r.finding_id = f.id AND r.decision = 'accepted' ORDER BY r.created_at DESC LIMIT 1) < '${TODAY}'))`,
  },
  {
    suffix: '-type',
    screen: 'Nonconformities, type filter',
    input: () => ({ type: ['major'] }),
    where: "WHERE f.type IN ('major')",
  },
  {
    suffix: '-requirement',
    screen: 'Nonconformities, requirement filter',
    input: (t) => ({ requirement: t.ref }),
    // The ref matched through its index (the op matches without case too).
    where: `WHERE f.id IN (SELECT fi.finding_id FROM finding_items fi
         JOIN checklist_items i ON i.id = fi.item_id WHERE i.ref = ? COLLATE NOCASE)`,
    params: (t) => [t.ref],
    byItems: true,
  },
  {
    suffix: '-requirement-group',
    screen: 'Nonconformities, requirement filter, a group ("A.5": every A.5 control)',
    input: () => ({ requirement: 'A.5' }),
    where: `WHERE f.id IN (SELECT fi.finding_id FROM finding_items fi
         JOIN checklist_items i ON i.id = fi.item_id WHERE i.ref >= 'A.5.' COLLATE NOCASE AND i.ref < 'A.5/' COLLATE NOCASE)`,
    byItems: true,
  },
  {
    suffix: '-audit',
    screen: 'Audit, Findings tab',
    input: (t) => ({ auditId: t.auditId }),
    where: 'WHERE f.audit_id = ?',
    params: (t) => [t.auditId],
  },
];

/**
 * The Nonconformities screen's list, unfiltered and with each filter, and an
 * audit's findings. The full list's floor reads its rows in its order. The
 * paged one's reads them the way its own query does (the audits walked newest
 * first, a page's rows, then stop; through the items for a requirement) and
 * counts the matches, as its first page does.
 */
function findingLists(name: string, op: 'findings.list' | 'findings.page'): NavOp[] {
  const paged = op === 'findings.page';
  return FILTERS.map((v) => {
    const params = v.params ?? (() => []);
    const join = paged && !v.byItems ? 'CROSS JOIN' : 'JOIN';
    const rows = `SELECT ${FINDING_COLUMNS} FROM audits a ${join} findings f ON f.audit_id = a.id
      JOIN clients c ON c.id = a.client_id ${v.where} ${paged ? PAGE_ORDER : LIST_ORDER} LIMIT ?`;
    const count = `SELECT count(*) FROM audits a JOIN findings f ON f.audit_id = a.id ${v.where}`;
    const across = !v.suffix.includes('audit');
    // The screens ask for pages; the whole list across audits is the CLI's and exports' (an audit's own stays).
    const offScreen = !paged && across;
    return {
      name: `${name}${v.suffix}`,
      screen: offScreen ? `not on navigation since paging (was: ${v.screen}); the CLI, exports` : v.screen,
      ...(offScreen ? { notOnNavigation: true as const } : {}),
      op,
      acrossAudits: across,
      list: true,
      input: (t) => ({ ...(paged ? { today: TODAY } : {}), ...v.input(t) }),
      floor: (db, t, n) =>
        paged ? [all(db, rows, ...params(t), n), all(db, count, ...params(t))] : all(db, rows, ...params(t), n),
    };
  });
}

export const NAV_OPS: NavOp[] = [
  {
    name: 'audits-list',
    acrossAudits: true,
    list: true,
    screen: 'not on navigation since paging (was: Audits (home), a client); `fieldwork audits`',
    notOnNavigation: true,
    op: 'audits.list',
    input: () => ({ sort: 'start_desc' }),
    floor: (db, _t, n) =>
      all(
        db,
        `SELECT a.*, c.name AS client_name FROM audits a JOIN clients c ON c.id = a.client_id
         ORDER BY a.start_date DESC, a.id DESC LIMIT ?`,
        n,
      ),
  },
  {
    name: 'audits-page',
    acrossAudits: true,
    list: true,
    screen: 'Audits (home)',
    op: 'audits.page',
    input: () => ({ sort: 'start_desc' }),
    floor: (db, _t, n) =>
      all(
        db,
        `SELECT a.*, c.name AS client_name FROM audits a JOIN clients c ON c.id = a.client_id
         ORDER BY a.start_date DESC, a.id DESC LIMIT ?`,
        n,
      ),
  },
  {
    name: 'audits-page-client',
    list: true,
    screen: 'Client',
    op: 'audits.page',
    input: (t) => ({ sort: 'start_desc', clientId: t.clientId }),
    floor: (db, t, n) =>
      all(
        db,
        `SELECT a.*, c.name AS client_name FROM audits a JOIN clients c ON c.id = a.client_id
         WHERE a.client_id = ? ORDER BY a.start_date DESC, a.id DESC LIMIT ?`,
        t.clientId,
        n,
      ),
  },
  {
    name: 'clients-list',
    list: true,
    screen: 'Audits (home), Clients',
    op: 'clients.list',
    input: () => ({}),
    floor: (db, _t, n) => all(db, 'SELECT * FROM clients ORDER BY name LIMIT ?', n),
  },
  ...findingLists('findings-list', 'findings.list'),
  ...findingLists('findings-page', 'findings.page'),
  {
    name: 'evidence-page',
    screen: 'Audit, Evidence library',
    op: 'evidence.page',
    list: true,
    input: (t) => ({ auditId: t.auditId }),
    floor: (db, t, n) =>
      all(db, 'SELECT * FROM evidence WHERE audit_id = ? ORDER BY created_at DESC, id DESC LIMIT ?', t.auditId, n),
  },
  {
    name: 'audits-get',
    screen: 'Audit (every tab)',
    op: 'audits.get',
    input: (t) => ({ id: t.auditId }),
    floor: (db, t) => [
      all(db, 'SELECT a.*, c.name FROM audits a JOIN clients c ON c.id = a.client_id WHERE a.id = ?', t.auditId),
      all(db, 'SELECT * FROM audit_team WHERE audit_id = ? ORDER BY position', t.auditId),
      all(db, 'SELECT * FROM audit_sites WHERE audit_id = ?', t.auditId),
    ],
  },
  {
    name: 'team-status',
    screen: 'Audit (every tab)',
    op: 'team.status',
    input: (t) => ({ auditId: t.auditId }),
    floor: (db, t) => all(db, 'SELECT * FROM team_audits WHERE audit_id = ?', t.auditId),
  },
  {
    name: 'audits-dashboard',
    screen: 'Audit, Overview',
    op: 'audits.dashboard',
    input: (t) => ({ auditId: t.auditId }),
    floor: (db, t) =>
      all(db, 'SELECT result, count(*) FROM checklist_items WHERE audit_id = ? GROUP BY result', t.auditId),
  },
  {
    name: 'checklist-get',
    screen: 'Audit, Checklist',
    op: 'checklist.get',
    input: (t) => ({ auditId: t.auditId }),
    floor: (db, t) => [
      all(db, 'SELECT * FROM checklist_items WHERE audit_id = ? ORDER BY position', t.auditId),
      all(
        db,
        `SELECT s.* FROM checklist_samples s JOIN checklist_items i ON i.id = s.item_id
         WHERE i.audit_id = ? ORDER BY s.item_id, s.position`,
        t.auditId,
      ),
    ],
  },
  {
    name: 'interviews-list',
    list: true,
    screen: 'Audit, Interviews; Evidence library',
    op: 'interviews.list',
    input: (t) => ({ auditId: t.auditId }),
    floor: (db, t) => all(db, 'SELECT * FROM interviews WHERE audit_id = ? ORDER BY held_at', t.auditId),
  },
  {
    name: 'observations-list',
    list: true,
    screen: 'Audit, Observations; Evidence library',
    op: 'observations.list',
    input: (t) => ({ auditId: t.auditId }),
    floor: (db, t) => all(db, 'SELECT * FROM observations WHERE audit_id = ? ORDER BY observed_at', t.auditId),
  },
  {
    name: 'documents-list',
    list: true,
    screen: 'Audit, Documents',
    op: 'documents.list',
    input: (t) => ({ auditId: t.auditId }),
    floor: (db, t) => all(db, 'SELECT * FROM documents_reviewed WHERE audit_id = ?', t.auditId),
  },
  {
    name: 'evidence-list',
    list: true,
    screen: 'Audit, Evidence library',
    op: 'evidence.list',
    input: (t) => ({ auditId: t.auditId }),
    floor: (db, t) =>
      all(
        db,
        `SELECT e.*, l.target_type, l.target_id FROM evidence e LEFT JOIN evidence_links l ON l.evidence_id = e.id
         WHERE e.audit_id = ? ORDER BY e.created_at`,
        t.auditId,
      ),
  },
  {
    name: 'findings-get',
    screen: 'Finding drawer',
    op: 'findings.get',
    input: (t) => ({ id: t.findingId }),
    floor: (db, t) => [
      all(db, 'SELECT * FROM findings WHERE id = ?', t.findingId),
      all(db, 'SELECT * FROM finding_items WHERE finding_id = ?', t.findingId),
      all(db, 'SELECT * FROM finding_responses WHERE finding_id = ?', t.findingId),
      all(db, 'SELECT * FROM finding_records WHERE finding_id = ?', t.findingId),
    ],
  },
  {
    name: 'findings-trail',
    list: true,
    screen: 'Finding drawer, history',
    op: 'findings.trail',
    input: (t) => ({ recordType: 'finding', recordId: t.findingId }),
    floor: (db, t) =>
      all(db, "SELECT * FROM audit_trail WHERE record_type = 'finding' AND record_id = ? ORDER BY id", t.findingId),
  },
  {
    name: 'clients-get',
    screen: 'Client',
    op: 'clients.get',
    input: (t) => ({ id: t.clientId }),
    floor: (db, t) => [
      all(db, 'SELECT * FROM clients WHERE id = ?', t.clientId),
      all(db, 'SELECT * FROM client_sites WHERE client_id = ? ORDER BY position', t.clientId),
      all(db, 'SELECT * FROM client_contacts WHERE client_id = ? ORDER BY position', t.clientId),
    ],
  },
  {
    name: 'programme-get',
    screen: 'Client, programme',
    op: 'programme.get',
    input: (t) => ({ clientId: t.clientId }),
    floor: (db, t) => all(db, 'SELECT * FROM audits WHERE client_id = ? ORDER BY start_date', t.clientId),
  },
  {
    name: 'search-page',
    list: true,
    screen: 'Search (Ctrl+K), first page',
    op: 'search.page',
    input: (t) => ({ q: t.q, limit: 30 }),
    // The best 30 by FTS5's own rank, and the matches counted as far as the op counts them.
    floor: (db, t) => [
      all(db, 'SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 30', toFtsQuery(t.q)),
      all(
        db,
        'SELECT count(*) FROM (SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT 2001)',
        toFtsQuery(t.q),
      ),
    ],
  },
  {
    name: 'search',
    list: true,
    screen: 'Search (Ctrl+K)',
    op: 'search.query',
    input: (t) => ({ q: t.q }),
    floor: (db, t) =>
      all(db, 'SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 30', toFtsQuery(t.q)),
  },
];
