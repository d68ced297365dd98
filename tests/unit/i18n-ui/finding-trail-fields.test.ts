import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '#core/db/migrations';
import { LANGUAGES } from '#shared/i18n/languages';
import { UI_NAMESPACES } from '../../../renderer/src/i18n/namespaces';

/**
 * The fields a finding's history can show, as the database's triggers write them
 * (the current schema, every migration applied): plain names ('statement') and
 * the attachment trigger's CASE ('attachment' / 'verification attachment').
 */
function findingTrailFields(): Set<string> {
  const db = new Database(':memory:');
  try {
    migrate(db);
    const triggers = db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%audit_trail%'")
      .all()
      .map((r) => r.sql);
    const fields = new Set<string>();
    for (const sql of triggers) {
      for (const m of sql.matchAll(/'finding',\s*[\w.]+,\s*[\w.]+,\s*(CASE\b[^]*?\bEND|'([a-z_ ]+)')/g)) {
        if (m[2]) fields.add(m[2]);
        else for (const c of m[1]!.matchAll(/(?:THEN|ELSE)\s+'([a-z_ ]+)'/g)) fields.add(c[1]!);
      }
    }
    return fields;
  } finally {
    db.close();
  }
}

/**
 * The history table names each changed field in the reader's language; a field
 * without a label would show its column name (English) on a German screen. The
 * completeness test cannot see this: the list of fields lives in the schema.
 */
describe("a finding's history", () => {
  it('has a label for every field the triggers write, in every language', () => {
    const fields = [...findingTrailFields()].sort();
    // The parse found the triggers' fields at all (a changed SQL layout would otherwise pass silently).
    expect(fields).toEqual(expect.arrayContaining(['created', 'statement', 'status', 'verification attachment']));
    for (const lng of LANGUAGES) {
      const labels: Record<string, string> = UI_NAMESPACES.findings[lng].trail.fields;
      expect(
        fields.filter((f) => !labels[f]),
        lng,
      ).toEqual([]);
    }
  });
});
