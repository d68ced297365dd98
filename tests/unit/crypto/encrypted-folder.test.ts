import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '#core/backend';
import { encryptDataDir, isPlainDatabase, type ConvertStep } from '#core/crypto/convert';
import { databaseKey } from '#core/crypto/db-key';
import { KEY_FILE, unlockDataDir } from '#core/crypto/key-file';
import { sampleClient, tempBackend, value } from '../../helpers/backend';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const NAME = 'Quorvexa Thrandlewick Holdings';
const NOTE = 'Zembliform vault behind the Plintharrow annex';

/** Every file in the folder, recursively, as raw bytes (database, -wal, -shm, key file, backups, anything). */
function everyFile(dir: string): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...everyFile(p));
    else out.push({ path: p, bytes: readFileSync(p) });
  }
  return out;
}

const leaks = (dir: string) =>
  everyFile(dir)
    .filter(({ bytes }) => [NAME, NOTE].some((s) => bytes.includes(s) || bytes.includes(Buffer.from(s, 'utf16le'))))
    .map((f) => f.path);

const digest = (dir: string) =>
  createHash('sha256')
    .update(
      everyFile(dir)
        .map((f) => `${f.path}:${createHash('sha256').update(f.bytes).digest('hex')}`)
        .sort()
        .join('\n'),
    )
    .digest('hex');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A plain folder holding the distinctive client, closed (so its WAL is checkpointed into the file). */
async function plainFolder(): Promise<string> {
  const t = tempBackend();
  cleanups.push(() => rmSync(t.dataDir, { recursive: true, force: true }));
  value(await t.backend.call('clients.create', { ...sampleClient(), name: NAME, address: NOTE, sites: [] }));
  t.backend.close();
  return t.dataDir;
}

const open = (dataDir: string, dataKey: Buffer | null): Backend => {
  const b = openBackend({ appVersion: 'test', dataDir, dataKey });
  cleanups.unshift(() => b.close());
  return b;
};

const clientNames = async (b: Backend) => value(await b.call('clients.list', {})).map((c: { name: string }) => c.name);

