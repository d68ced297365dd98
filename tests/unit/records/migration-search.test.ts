import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openBackend } from '#core/backend';
import { MIGRATIONS, migrate } from '#core/db/migrations';
import { HIT_END, HIT_START } from '#shared/domain/search';
import { value } from '../../helpers/backend';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-mig3-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const m = "'2026-01-01T00:00:00.000Z','2026-01-01T00:00:00.000Z','old-laptop'";
const UUID = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** A data folder last written at schema 2: one audit whose checklist already has notes. */
function seedMigration2Folder(): void {
  const db = new Database(join(dir, DATABASE_FILE));
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 2));
  const item = db.prepare(
    `INSERT INTO checklist_items (id, audit_id, position, ref, kind, group_id, group_title, group_kind, number, title,
       questions, evidence, clauses, notes, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ?, 'control', 'A.5', 'Organizational controls', 'theme', ?, ?, '[]', '[]', '[]', ?, ${m})`,
  );
  db.transaction(() => {
    db.exec(`INSERT INTO clients VALUES ('${UUID(1)}', 'Acme Ltd', '', '', ${m});
      INSERT INTO audits (id, client_id, standard, type, scope, start_date, end_date, mode, objectives, criteria,
        status, template_id, template_version, created_at, updated_at, device_id)
      VALUES ('${UUID(2)}', '${UUID(1)}', 'ISO/IEC 27001:2022', 'surveillance1', 'All', '2025-10-06', '2025-10-07',
        'on_site', '', '', 'in_progress', 'iso27001-2022-stage2', '1.0.0', ${m});`);
    item.run(
      UUID(3),
      UUID(2),
      0,
      'A.5.19',
      '5.19',
      'Information security in supplier relationships',
      'Die Überprüfung der Lieferanten erfolgt jährlich.',
    );
    item.run(UUID(4), UUID(2), 1, 'A.5.20', '5.20', 'Addressing information security within supplier agreements', '');
  })();
  db.close();
}

describe('migration 3 indexes what was written before it', () => {
  it('makes checklist notes and titles of an existing database searchable, and keeps them in step after', async () => {
    seedMigration2Folder();
    const backend = openBackend({ dataDir: dir, appVersion: 'test' });
    try {
      expect(value(await backend.call('app.info', {})).schemaVersion).toBeGreaterThanOrEqual(3);
      const [hit, ...rest] = value(await backend.call('search.query', { q: 'uberprufung lieferanten' }));
      expect(rest).toEqual([]);
      expect(hit).toEqual({
        kind: 'checklist_item',
        recordId: UUID(3),
        auditId: UUID(2),
        auditLabel: 'Acme Ltd — Surveillance 1, 2025-10-06',
        title: 'A.5.19 Information security in supplier relationships',
        snippet: expect.stringContaining(`${HIT_START}Überprüfung${HIT_END}`) as string,
      });
      // Items without notes are found by their number and title.
      const byTitle = value(await backend.call('search.query', { q: 'supplier agreements' }));
      expect(byTitle.map((h) => h.recordId)).toEqual([UUID(4)]);

      // The triggers installed by the migration take over from there.
      value(
        await backend.call('checklist.updateItem', { id: UUID(4), patch: { notes: 'Clauses checked in contracts.' } }),
      );
      const updated = value(await backend.call('search.query', { q: 'contracts' }));
      expect(updated.map((h) => h.recordId)).toEqual([UUID(4)]);
      expect(value(await backend.call('search.query', { q: 'jährlich' })).map((h) => h.recordId)).toEqual([UUID(3)]);
    } finally {
      backend.close();
    }
  });
});
