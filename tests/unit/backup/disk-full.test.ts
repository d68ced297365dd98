import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { finished } from './helpers';

/**
 * A real small file system under the data folder's backups/ (tmpfs, which
 * needs root: CI runs as root; elsewhere the test is skipped and says so).
 */
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = join('/tmp', `fieldwork-mount-probe-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  spawnSync('rmdir', [probe]);
  return ok;
})();

describe.skipIf(!canMount)('backups on a full or read-only disk', { timeout: 120_000 }, () => {
  let t: ReturnType<typeof tempBackend>;
  let backups: string;

  beforeAll(async () => {
    t = tempBackend();
    value(await t.backend.call('clients.create', sampleClient()));
    // Well above 64 KiB, so the backup cannot fit: these bytes do not compress.
    const noise = Buffer.alloc(512 * 1024);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const client = value(await t.backend.call('clients.list', {}))[0]!;
    const audit = value(await t.backend.call('audits.create', sampleAudit(client.id)));
    const begun = value(
      await t.backend.call('evidence.uploadBegin', { auditId: audit.id, name: 'noise.bin', size: noise.length }),
    );
    value(
      await t.backend.call('evidence.uploadChunk', {
        uploadId: begun.uploadId,
        offset: 0,
        dataBase64: noise.toString('base64'),
      }),
    );
    value(
      await t.backend.call('evidence.uploadCommit', {
        uploadId: begun.uploadId,
        links: [{ type: 'audit', id: audit.id }],
      }),
    );
    backups = join(t.dataDir, 'backups');
    mkdirSync(backups, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', backups]);
  }, 120_000);

  afterAll(() => {
    spawnSync('umount', [backups]);
    t.cleanup();
  });

  it('a full disk fails that backup with a clear error, leaves no file, and the app keeps working', async () => {
    const job = await finished(t.backend, value(await t.backend.call('backups.create', {})));
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'storage' });
    expect(job.error!.message).toMatch(/disk is full/);
    expect(readdirSync(backups)).toEqual([]);
    // The data folder is intact and answers.
    expect(value(await t.backend.call('clients.list', {}))).toHaveLength(1);
    expect(t.backend.db.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('a disk that fills up while the backup file is written: the same, and no partial file is left', async () => {
    // Room for the database copy but not for the evidence file after it.
    const pages = t.backend.db.pragma('page_count', { simple: true }) as number;
    const pageSize = t.backend.db.pragma('page_size', { simple: true }) as number;
    const room = Math.ceil((pages * pageSize + 200 * 1024) / 4096) * 4096;
    execFileSync('mount', ['-o', `remount,size=${room}`, backups]);
    try {
      const job = await finished(t.backend, value(await t.backend.call('backups.create', {})));
      expect(job.error).toMatchObject({ code: 'storage' });
      expect(job.stage).toBe('Files');
      expect(job.error!.message).toMatch(/disk is full/);
      expect(readdirSync(backups)).toEqual([]);
    } finally {
      execFileSync('mount', ['-o', 'remount,size=64k', backups]);
    }
  });

  it('a read-only disk fails it with its own words', async () => {
    execFileSync('mount', ['-o', 'remount,ro', backups]);
    try {
      const job = await finished(t.backend, value(await t.backend.call('backups.create', {})));
      expect(job.error).toMatchObject({ code: 'storage' });
      expect(job.error!.message, job.error!.message).toMatch(/read-only/);
      const settings = await t.backend.call('backups.settings', { keep: 5 });
      expect(settings.ok ? null : settings.error).toMatchObject({ code: 'storage' });
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', backups]);
    }
  });

  it('recovers once there is space again', async () => {
    execFileSync('mount', ['-o', 'remount,size=8m', backups]);
    writeFileSync(join(backups, 'settings.json'), JSON.stringify({ keep: 3 }));
    const job = await finished(t.backend, value(await t.backend.call('backups.create', {})));
    expect(job.error).toBeNull();
    expect(job.state).toBe('done');
    expect(value(await t.backend.call('backups.list', {})).backups).toHaveLength(1);
  });
});
