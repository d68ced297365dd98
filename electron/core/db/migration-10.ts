import type { Migration } from './migrations';
import { SHARED } from './migration-9';

/**
 * Migration 10: team audits (issue 13). The change log learns what the merge
 * needs: each entry's `scope` (the audit, or for client records the client,
 * it belongs to), its base `replaces` (the clocks of the values of its row it
 * overwrote here: the field's live values and any live tombstone) and `live`
 * (no held entry replaces it). Tombstones become several per row with the same
 * three columns. `write_context.applying` is 1 while a merge materialises rows:
 * the triggers then stay silent (the merge writes its own entries).
 *
 * Within one transaction (one clock) a field written twice keeps one entry
 * (the last value); a row deleted and inserted again keeps no tombstone (its
 * new entries take over the deletion's base), and a row inserted and deleted
 * again keeps no entries (the tombstone takes over theirs): two entries with
 * one clock on one field would be read as a forged package by the merge.
 *
 * A deleted row's log is purged (secure delete, as in migration 9) unless it
 * belongs to a team audit: the merge needs its history (a deletion against a
 * colleague's edit must be able to keep the record).
 *
 * The tables and columns are migration 9's frozen list; frozen again here.
 */

/** How an entry's scope is found from its row (`R` is NEW, OLD or the table itself). */
type ScopeRule =
  | { kind: 'self' }
  | { kind: 'column'; column: 'audit_id' | 'client_id' }
  | { kind: 'parent'; column: string; parent: string };

export const SCOPE_RULES: Readonly<Record<string, ScopeRule>> = {
  clients: { kind: 'self' },
  client_contacts: { kind: 'column', column: 'client_id' },
  client_sites: { kind: 'column', column: 'client_id' },
  audits: { kind: 'self' },
  audit_sites: { kind: 'column', column: 'audit_id' },
  audit_team: { kind: 'column', column: 'audit_id' },
  checklist_items: { kind: 'column', column: 'audit_id' },
  checklist_samples: { kind: 'parent', column: 'item_id', parent: 'checklist_items' },
  interviews: { kind: 'column', column: 'audit_id' },
  interview_auditors: { kind: 'parent', column: 'interview_id', parent: 'interviews' },
  interview_items: { kind: 'parent', column: 'interview_id', parent: 'interviews' },
  observations: { kind: 'column', column: 'audit_id' },
  observation_items: { kind: 'parent', column: 'observation_id', parent: 'observations' },
  documents_reviewed: { kind: 'column', column: 'audit_id' },
  document_items: { kind: 'parent', column: 'document_id', parent: 'documents_reviewed' },
  evidence: { kind: 'column', column: 'audit_id' },
  evidence_links: { kind: 'parent', column: 'evidence_id', parent: 'evidence' },
  findings: { kind: 'column', column: 'audit_id' },
  finding_items: { kind: 'parent', column: 'finding_id', parent: 'findings' },
  finding_records: { kind: 'parent', column: 'finding_id', parent: 'findings' },
  finding_responses: { kind: 'parent', column: 'finding_id', parent: 'findings' },
  carried_findings: { kind: 'column', column: 'audit_id' },
  recommendations: { kind: 'column', column: 'audit_id' },
  audit_reports: { kind: 'column', column: 'audit_id' },
};

const scopeOf = (rule: ScopeRule, ref: string): string =>
  rule.kind === 'self'
    ? `${ref}.id`
    : rule.kind === 'column'
      ? `${ref}.${rule.column}`
      : `(SELECT audit_id FROM ${rule.parent} WHERE id = ${ref}.${rule.column})`;

const rowId = (ref: string, key: readonly string[]) => key.map((k) => `${ref}.${k}`).join(" || '/' || ");
const CLOCK = '(SELECT clock FROM write_context)';
const QUIET = 'WHEN (SELECT applying FROM write_context) = 0';
const COLUMNS = 'table_name, row_id, field, value, clock, device_id, author, scope, replaces';
/** Scopes whose history is kept when a row goes: team audits and their clients. */
const TEAM_SCOPES =
  'SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id';

