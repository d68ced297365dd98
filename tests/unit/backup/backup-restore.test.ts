import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '#core/backend';
import { seedDemo } from '#core/demo/seed';
import { MIGRATIONS, migrate } from '#core/db/migrations';
import { openDatabase } from '#core/db/open';
import { backgroundCheck, databaseProblem } from '#core/backup/integrity';
import { backupService } from '#core/backup/service';
import { seedAt } from '../core/migrations-seed';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';
import { filesOf, finished } from './helpers';
import { rewriteZip } from './zip-tamper';

const STORE = /^(evidence\/(blobs|thumbs)|reports|device-id)/;
const storeFiles = (dir: string) =>
  Object.fromEntries(Object.entries(filesOf(dir)).filter(([path]) => STORE.test(path)));

/** Counts read straight from the live database, to compare with what the backup says it holds. */
function liveCounts(backend: Backend) {
  const n = (sql: string) => backend.db.prepare(sql).pluck().get() as number;
  return {
    clients: n('SELECT count(*) FROM clients'),
    audits: n('SELECT count(*) FROM audits'),
    findings: n('SELECT count(*) FROM findings'),
    evidenceFiles: n('SELECT count(DISTINCT sha256) FROM evidence'),
    evidenceBytes: n('SELECT coalesce(sum(size), 0) FROM (SELECT DISTINCT sha256, size FROM evidence)'),
    reports: n('SELECT count(DISTINCT sha256) FROM report_issues'),
    missingFiles: 0,
  };
}

