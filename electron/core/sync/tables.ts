import type { RecordKind } from '#shared/domain/team';
import { SHARED } from '../db/migration-9';
import { SCOPE_RULES } from '../db/migration-10';
import { SCOPE_RULES_15, SHARED_15 } from '../db/migration-15';
import { FIELDS_17 } from '../db/migration-17';

/**
 * The logged tables (migration 9's frozen list, which migration 10 kept, then
 * migration 15's: the plan, the meetings and the copies of carried findings;
 * migration 17 adds the audits' report languages) as
 * the merge sees them: key and fields, how a row's scope is found, which kind
 * of record the Team tab counts it as, and the order rows are written in
 * (parents before children).
 */
export interface LoggedTable {
  readonly name: string;
  readonly key: readonly string[];
  readonly fields: readonly string[];
  /** Key and fields: every column the log carries. */
  readonly columns: readonly string[];
  readonly kind: RecordKind;
  /** Position in write order (parents first). */
  readonly order: number;
  /** SQL for the row's scope, with the row's columns read from alias `t`. */
  readonly scopeSql: string;
}

const KIND: Readonly<Record<string, RecordKind>> = {
  clients: 'client',
  client_contacts: 'client',
  client_sites: 'client',
  audits: 'audit',
  audit_sites: 'audit',
  audit_team: 'team',
  checklist_items: 'checklist',
  checklist_samples: 'checklist',
  interviews: 'interviews',
  interview_auditors: 'interviews',
  interview_items: 'interviews',
  observations: 'observations',
  observation_items: 'observations',
  documents_reviewed: 'documents',
  document_items: 'documents',
  evidence: 'evidence',
  evidence_links: 'evidence',
  findings: 'findings',
  finding_items: 'findings',
  finding_records: 'findings',
  finding_responses: 'findings',
  carried_findings: 'findings',
  recommendations: 'findings',
  audit_reports: 'report',
  audit_plans: 'plan',
  plan_sessions: 'plan',
  plan_session_items: 'plan',
  audit_meetings: 'meetings',
  meeting_attendees: 'meetings',
  carried_finding_copies: 'findings',
};

/**
 * Not in packages: recommendations are the lead's own decision (an
 * insert-only table), carried findings point at other audits' findings (their
 * copies, carried_finding_copies, travel instead). Never logged at all:
 * technical_reviews — the reviewer is independent of the audit team and works
 * on the lead's data folder only (tests/unit/team/plan-meetings.test.ts).
 */
const NOT_PACKAGED = new Set(['recommendations', 'carried_findings']);

const RULES = { ...SCOPE_RULES, ...SCOPE_RULES_15 };

const scopeSql = (table: string): string => {
  const rule = RULES[table]!;
  if (rule.kind === 'self') return 't.id';
  if (rule.kind === 'column') return `t.${rule.column}`;
  return `(SELECT audit_id FROM ${rule.parent} WHERE id = t.${rule.column})`;
};

export const LOGGED: ReadonlyMap<string, LoggedTable> = new Map(
  // Migration 15's tables come after all of migration 9's: each one's parents are written first.
  Object.entries({ ...SHARED, ...SHARED_15 }).map(([name, t], order) => [
    name,
    {
      name,
      key: t.key,
      fields: [...t.fields, ...(FIELDS_17[name] ?? [])],
      columns: [...t.key, ...t.fields, ...(FIELDS_17[name] ?? [])],
      kind: KIND[name]!,
      order,
      scopeSql: scopeSql(name),
    },
  ]),
);

/** The tables whose entries travel in packages, in write order. */
export const PACKAGED: readonly LoggedTable[] = [...LOGGED.values()].filter((t) => !NOT_PACKAGED.has(t.name));
const PACKAGED_NAMES = new Set(PACKAGED.map((t) => t.name));

export function packagedTable(name: string): LoggedTable | undefined {
  return PACKAGED_NAMES.has(name) ? LOGGED.get(name) : undefined;
}

/** The SQL that matches one row by its row id (key parts joined by '/'), alias `t`. */
export const rowIdSql = (t: LoggedTable): string => t.key.map((k) => `t.${k}`).join(" || '/' || ");
export const keyWhere = (t: LoggedTable): string =>
  t.key.length === 1 ? `t.${t.key[0]} = ?` : `t.${t.key[0]} = ? AND ${rowIdSql(t)} = ?`;
/** Parameters for keyWhere. */
export const keyParams = (t: LoggedTable, rowId: string): string[] =>
  t.key.length === 1 ? [rowId] : [rowId.slice(0, rowId.indexOf('/')), rowId];

/**
 * Bookkeeping fields that say who changed a record last: concurrent values
 * differ whenever two people edit the record, so they are never a conflict to
 * decide (the later clock shows, as for any conflict; the history keeps both).
 */
export const UNDECIDED_FIELDS: ReadonlySet<string> = new Set(['updated_by']);

/**
 * SQL selecting `select` (columns of alias `t`) and the row id as `row_id`
 * for many rows of one table at once; bind rowsByIdParams. A merge of tens of
 * thousands of rows would otherwise spend its time on one lookup a row.
 */
export const rowsById = (t: LoggedTable, select: string): string =>
  `SELECT ${select}, ${rowIdSql(t)} AS row_id FROM ${t.name} t WHERE ` +
  (t.key.length === 1
    ? `t.${t.key[0]} IN (SELECT value FROM json_each(?))`
    : // The key's first part finds the rows by the table's key index; the whole id picks among them.
      `t.${t.key[0]} IN (SELECT value FROM json_each(?)) AND ${rowIdSql(t)} IN (SELECT value FROM json_each(?))`);

/** The parameters of rowsById: the ids as JSON (and their first key parts, for a composite key). */
export const rowsByIdParams = (t: LoggedTable, ids: readonly string[]): string[] =>
  t.key.length === 1
    ? [JSON.stringify(ids)]
    : [JSON.stringify([...new Set(ids.map((id) => id.slice(0, id.indexOf('/'))))]), JSON.stringify(ids)];

/** Row ids grouped by table, each once: the batches rowsById and the log's history load read. */
export function idsByTable(rows: Iterable<{ table: string; rowId: string }>): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const { table, rowId } of rows) {
    const ids = sets.get(table) ?? new Set<string>();
    sets.set(table, ids);
    ids.add(rowId);
  }
  return new Map([...sets].map(([table, ids]) => [table, [...ids]]));
}
