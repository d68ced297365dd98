import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RowBatches, type RowWriter } from '#core/evidence/row-batches';
import type { AddResult, Prepared } from '#core/evidence/service';
import type { EvidenceStore } from '#core/evidence/store';
import { commitThenSync } from '#core/evidence/wal-sync';

/** fsyncs of -wal files wait for the test to let them go (release), so the test sees what waits for them. */
const walSyncs: { path: string; release: () => void }[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      const path = String(args[0]);
      if (!path.endsWith('-wal')) return handle;
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        await new Promise<void>((release) => walSyncs.push({ path, release }));
        return sync();
      };
      return handle;
    },
  };
});

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('commitThenSync', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fieldwork-walsync-'));
    db = new Database(join(dir, 'db.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (x)');
    walSyncs.length = 0;
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits without the fsync, then answers only once the -wal file is fsynced, keeping FULL for others', async () => {
    let during = -1;
    let answered = false;
    const done = commitThenSync(db, () => {
      during = db.pragma('synchronous', { simple: true }) as number;
      db.transaction(() => db.prepare('INSERT INTO t VALUES (1)').run())();
      return 'rows';
    }).then((r) => {
      answered = true;
      return r;
    });
    // The transaction ran (its rows visible) with synchronous=NORMAL; the connection is back at FULL at once.
    expect(during).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    while (walSyncs.length === 0) await turn();
    expect(walSyncs[0]!.path).toBe(join(dir, 'db.sqlite-wal'));
    for (let i = 0; i < 5; i++) await turn();
    expect(answered).toBe(false);
    walSyncs[0]!.release();
    expect(await done).toBe('rows');
  });

  it('leaves a connection below FULL as it is (nothing to fsync)', async () => {
    db.pragma('synchronous = OFF');
    await commitThenSync(db, () => db.prepare('INSERT INTO t VALUES (1)').run());
    expect(walSyncs).toHaveLength(0);
    expect(db.pragma('synchronous', { simple: true })).toBe(0);
  });
});

describe('RowBatches', () => {
  const fakeWriter = () => {
    const batches: number[] = [];
    const writer: RowWriter = {
      store: { syncDirs: () => Promise.resolve() } as unknown as EvidenceStore,
      commitDurably: async (items) => {
        batches.push(items.length);
        await turn();
        return items.map(() => ({ duplicate: false }) as unknown as AddResult);
      },
    };
    return { writer, batches };
  };
  const row = () => ({ claim: null }) as unknown as Prepared;

  it('gathers rows that come one by one into one transaction until end()', async () => {
    const { writer, batches } = fakeWriter();
    const rows = new RowBatches(writer, { rows: 128, ms: 60_000 });
    const answers: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      answers.push(rows.submit([row()])[0]!);
      await turn();
      await turn();
    }
    expect(batches).toEqual([]);
    rows.end();
    await rows.settled();
    await Promise.all(answers);
    expect(batches).toEqual([10]);
  });

  it('without gathering, writes at once and queues what comes meanwhile for the next, groups unsplit', async () => {
    const { writer, batches } = fakeWriter();
    const rows = new RowBatches(writer);
    const first = rows.submit([row()]);
    await turn();
    await turn();
    const later = [...rows.submit([row(), row()]), ...rows.submit(Array.from({ length: 127 }, row))];
    await Promise.all([...first, ...later]);
    expect(batches).toEqual([1, 2, 127]);
  });
});