describe('backups of a real data folder', { timeout: 180_000 }, () => {
  let t: ReturnType<typeof tempBackend>;
  let scratch: string;
  let backupFile: string;
  let backupId: string;

  beforeAll(async () => {
    t = tempBackend({ appVersion: '9.8.7' });
    await seedDemo(t.backend, new Date('2026-05-04T10:00:00Z'));
    scratch = mkdtempSync(join(tmpdir(), 'fieldwork-backup-test-'));
  }, 180_000);
  afterAll(() => {
    t.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('backs up while the backend runs, into one ZIP file with a manifest of what it holds', async () => {
    expect(value(await t.backend.call('backups.list', {})).backups).toEqual([]);
    const job = await finished(t.backend, value(await t.backend.call('backups.create', {})));
    expect(job.error).toBeNull();
    expect(job.state).toBe('done');
    const list = value(await t.backend.call('backups.list', {}));
    expect(list.backups).toHaveLength(1);
    const [summary] = list.backups;
    backupId = summary!.id;
    backupFile = join(t.dataDir, 'backups', backupId);
    expect(summary).toMatchObject({ reason: 'manual', appVersion: '9.8.7', counts: liveCounts(t.backend) });
    expect(summary!.counts.evidenceFiles).toBeGreaterThan(0);
    expect(summary!.counts.reports).toBeGreaterThan(0);
    // Python's zipfile checks every member's CRC: a ZIP any tool can open.
    const check = execFileSync('python3', [
      '-c',
      'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print(len(z.namelist()))',
      backupFile,
    ]).toString();
    expect(check.split('\n')[0]).toBe('None');
    // Nothing but the backup (and no work files) is left in backups/.
    expect(readdirSync(join(t.dataDir, 'backups'))).toEqual([backupId]);
  });

  it('restores into a new folder: every row and every evidence file and issued copy as they were', async () => {
    const target = join(scratch, 'restored');
    const job = await finished(
      t.backend,
      value(await t.backend.call('backups.restore', { backupId, targetDir: target })),
    );
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ state: 'done', restoredTo: target, backup: { id: backupId } });
    expect(storeFiles(target)).toEqual(storeFiles(t.dataDir));
    const restored = openBackend({ dataDir: target });
    try {
      const live = dumpDatabase(t.backend.db);
      const back = dumpDatabase(restored.db);
      // The live queue of files to collect is the running process's own; everything else is the data.
      delete live.evidence_gc;
      delete back.evidence_gc;
      expect(back).toEqual(live);
      expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      restored.close();
    }
  });

  it('refuses a backup whose file is damaged, and leaves nothing behind', async () => {
    const bytes = readFileSync(backupFile);
    // Garbage in the middle of the file, where the members' data is.
    const middle = Math.floor(bytes.length / 2);
    for (let i = middle; i < middle + 64; i++) bytes[i] = bytes[i]! ^ 0xa5;
    const damagedId = backupId.replace(/-[0-9a-f]{4}\.fwbackup$/, '-dead.fwbackup');
    writeFileSync(join(t.dataDir, 'backups', damagedId), bytes);
    const parent = join(scratch, 'damaged');
    mkdirSync(parent);
    const target = join(parent, 'restored');
    const job = await finished(
      t.backend,
      value(await t.backend.call('backups.restore', { backupId: damagedId, targetDir: target })),
    );
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('backup_damaged');
    expect(job.error?.message).toMatch(/cannot be used.*Nothing was restored/);
    expect(readdirSync(parent)).toEqual([]);
    rmSync(join(t.dataDir, 'backups', damagedId));
  });

  it('refuses a backup whose member was swapped with a valid ZIP entry (its SHA-256 differs from the manifest)', async () => {
    const swappedId = backupId.replace(/-[0-9a-f]{4}\.fwbackup$/, '-beef.fwbackup');
    await rewriteZip(backupFile, join(t.dataDir, 'backups', swappedId), (name, data) =>
      name.startsWith('evidence/blobs/') ? Buffer.from(data.map((b) => b ^ 1)) : data,
    );
    const parent = join(scratch, 'swapped');
    mkdirSync(parent);
    const job = await finished(
      t.backend,
      value(await t.backend.call('backups.restore', { backupId: swappedId, targetDir: join(parent, 'x') })),
    );
    expect(job.error?.code).toBe('backup_damaged');
    expect(job.error?.message).toMatch(/was changed/);
    expect(readdirSync(parent)).toEqual([]);
    rmSync(join(t.dataDir, 'backups', swappedId));
  });

  it('never restores over a folder that holds anything, nor inside the data folder in use', async () => {
    const busy = join(scratch, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'keep.txt'), 'mine');
    const over = await t.backend.call('backups.restore', { backupId, targetDir: busy });
    expect(over.ok ? null : over.error.code).toBe('conflict');
    const inside = await t.backend.call('backups.restore', { backupId, targetDir: join(t.dataDir, 'restored') });
    expect(inside.ok ? null : inside.error.code).toBe('conflict');
    expect(readFileSync(join(busy, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('detects a damaged database at open, says so in words and names the newest backup', () => {
    const folder = join(scratch, 'corrupt');
    mkdirSync(join(folder, 'backups'), { recursive: true });
    copyFileSync(backupFile, join(folder, 'backups', backupId));
    // A clean copy of the database (one file, no WAL), then garbage over some of its pages.
    t.backend.db.prepare('VACUUM INTO ?').run(join(folder, 'fieldwork.sqlite'));
    const file = join(folder, 'fieldwork.sqlite');
    const db = readFileSync(file);
    const pageSize = db.readUInt16BE(16);
    for (let i = 2 * pageSize; i < 6 * pageSize; i++) db[i] = (i * 7919) & 0xff;
    writeFileSync(file, db);
    let error: unknown;
    try {
      openBackend({ dataDir: folder }).close();
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'database_corrupt' });
    expect((error as Error).message).toContain('damaged');
    expect((error as Error).message).toContain(join(folder, 'backups', backupId));
    // Nothing was written into the damaged file.
    expect(readFileSync(file).equals(db)).toBe(true);
  });

  it('checks a large database in the background once open, and says what it found', async () => {
    const folder = join(scratch, 'large');
    mkdirSync(folder);
    const file = join(folder, 'fieldwork.sqlite');
    t.backend.db.prepare('VACUUM INTO ?').run(file);
    const db = readFileSync(file);
    const pageSize = db.readUInt16BE(16);
    const middle = Math.floor(db.length / pageSize / 2) * pageSize;
    for (let i = middle; i < middle + 4 * pageSize; i++) db[i] = (i * 7919) & 0xff;
    writeFileSync(file, db);
    // As if it were over the size checked before opening: it opens, and the worker's check finds the damage.
    const opened = openDatabase(file, { syncCheckMaxBytes: 0 });
    try {
      await backgroundCheck(file);
      expect(databaseProblem(file)).toMatch(/is damaged/);
      expect(databaseProblem(join(t.dataDir, 'fieldwork.sqlite'))).toBeNull();
    } finally {
      opened.close();
    }
  });

  it('a cancelled backup keeps no file', async () => {
    const before = readdirSync(join(t.dataDir, 'backups'));
    const started = value(await t.backend.call('backups.create', {}));
    const cancelled = value(await t.backend.call('backups.cancel', { jobId: started.id }));
    const job = await finished(t.backend, cancelled);
    expect(job.state).toBe('cancelled');
    expect(job.error?.code).toBe('cancelled');
    expect(readdirSync(join(t.dataDir, 'backups'))).toEqual(before);
  });

  it('keeps the newest N backups, and makes the daily one only when none is from the last 24 hours', async () => {
    value(await t.backend.call('backups.settings', { keep: 2 }));
    const daily = await finished(t.backend, value(await t.backend.call('backups.create', { reason: 'daily' })));
    expect(daily.state).toBe('skipped');
    const made: string[] = [];
    for (let i = 0; i < 2; i++) {
      const job = await finished(t.backend, value(await t.backend.call('backups.create', {})));
      made.push(job.backup!.id);
    }
    const list = value(await t.backend.call('backups.list', {}));
    expect(list.keep).toBe(2);
    expect(list.backups.map((b) => b.id)).toEqual([...made].reverse());
    expect(existsSync(backupFile)).toBe(false);
  });
});

describe('a backup before each migration', { timeout: 120_000 }, () => {
  it('copies a database of an older schema before upgrading it, as an ordinary backup that restores', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-premigration-'));
    try {
      const older = MIGRATIONS.length - 1;
      const old = new Database(join(dir, 'fieldwork.sqlite'));
      migrate(old, MIGRATIONS.slice(0, older));
      seedAt(old, older);
      old.close();
      const backend = openBackend({ dataDir: dir, appVersion: 'upgrade' });
      try {
        expect(backend.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
        // The copy is packed in the background once the backend is open: wait for that, then list.
        await backupService(backend.context).whenIdle();
        const list = value(await backend.call('backups.list', {}));
        // The seed's attachment and issued report have no files: counted as missing, not invented.
        expect(list.backups[0]).toMatchObject({
          reason: 'migration',
          schemaVersion: older,
          counts: { clients: 1, evidenceFiles: 0, reports: 0 },
        });
        expect(list.backups[0]!.counts.missingFiles).toBeGreaterThan(0);
        const target = join(dir, '..', `${dir.split('/').pop()}-restored`);
        const job = await finished(
          backend,
          value(await backend.call('backups.restore', { backupId: list.backups[0]!.id, targetDir: target })),
        );
        expect(job.error).toBeNull();
        const restored = new Database(join(target, 'fieldwork.sqlite'), { readonly: true });
        expect(restored.pragma('user_version', { simple: true })).toBe(older);
        expect(restored.prepare('SELECT name FROM clients').pluck().all()).toEqual(['Acme Ltd']);
        restored.close();
        rmSync(target, { recursive: true, force: true });
        expect(readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('.'))).toEqual([]);
      } finally {
        backend.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a one-shot command that closes while the pre-migration copy is packed', { timeout: 120_000 }, () => {
  it('stops quietly and leaves the copy staged, packed at the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-premigration-close-'));
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string | Uint8Array, ...rest: never[]) => {
      written.push(String(chunk));
      return write(chunk, ...rest);
    };
    try {
      const older = MIGRATIONS.length - 1;
      const old = new Database(join(dir, 'fieldwork.sqlite'));
      migrate(old, MIGRATIONS.slice(0, older));
      seedAt(old, older);
      old.close();
      // As `fieldwork call` does: open (migrating, a copy staged), answer, close at once.
      const first = openBackend({ dataDir: dir, appVersion: 'upgrade' });
      value(await first.call('app.info', {}));
      first.close();
      const second = openBackend({ dataDir: dir, appVersion: 'upgrade' });
      try {
        await backupService(second.context).whenIdle();
        const list = value(await second.call('backups.list', {}));
        expect(list.backups.map((b) => [b.reason, b.schemaVersion])).toEqual([['migration', older]]);
      } finally {
        second.close();
      }
      expect(written.filter((w) => /backup .*failed|collection failed/.test(w))).toEqual([]);
    } finally {
      process.stderr.write = write;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
