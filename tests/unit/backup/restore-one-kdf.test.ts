import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { restoreBackup, unlockBackupFile } from '#core/backup/restore';
import { encryptDataDir } from '#core/crypto/convert';
import { scryptAsync, type PassphraseKdf } from '#core/crypto/key-file';
import { sampleClient, tempBackend, value } from '../../helpers/backend';
import { finished } from './helpers';

/**
 * A wrong passphrase on restoring an encrypted backup is refused after ONE key derivation and before anything
 * else: counted through an injected KDF (the real scrypt, at a test's cost), never timed.
 */
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function encryptedBackup(): Promise<string> {
  const t = tempBackend();
  cleanups.push(() => rmSync(t.dataDir, { recursive: true, force: true }));
  value(await t.backend.call('clients.create', { ...sampleClient(), sites: [] }));
  t.backend.close();
  const key = encryptDataDir(t.dataDir, { passphrase: 'folder pass' }, { scrypt: FAST });
  const backend = openBackend({ appVersion: 'test', dataDir: t.dataDir, dataKey: key });
  cleanups.unshift(() => backend.close());
  const job = await finished(backend, value(await backend.call('backups.create', {})));
  expect(job.error).toBeNull();
  const list = value(await backend.call('backups.list', {}));
  return join(list.folder, list.backups[0]!.id);
}

function counting(): { kdf: PassphraseKdf; runs: () => number } {
  let runs = 0;
  return {
    kdf: (passphrase, salt, params) => {
      runs++;
      return scryptAsync(passphrase, salt, params);
    },
    runs: () => runs,
  };
}

const newTarget = () => {
  const parent = mkdtempSync(join(tmpdir(), 'fieldwork-restore-kdf-'));
  cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
  return join(parent, 'restored');
};

describe('restoring an encrypted backup', () => {
  it('refuses a wrong passphrase after one derivation, naming the backup, with nothing written', async () => {
    const file = await encryptedBackup();
    const target = newTarget();
    const { kdf, runs } = counting();
    let bytes = 0;
    const refused = await restoreBackup(file, target, {
      unlock: { passphrase: 'not it' },
      kdf,
      onBytes: (n: number) => (bytes += n),
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'wrong_passphrase' });
    expect((refused as Error).message).toContain(basename(file));
    expect((refused as Error).message).toMatch(/nothing was restored/);
    expect(runs()).toBe(1);
    expect(bytes).toBe(0);
    expect(readdirSync(dirname(target))).toEqual([]);
  });

  it('the app’s way (check first, then the job with the key found): one derivation in all, and it restores', async () => {
    const file = await encryptedBackup();
    const target = newTarget();
    const { kdf, runs } = counting();
    const dataKey = await unlockBackupFile(file, { passphrase: 'folder pass' }, kdf);
    await restoreBackup(file, target, { unlock: { dataKey }, kdf });
    expect(runs()).toBe(1);
    expect(readdirSync(target)).toContain('fieldwork.sqlite');
  });
});
