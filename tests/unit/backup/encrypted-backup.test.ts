import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '#core/backend';
import { restoreBackup } from '#core/backup/restore';
import { encryptDataDir } from '#core/crypto/convert';
import { KEY_FILE, unlockDataDir } from '#core/crypto/key-file';
import { sampleClient, tempBackend, value } from '../../helpers/backend';
import { finished } from './helpers';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const NAME = 'Vorthingale Pemberquist Logistics';
const NOTE = 'Spindrelwick cage under the Oxhallow stairs';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** Every member of a backup file, inflated (unzip -p), as one buffer: the ZIP deflates the database. */
const inflated = (file: string) => execFileSync('unzip', ['-p', file], { maxBuffer: 256 * 1024 * 1024 });
const holdsText = (bytes: Buffer) => [NAME, NOTE].some((s) => bytes.includes(s));

async function folder(encrypted: boolean): Promise<{ dir: string; backend: Backend; key: Buffer | null }> {
  const t = tempBackend();
  cleanups.push(() => rmSync(t.dataDir, { recursive: true, force: true }));
  value(await t.backend.call('clients.create', { ...sampleClient(), name: NAME, address: NOTE, sites: [] }));
  t.backend.close();
  const key = encrypted ? encryptDataDir(t.dataDir, { passphrase: 'folder pass' }, { scrypt: FAST }) : null;
  const backend = openBackend({ appVersion: 'test', dataDir: t.dataDir, dataKey: key });
  cleanups.unshift(() => backend.close());
  // Written after the conversion, so the snapshot also copies pages that are still only in the -wal.
  value(await backend.call('clients.create', { ...sampleClient(), name: `${NAME} II`, sites: [] }));
  return { dir: t.dataDir, backend, key };
}

async function makeBackup(backend: Backend): Promise<string> {
  const job = await finished(backend, value(await backend.call('backups.create', {})));
  expect(job.error).toBeNull();
  const list = value(await backend.call('backups.list', {}));
  return join(list.folder, list.backups[0]!.id);
}

const newTarget = () => {
  const parent = mkdtempSync(join(tmpdir(), 'fieldwork-restore-'));
  cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
  return join(parent, 'restored');
};

describe('a backup of an encrypted folder', () => {
  it('a plain folder’s backup shows the client name once inflated (so the check below can see it)', async () => {
    const { backend } = await folder(false);
    expect(holdsText(inflated(await makeBackup(backend)))).toBe(true);
  });

  it('is encrypted too: neither the file nor its inflated members hold the name or note; it carries the key file', async () => {
    const { dir, backend } = await folder(true);
    const file = await makeBackup(backend);
    expect(holdsText(readFileSync(file))).toBe(false);
    expect(holdsText(inflated(file))).toBe(false);
    expect(execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n')).toContain(KEY_FILE);
    // Nor anything else the backup left in the folder (work files are gone).
    const names = readdirSync(join(dir, 'backups'));
    expect(names.filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('restores with the passphrase (CLI) or the folder’s own key (the app), and refuses a wrong one leaving nothing', async () => {
    const { backend, key } = await folder(true);
    const file = await makeBackup(backend);
    const wrong = newTarget();
    await expect(restoreBackup(file, wrong, { unlock: { passphrase: 'not it' } })).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    await expect(restoreBackup(file, newTarget(), {})).rejects.toMatchObject({ code: 'unauthorized' });
    expect(existsSync(wrong)).toBe(false);

    for (const unlock of [{ passphrase: 'folder pass' }, { dataKey: key }]) {
      const target = newTarget();
      await restoreBackup(file, target, { unlock });
      const restored = openBackend({
        appVersion: 'test',
        dataDir: target,
        dataKey: unlockDataDir(target, { passphrase: 'folder pass' }),
      });
      try {
        const names = value(await restored.call('clients.list', {})).map((c: { name: string }) => c.name);
        expect(names.sort()).toEqual([NAME, `${NAME} II`]);
      } finally {
        restored.close();
      }
    }
  });

  it('checks the passphrase before copying a byte: a wrong or missing one is refused, nothing written', async () => {
    const { backend } = await folder(true);
    const file = await makeBackup(backend);
    const target = newTarget();
    let copied = 0;
    const onBytes = (n: number) => (copied += n);
    const wrong = await restoreBackup(file, target, { unlock: { passphrase: 'not it' }, onBytes }).catch(
      (e: unknown) => e,
    );
    expect(wrong).toMatchObject({ code: 'wrong_passphrase' });
    expect((wrong as Error).message).toMatch(/not the passphrase.*nothing was restored/);
    const missing = await restoreBackup(file, target, { onBytes }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'unauthorized' });
    expect((missing as Error).message).toMatch(/passphrase/);
    expect(copied).toBe(0);
    expect(readdirSync(dirname(target))).toEqual([]);
    // The right one copies (and so counts) bytes.
    await restoreBackup(file, target, { unlock: { passphrase: 'folder pass' }, onBytes });
    expect(copied).toBeGreaterThan(0);
  }, 60_000);

  it('in the app: a backup another key made is listed as needing its passphrase, and the restore op checks it first', async () => {
    const other = await folder(true);
    const foreign = await makeBackup(other.backend);
    const { dir, backend } = await folder(true);
    await makeBackup(backend);
    copyFileSync(foreign, join(dir, 'backups', basename(foreign)));
    const list = value(await backend.call('backups.list', {}));
    const byId = new Map(list.backups.map((b) => [b.id, b]));
    expect(byId.get(basename(foreign))).toMatchObject({ encrypted: true, needsPassphrase: true });
    const own = list.backups.find((b) => b.id !== basename(foreign))!;
    expect(own).toMatchObject({ encrypted: true, needsPassphrase: false });

    const target = newTarget();
    const input = { backupId: basename(foreign), targetDir: target };
    // Refused by the call itself (no job started), in words, with nothing written.
    const missing = await backend.call('backups.restore', input);
    expect(missing).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await backend.call('backups.restore', { ...input, passphrase: 'folder pass?' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect(readdirSync(dirname(target))).toEqual([]);
    const job = await finished(
      backend,
      value(await backend.call('backups.restore', { ...input, passphrase: 'folder pass' })),
    );
    expect(job).toMatchObject({ state: 'done', restoredTo: target });
    // Its own backups need no passphrase: the folder's key opens them.
    const ownJob = await finished(
      backend,
      value(await backend.call('backups.restore', { backupId: own.id, targetDir: newTarget() })),
    );
    expect(ownJob.state).toBe('done');
  }, 60_000);
});
