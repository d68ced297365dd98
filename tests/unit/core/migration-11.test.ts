import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

let t: ReturnType<typeof tempBackend>;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

/** The search entry of a record, or undefined when the index has none. */
const entry = (id: string) =>
  t.backend.db
    .prepare('SELECT s.title, s.body FROM search_docs d JOIN search_index s ON s.rowid = d.rowid WHERE d.record_id = ?')
    .get(id);

describe('migration 11: the search index triggers stay silent while a merge applies rows', () => {
  it('indexes ordinary writes, skips inserts and updates made with write_context.applying = 1, removes deletions always', async () => {
    const b = t.backend;
    const client = value(await b.call('clients.create', sampleClient()));
    const audit = value(await b.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id])));
    const insert = (id: string, location: string) =>
      b.db
        .prepare(
          `INSERT INTO observations (id, audit_id, location, observed_at, description, created_at, updated_at, device_id)
           VALUES (?, ?, ?, '2026-03-02T10:00', 'Door propped open', '2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z', 'dev')`,
        )
        .run(id, audit.id, location);
    const applying = (on: boolean) => b.db.prepare('UPDATE write_context SET applying = ?').run(on ? 1 : 0);

    insert('o1', 'Loading bay');
    expect(entry('o1')).toEqual({ title: 'Loading bay', body: 'Door propped open' });

    applying(true);
    insert('o2', 'Server room');
    b.db.prepare("UPDATE observations SET location = 'Roof' WHERE id = 'o1'").run();
    expect(entry('o2')).toBeUndefined();
    expect(entry('o1')).toEqual({ title: 'Loading bay', body: 'Door propped open' });
    b.db.prepare("DELETE FROM observations WHERE id = 'o1'").run();
    expect(entry('o1')).toBeUndefined();

    applying(false);
    b.db.prepare("UPDATE observations SET location = 'Basement' WHERE id = 'o2'").run();
    insert('o3', 'Reception');
    expect(entry('o3')).toEqual({ title: 'Reception', body: 'Door propped open' });
  });
});