describe('an encrypted data folder', () => {
  it('holds the client name and note in no file (db, -wal, -shm), before and after more writes', async () => {
    const dir = await plainFolder();
    // The check sees the plain folder's name, so it would see an encrypted one's.
    expect(leaks(dir).length).toBeGreaterThan(0);
    const key = encryptDataDir(dir, { passphrase: 'a long passphrase' }, { scrypt: FAST });
    expect(existsSync(join(dir, KEY_FILE))).toBe(true);
    expect(leaks(dir)).toEqual([]);
    const b = open(dir, key);
    expect(await clientNames(b)).toContain(NAME);
    // A second client written through the WAL, not checkpointed: the -wal holds its pages, encrypted.
    value(await b.call('clients.create', { ...sampleClient(), name: `${NAME} II`, address: `${NOTE} II`, sites: [] }));
    expect(existsSync(join(dir, 'fieldwork.sqlite-wal'))).toBe(true);
    expect(statSync(join(dir, 'fieldwork.sqlite-wal')).size).toBeGreaterThan(0);
    expect(leaks(dir)).toEqual([]);
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(leaks(dir)).toEqual([]);
  });

  it('is SQLCipher 4 (legacy=4) under the HKDF database key: opened so by a connection of its own, not without', async () => {
    const dir = await plainFolder();
    const key = encryptDataDir(dir, { passphrase: 'p' }, { scrypt: FAST });
    expect(isPlainDatabase(join(dir, 'fieldwork.sqlite'))).toBe(false);
    const db = new Database(join(dir, 'fieldwork.sqlite'), { readonly: true });
    try {
      expect(() => db.prepare('SELECT count(*) FROM clients').get()).toThrow(/not a database/);
    } finally {
      db.close();
    }
    const keyed = new Database(join(dir, 'fieldwork.sqlite'), { readonly: true });
    try {
      keyed.pragma("cipher = 'sqlcipher'");
      keyed.pragma('legacy = 4');
      keyed.pragma(`key = "x'${databaseKey(key).toString('hex')}'"`);
      expect(keyed.prepare('SELECT name FROM clients').pluck().all()).toEqual([NAME]);
    } finally {
      keyed.close();
    }
  });

  it('is refused without its key in words, and with a wrong passphrase, changing no file', async () => {
    const dir = await plainFolder();
    encryptDataDir(dir, { passphrase: 'right' }, { scrypt: FAST });
    const before = digest(dir);
    expect(() => openBackend({ appVersion: 'test', dataDir: dir })).toThrow(
      /This data folder is encrypted: give its passphrase with --data-passphrase-file/,
    );
    expect(() => unlockDataDir(dir, { passphrase: 'wrong' })).toThrow(
      expect.objectContaining({ code: 'wrong_passphrase' }),
    );
    expect(digest(dir)).toBe(before);
    const b = open(dir, unlockDataDir(dir, { passphrase: 'right' }));
    expect(await clientNames(b)).toEqual([NAME]);
  });

  it('a new passphrase re-wraps the key only: the database file is unchanged and opens with it', async () => {
    const dir = await plainFolder();
    encryptDataDir(dir, { passphrase: 'old' }, { scrypt: FAST });
    const dbBytes = readFileSync(join(dir, 'fieldwork.sqlite'));
    const { rewrapDataDir } = await import('#core/crypto/key-file');
    rewrapDataDir(dir, { passphrase: 'old' }, { passphrase: 'new' }, FAST);
    expect(readFileSync(join(dir, 'fieldwork.sqlite')).equals(dbBytes)).toBe(true);
    const b = open(dir, unlockDataDir(dir, { passphrase: 'new' }));
    expect(await clientNames(b)).toEqual([NAME]);
  });
});

describe('converting a plain folder', () => {
  it('is refused while another connection has the folder open, changing nothing', async () => {
    const dir = await plainFolder();
    const b = open(dir, null);
    expect(() => encryptDataDir(dir, { passphrase: 'p' }, { scrypt: FAST })).toThrow(
      /Another program has this data folder open/,
    );
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
    expect(await clientNames(b)).toEqual([NAME]);
  });
});

describe('converting a plain folder survives a crash at every step', () => {
  const steps: ConvertStep[] = ['checkpointed', 'copied', 'encrypted', 'verified', 'key-written', 'renamed'];
  for (const crashAt of steps) {
    it(`after "${crashAt}": the restart finds the plain folder usable or the encrypted one complete`, async () => {
      const dir = await plainFolder();
      const crash = new Error(`crash after ${crashAt}`);
      expect(() =>
        encryptDataDir(
          dir,
          { passphrase: 'pass' },
          {
            scrypt: FAST,
            afterStep: (s) => {
              if (s === crashAt) throw crash;
            },
          },
        ),
      ).toThrow(crash);
      // The restart: as every front end opens a folder (a key file means: unlock, then open with the key).
      const encrypted = existsSync(join(dir, KEY_FILE));
      const keyWrittenYet = steps.indexOf(crashAt) >= steps.indexOf('key-written');
      expect(encrypted).toBe(keyWrittenYet);
      const b = openBackend({
        appVersion: 'test',
        dataDir: dir,
        dataKey: encrypted ? unlockDataDir(dir, { passphrase: 'pass' }) : null,
      });
      try {
        expect(await clientNames(b)).toEqual([NAME]);
      } finally {
        b.close();
      }
      // An interrupted conversion is finished at that open; no leftover copy stays either way.
      expect(isPlainDatabase(join(dir, 'fieldwork.sqlite'))).toBe(!encrypted);
      expect(readdirSync(dir).filter((n) => n.includes('encrypting'))).toEqual([]);
      if (encrypted) expect(leaks(dir)).toEqual([]);
    });
  }
});