function logTriggers(table: string, key: readonly string[], fields: readonly string[], rule: ScopeRule): string {
  const row = (ref: string) => `table_name = '${table}' AND row_id = ${rowId(ref, key)}`;
  const all = [...key, ...fields];
  const inserted = all.map((c) => `SELECT '${c}' AS f, json_quote(NEW.${c}) AS v`).join(' UNION ALL ');
  const changed = fields
    .map((c) => `SELECT '${c}' AS f, json_quote(NEW.${c}) AS v WHERE NEW.${c} IS NOT OLD.${c}`)
    .join(' UNION ALL ');
  const liveTombs = `SELECT clock FROM tombstones WHERE ${row('NEW')} AND live = 1 AND clock <> w.clock`;
  const liveOfField = `SELECT clock AS x FROM change_log WHERE ${row('NEW')} AND field = c.f AND live = 1`;
  const update =
    fields.length === 0
      ? ''
      : `
    CREATE TRIGGER ${table}_log_update AFTER UPDATE ON ${table} ${QUIET} BEGIN
      UPDATE change_log SET value = CASE field ${fields.map((c) => `WHEN '${c}' THEN json_quote(NEW.${c})`).join(' ')} END
        WHERE ${row('NEW')} AND clock = ${CLOCK} AND field IN (SELECT f FROM (${changed}));
      INSERT INTO change_log (${COLUMNS})
      SELECT '${table}', ${rowId('NEW', key)}, c.f, c.v, w.clock, w.device_id, w.author, ${scopeOf(rule, 'NEW')},
        (SELECT json_group_array(x) FROM (${liveOfField} UNION ${liveTombs} ORDER BY 1))
      FROM write_context w, (${changed}) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE ${row('NEW')} AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE ${row('NEW')} AND live = 1 AND clock <> ${CLOCK}
        AND field IN (SELECT f FROM (${changed}));
      UPDATE tombstones SET live = 0 WHERE ${row('NEW')} AND live = 1;
    END;`;
  return `
    CREATE TRIGGER ${table}_log_insert AFTER INSERT ON ${table} ${QUIET} BEGIN
      INSERT INTO change_log (${COLUMNS})
      SELECT '${table}', ${rowId('NEW', key)}, c.f, c.v, w.clock, w.device_id, w.author, ${scopeOf(rule, 'NEW')},
        (SELECT json_group_array(x) FROM (${liveOfField} UNION ${liveTombs}
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = '${table}' AND t.row_id = ${rowId('NEW', key)} AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (${inserted}) c;
      DELETE FROM tombstones WHERE ${row('NEW')} AND clock = ${CLOCK};
      UPDATE change_log SET live = 0 WHERE ${row('NEW')} AND live = 1 AND clock <> ${CLOCK};
      UPDATE tombstones SET live = 0 WHERE ${row('NEW')} AND live = 1;
    END;${update}
    CREATE TRIGGER ${table}_log_delete AFTER DELETE ON ${table} ${QUIET} BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT '${table}', ${rowId('OLD', key)}, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE ${row('OLD')} AND scope IS NOT NULL LIMIT 1), ${scopeOf(rule, 'OLD')}),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE ${row('OLD')} AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = '${table}'
            AND c.row_id = ${rowId('OLD', key)} AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE ${row('OLD')} AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE ${row('OLD')} AND clock = ${CLOCK};
      UPDATE change_log SET live = 0 WHERE ${row('OLD')} AND live = 1;
      UPDATE tombstones SET live = 0 WHERE ${row('OLD')} AND live = 1 AND clock <> ${CLOCK};
      DELETE FROM change_log WHERE ${row('OLD')} AND coalesce(scope, '') NOT IN (${TEAM_SCOPES});
    END;`;
}

/** For rows logged under migration 9: the scope from the row itself, or from its key's first part (its parent). */
function backfillScope(target: 'change_log' | 'tombstones', table: string, key: readonly string[], rule: ScopeRule) {
  const first = key.length === 1 ? `${target}.row_id` : `substr(${target}.row_id, 1, instr(${target}.row_id, '/') - 1)`;
  const owner = (column: string) =>
    key[0] === column ? first : `(SELECT ${column} FROM ${table} WHERE id = ${target}.row_id)`;
  const scope =
    rule.kind === 'self'
      ? `${target}.row_id`
      : rule.kind === 'column'
        ? owner(rule.column)
        : `(SELECT audit_id FROM ${rule.parent} WHERE id = ${owner(rule.column)})`;
  return `UPDATE ${target} SET scope = ${scope} WHERE table_name = '${table}';`;
}

const drop = (table: string) =>
  `DROP TRIGGER IF EXISTS ${table}_log_insert; DROP TRIGGER IF EXISTS ${table}_log_update; DROP TRIGGER IF EXISTS ${table}_log_delete;`;

