import { describe, expect, it } from 'vitest';
import { SHARED } from '#core/db/migration-9';
import { MIGRATION_10, SCOPE_RULES } from '#core/db/migration-10';
import { MIGRATION_14 } from '#core/db/migration-14';
import { MIGRATION_15, SCOPE_RULES_15, SHARED_15 } from '#core/db/migration-15';
import { FIELDS_17, MIGRATION_17 } from '#core/db/migration-17';
import { LOGGED } from '#core/sync/tables';
import { logTriggers, triggerBlocks } from './log-triggers';

const named = (sql: string) => /CREATE TRIGGER (\w+)/.exec(sql)![1]!;

describe('change-log triggers of the tables migration 15 logs', () => {
  it("the generator writes migration 10's triggers word for word (migration 14's for audits)", () => {
    const m10 = triggerBlocks(MIGRATION_10.sql);
    const m14 = triggerBlocks(MIGRATION_14.sql);
    let compared = 0;
    for (const [name, t] of Object.entries(SHARED)) {
      for (const sql of logTriggers({ name, ...t, scope: SCOPE_RULES[name]! })) {
        expect(sql, named(sql)).toBe((name === 'audits' ? m14 : m10).get(named(sql)));
        compared++;
      }
    }
    expect(compared).toBe(m10.size);
  });

  it("migration 15's frozen triggers are exactly the generator's for its tables, and nothing else is logged", () => {
    const m15 = triggerBlocks(MIGRATION_15.sql);
    const expected = Object.entries(SHARED_15).flatMap(([name, t]) =>
      logTriggers({ name, ...t, scope: SCOPE_RULES_15[name]! }),
    );
    expect([...m15.keys()]).toEqual(expected.map(named));
    for (const sql of expected) expect(m15.get(named(sql)), named(sql)).toBe(sql);
    expect(Object.keys(SHARED_15)).not.toContain('technical_reviews');
    // The merge knows each new table, after all of migration 9's (parents are written first).
    const order = (n: string) => LOGGED.get(n)!.order;
    expect(order('audit_plans')).toBeGreaterThan(order('audit_reports'));
    expect(order('plan_session_items')).toBeGreaterThan(order('plan_sessions'));
    expect(order('meeting_attendees')).toBeGreaterThan(order('audit_meetings'));
  });

  it("migration 17's audits triggers are the generator's with the report languages, and the merge reads them", () => {
    const m17 = triggerBlocks(MIGRATION_17.sql);
    const { key, fields } = SHARED.audits!;
    const audits = { name: 'audits', key, fields: [...fields, ...FIELDS_17.audits!], scope: SCOPE_RULES.audits! };
    const expected = logTriggers(audits).filter((sql) => named(sql) !== 'audits_log_delete');
    expect([...m17.keys()]).toEqual(expected.map(named));
    for (const sql of expected) expect(m17.get(named(sql)), named(sql)).toBe(sql);
    expect(LOGGED.get('audits')!.fields).toEqual(expect.arrayContaining(['report_language', 'report_second_language']));
  });
});
