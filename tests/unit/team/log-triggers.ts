/**
 * The change-log triggers of one logged table, written out the way migration 10
 * wrote them (migration 14 made the audits' again word for word). Frozen
 * migrations never call this: migration 15's triggers were generated once with
 * it and pasted as literal SQL. log-triggers.test.ts holds this generator to
 * migration 10's text for every table of that migration, and migration 15's
 * text to this generator, so the new tables log exactly as the old ones do.
 */
export type ScopeRule =
  { kind: 'self' } | { kind: 'column'; column: string } | { kind: 'parent'; column: string; parent: string };

export interface TriggerTable {
  name: string;
  key: readonly string[];
  fields: readonly string[];
  scope: ScopeRule;
}

const rowId = (key: readonly string[], r: 'NEW' | 'OLD') => key.map((k) => `${r}.${k}`).join(" || '/' || ");

const scopeOf = (s: ScopeRule, r: 'NEW' | 'OLD', key: readonly string[]) =>
  s.kind === 'self'
    ? `${r}.${key[0]}`
    : s.kind === 'column'
      ? `${r}.${s.column}`
      : `(SELECT audit_id FROM ${s.parent} WHERE id = ${r}.${s.column})`;

const values = (cols: readonly string[]) =>
  cols.map((c) => `SELECT '${c}' AS f, json_quote(NEW.${c}) AS v`).join(' UNION ALL ');
const changed = (cols: readonly string[]) =>
  cols.map((c) => `SELECT '${c}' AS f, json_quote(NEW.${c}) AS v WHERE NEW.${c} IS NOT OLD.${c}`).join(' UNION ALL ');

export function insertTrigger(t: TriggerTable): string {
  const n = t.name;
  const row = rowId(t.key, 'NEW');
  return `    CREATE TRIGGER ${n}_log_insert AFTER INSERT ON ${n} WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT '${n}', ${row}, c.f, c.v, w.clock, w.device_id, w.author, ${scopeOf(t.scope, 'NEW', t.key)},
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = '${n}' AND row_id = ${row} AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = '${n}' AND row_id = ${row} AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = '${n}' AND t.row_id = ${row} AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (${values([...t.key, ...t.fields])}) c;
      DELETE FROM tombstones WHERE table_name = '${n}' AND row_id = ${row} AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = '${n}' AND row_id = ${row} AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = '${n}' AND row_id = ${row} AND live = 1;
    END;`;
}

/** A table of key columns only (a link) has none: its rows are inserted and deleted, never changed. */
export function updateTrigger(t: TriggerTable): string | null {
  if (t.fields.length === 0) return null;
  const n = t.name;
  const row = rowId(t.key, 'NEW');
  const cases = t.fields.map((c) => `WHEN '${c}' THEN json_quote(NEW.${c})`).join(' ');
  const ch = changed(t.fields);
  return `    CREATE TRIGGER ${n}_log_update AFTER UPDATE ON ${n} WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field ${cases} END
        WHERE table_name = '${n}' AND row_id = ${row} AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (${ch}));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT '${n}', ${row}, c.f, c.v, w.clock, w.device_id, w.author, ${scopeOf(t.scope, 'NEW', t.key)},
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = '${n}' AND row_id = ${row} AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = '${n}' AND row_id = ${row} AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (${ch}) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = '${n}' AND row_id = ${row} AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = '${n}' AND row_id = ${row} AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (${ch}));
      UPDATE tombstones SET live = 0 WHERE table_name = '${n}' AND row_id = ${row} AND live = 1;
    END;`;
}

export function deleteTrigger(t: TriggerTable): string {
  const n = t.name;
  const row = rowId(t.key, 'OLD');
  return `    CREATE TRIGGER ${n}_log_delete AFTER DELETE ON ${n} WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT '${n}', ${row}, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = '${n}' AND row_id = ${row} AND scope IS NOT NULL LIMIT 1), ${scopeOf(t.scope, 'OLD', t.key)}),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = '${n}' AND row_id = ${row} AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = '${n}'
            AND c.row_id = ${row} AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = '${n}' AND row_id = ${row} AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = '${n}' AND row_id = ${row} AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = '${n}' AND row_id = ${row} AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = '${n}' AND row_id = ${row} AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = '${n}' AND row_id = ${row} AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;`;
}

/** A table's three (or two) triggers, in migration 10's order. */
export const logTriggers = (t: TriggerTable): string[] =>
  [insertTrigger(t), updateTrigger(t), deleteTrigger(t)].filter((s): s is string => s !== null);

/** Each `CREATE TRIGGER <name>_log_… END;` block of a migration's SQL, by trigger name. */
export function triggerBlocks(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sql.matchAll(/ {4}CREATE TRIGGER (\w+_log_(?:insert|update|delete)) [\s\S]*?\n {4}END;/g)) {
    out.set(m[1]!, m[0]);
  }
  return out;
}