export const MIGRATION_10: Migration = {
  version: 10,
  name: 'team audits: scoped change log with bases, several tombstones per row, team tables',
  sql: `
    ${Object.keys(SHARED).map(drop).join('\n')}
    ALTER TABLE write_context ADD COLUMN applying INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1));
    ALTER TABLE change_log ADD COLUMN scope TEXT;
    ALTER TABLE change_log ADD COLUMN replaces TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(replaces));
    ALTER TABLE change_log ADD COLUMN live INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1));
    CREATE TABLE tombstones_v10 (
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      clock TEXT NOT NULL,
      device_id TEXT NOT NULL,
      author TEXT NOT NULL,
      scope TEXT,
      replaces TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(replaces)),
      live INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1)),
      PRIMARY KEY (table_name, row_id, clock)
    ) STRICT;
    INSERT INTO tombstones_v10 (table_name, row_id, clock, device_id, author)
      SELECT table_name, row_id, clock, device_id, author FROM tombstones;
    DROP TABLE tombstones;
    ALTER TABLE tombstones_v10 RENAME TO tombstones;
    CREATE INDEX tombstones_scope ON tombstones(scope, clock);
    -- Exports read by scope and clock; nothing reads by clock alone any more (one index less per logged field).
    DROP INDEX change_log_clock;
    CREATE INDEX change_log_scope ON change_log(scope, clock);
    CREATE INDEX change_log_live ON change_log(scope, table_name, row_id, field) WHERE live = 1;

    -- Backfill. No package existed before this migration, so each row's history is local and linear:
    -- one entry per field and clock (the last write of a transaction), each replacing the one before,
    -- the newest live; a tombstone older than the row's entries was undone by a later insert.
    DELETE FROM change_log WHERE seq NOT IN (SELECT max(seq) FROM change_log GROUP BY table_name, row_id, field, clock);
    DELETE FROM tombstones WHERE EXISTS (SELECT 1 FROM change_log c WHERE c.table_name = tombstones.table_name
      AND c.row_id = tombstones.row_id AND c.clock >= tombstones.clock);
    WITH chain AS (
      SELECT seq, LAG(clock) OVER w AS prev, ROW_NUMBER() OVER (PARTITION BY table_name, row_id, field ORDER BY clock DESC) AS newest
      FROM change_log WINDOW w AS (PARTITION BY table_name, row_id, field ORDER BY clock)
    )
    UPDATE change_log SET replaces = CASE WHEN chain.prev IS NULL THEN '[]' ELSE json_array(chain.prev) END,
      live = (chain.newest = 1)
    FROM chain WHERE chain.seq = change_log.seq;
    ${Object.entries(SHARED)
      .map(([table, t]) => backfillScope('change_log', table, t.key, SCOPE_RULES[table]!))
      .join('\n')}
    ${Object.entries(SHARED)
      .map(([table, t]) => backfillScope('tombstones', table, t.key, SCOPE_RULES[table]!))
      .join('\n')}

    -- lead: this data folder sent the audit out; member: a team copy made by importing a 'send' package.
    CREATE TABLE team_audits (
      audit_id TEXT PRIMARY KEY REFERENCES audits(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('lead','member')),
      lead_folder_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    -- Every package sent or merged: the provenance the report's sign-off page lists.
    CREATE TABLE team_exchanges (
      package_id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      direction TEXT NOT NULL CHECK (direction IN ('sent','received')),
      kind TEXT NOT NULL CHECK (kind IN ('send','return')),
      peer_name TEXT NOT NULL,
      device_id TEXT NOT NULL,
      signer_name TEXT NOT NULL,
      signer_fingerprint TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      at TEXT NOT NULL,
      version_vector TEXT NOT NULL CHECK (json_valid(version_vector)),
      added INTEGER NOT NULL DEFAULT 0,
      changed INTEGER NOT NULL DEFAULT 0,
      conflicts INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX team_exchanges_audit ON team_exchanges(audit_id, at);
    CREATE TABLE conflict_resolutions (
      id INTEGER PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT,
      clock TEXT NOT NULL,
      resolved_by TEXT NOT NULL,
      resolved_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX conflict_resolutions_audit ON conflict_resolutions(audit_id);
    ${Object.entries(SHARED)
      .map(([table, t]) => logTriggers(table, t.key, t.fields, SCOPE_RULES[table]!))
      .join('')}
  `,
};
