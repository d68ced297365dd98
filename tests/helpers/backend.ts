import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend, type BackendOptions } from '#core/backend';
import type { Db } from '#core/db/open';

/** A backend on a real SQLite file in a fresh temporary folder (with the real built-in templates by default). */
export function tempBackend(opts: Omit<BackendOptions, 'dataDir'> = {}): {
  backend: Backend;
  dataDir: string;
  cleanup: () => void;
} {
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldwork-test-'));
  const t = {
    backend: openBackend({ appVersion: 'test', ...opts, dataDir }),
    dataDir,
    // Closes whichever backend the test left in `backend` (tests may reopen it).
    cleanup: () => {
      t.backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Every table of the database (FTS5's own included) with the query that reads all its rows in a stable order. */
function tableReads(db: Db): { name: string; sql: string }[] {
  const tables = db
    .prepare(
      `SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow', 'virtual')
       AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all() as { name: string; wr: number }[];
  // Some FTS5 tables have no rowid and are read in key order.
  return tables.map((t) => ({ name: t.name, sql: `SELECT * FROM "${t.name}"${t.wr ? '' : ' ORDER BY rowid'}` }));
}

/** Every row of every table, for "nothing changed" assertions. */
export function dumpDatabase(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(tableReads(db).map((t) => [t.name, db.prepare(t.sql).all()]));
}

/**
 * A SHA-256 of every value of every row, per table: the same "nothing changed" check as comparing two dumps
 * (a changed table shows by name), without building and deep-comparing every row as objects, which made the
 * malformed-input test spend most of its time comparing.
 */
export function databaseDigest(db: Db): Record<string, string> {
  return Object.fromEntries(
    tableReads(db).map((t) => {
      const h = createHash('sha256');
      for (const row of db.prepare(t.sql).raw().iterate() as Iterable<(string | number | bigint | Buffer | null)[]>) {
        for (const v of row) {
          if (v === null) h.update('\0n');
          else if (Buffer.isBuffer(v)) h.update(`\0b${v.length}:`).update(v);
          else {
            const s = `${typeof v}:${String(v)}`; // what SQLite gives besides null and blobs
            h.update(`\0${s.length}:`).update(s);
          }
        }
        h.update('\0r');
      }
      return [t.name, h.digest('hex')];
    }),
  );
}

export function value<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export const sampleClient = () => ({
  name: 'Acme Ltd',
  address: '1 Main Street',
  representative: 'Jo Bloggs',
  contacts: [{ name: 'Sam Contact', role: 'CISO', email: 'sam@acme.example', phone: '123' }],
  sites: [
    { name: 'HQ', address: 'Main Street', headcount: 50, processes: 'IT' },
    { name: 'Plant', address: 'Side Road', headcount: 20, processes: 'Production' },
  ],
});

export const sampleAudit = (clientId: string, siteIds: string[] = []) => ({
  clientId,
  type: 'stage2' as const,
  scope: 'Software development and hosting',
  siteIds,
  startDate: '2026-03-02',
  endDate: '2026-03-04',
  mode: 'on_site' as const,
  team: [
    { name: 'Lena Lead', email: 'lena@cb.example', role: 'lead_auditor' as const },
    { name: 'Arno Auditor', email: '', role: 'auditor' as const },
  ],
  objectives: 'Certification decision',
  criteria: 'ISO/IEC 27001:2022',
});
