import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '#shared/api/contract';
import { OP_NAMES } from '#shared/api/ops';
import { DATABASE_FILE, type Backend } from '#core/backend';
import { OP_KINDS } from '#core/handlers/op-kinds';
import { makeTx, runAs } from '#core/handlers/types';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

/**
 * Reads never take the write lock (issue 20): a read operation runs in one
 * deferred transaction that refuses writes and steps no clock, so it runs
 * beside a writer in another connection or process; writes keep IMMEDIATE.
 * Real database files, and a second connection as the other process.
 */
let t: ReturnType<typeof tempBackend>;
let backend: Backend;
let auditId: string;
let clientId: string;
let file: string;
/** The other process: a plain connection on the same file that waits for no lock. */
let other: Database.Database;

beforeAll(async () => {
  t = tempBackend();
  backend = t.backend;
  const client = value(await backend.call('clients.create', sampleClient()));
  clientId = client.id;
  auditId = value(await backend.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id]))).id;
  file = join(t.dataDir, DATABASE_FILE);
  other = new Database(file);
  other.pragma('busy_timeout = 0');
}, 60_000);
afterAll(() => {
  other.close();
  t.cleanup();
});

const clientCount = (db: Database.Database) => db.prepare('SELECT count(*) FROM clients').pluck().get() as number;
let written = 0;
/** The other process adds a client of its own (with its own write lock, waiting for none). */
const otherWrites = (name: string) =>
  other
    .prepare(
      `INSERT INTO clients (id, name, address, representative, created_at, updated_at, device_id)
       VALUES (?, ?, '', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'other')`,
    )
    .run(`01900000-0000-7000-8000-${String(++written).padStart(12, '0')}`, name);

describe('every operation is classified', () => {
  it('as a read or a write, and nothing else is', () => {
    expect(Object.keys(OP_KINDS).sort()).toEqual([...OP_NAMES].sort());
    expect(Object.keys(contract).sort()).toEqual([...OP_NAMES].sort());
    for (const kind of Object.values(OP_KINDS)) expect(['read', 'write']).toContain(kind);
  });
});

describe('a read transaction', () => {
  it('lets another process write while it is open, and keeps its own snapshot', () => {
    const tx = makeTx(backend.db, backend.deviceId);
    const before = clientCount(backend.db);
    const seen = runAs('read', () =>
      tx(() => {
        const first = clientCount(backend.db);
        // The other process's whole write transaction completes while this read is still open.
        otherWrites('Written beside a read');
        return { first, again: clientCount(backend.db), outside: clientCount(other) };
      })(undefined),
    );
    expect(seen).toEqual({ first: before, again: before, outside: before + 1 });
    expect(clientCount(backend.db)).toBe(before + 1);
  });

  it('is what makes the difference: a write transaction holds the other process off', () => {
    const tx = makeTx(backend.db, backend.deviceId);
    expect(() => runAs('write', () => tx(() => otherWrites('Refused'))(undefined))).toThrow(
      expect.objectContaining({ code: 'SQLITE_BUSY' }),
    );
  });

  it('refuses a write loudly (a misclassified operation cannot lose its clock step) and leaves nothing', () => {
    const tx = makeTx(backend.db, backend.deviceId);
    const before = clientCount(backend.db);
    const clock = backend.db.prepare('SELECT clock FROM write_context').pluck().get();
    expect(() =>
      runAs('read', () =>
        tx(() => backend.db.prepare("UPDATE clients SET name = 'Changed by a read' WHERE id = ?").run(clientId))(
          undefined,
        ),
      ),
    ).toThrow(expect.objectContaining({ code: 'SQLITE_READONLY' }));
    expect(clientCount(backend.db)).toBe(before);
    expect(backend.db.prepare('SELECT clock FROM write_context').pluck().get()).toBe(clock);
    // Writes are allowed again once the read is over.
    expect(backend.db.pragma('query_only', { simple: true })).toBe(0);
  });
});

describe('read operations through dispatch', () => {
  const reads = () =>
    [
      ['clients.list', {}],
      ['clients.get', { id: clientId }],
      ['audits.get', { id: auditId }],
      ['checklist.get', { auditId }],
      ['evidence.list', { auditId }],
      ['search.query', { q: 'Acme' }],
      ['findings.list', { auditId }],
      ['reports.get', { auditId }],
    ] as const;

  it('change nothing: no clock step, no row, not a byte of the file', async () => {
    const changes = () => backend.db.prepare('SELECT total_changes()').pluck().get() as number;
    backend.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = { changes: changes(), bytes: readFileSync(file), wal: readFileSync(`${file}-wal`) };
    for (const [op, input] of reads()) value(await backend.dispatch(op, input));
    expect(changes()).toBe(before.changes);
    expect(readFileSync(file).equals(before.bytes)).toBe(true);
    expect(readFileSync(`${file}-wal`).equals(before.wal)).toBe(true);
  }, 60_000);

  it('answer while another process holds the write lock', async () => {
    other.exec('BEGIN IMMEDIATE');
    try {
      otherWrites('Not committed yet');
      for (const [op, input] of reads()) value(await backend.dispatch(op, input));
      // The uncommitted row is not seen.
      const names = value(await backend.call('clients.list', {})).map((c) => c.name);
      expect(names).not.toContain('Not committed yet');
    } finally {
      other.exec('ROLLBACK');
    }
  }, 60_000);
});
