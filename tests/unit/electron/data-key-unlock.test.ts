import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as core from '#core/backend';
import { desktopDataKey, desktopStart, sessionKeychain, splitPort } from '../../../electron/main/host-unlock';
import { answerKeychainRequest, type SafeStorageLike } from '../../../electron/main/keychain';
import { sampleClient, value } from '../../helpers/backend';

/**
 * The desktop app's data key: the backend process asks main to wrap/unwrap through the OS keychain. Everything
 * real (core, files, the message split) except Electron's safeStorage, a stand-in bound to one "computer".
 */
const NAME = 'Haverstrom Quillbeck Maritime';
const NOTE = 'Tressilvane rack behind the Corvale door';

function fakeSafeStorage(computer = randomBytes(16).toString('hex'), available = true): SafeStorageLike {
  const tag = `KEYCHAIN(${computer}):`;
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(tag + plain).reverse(),
    decryptString: (enc) => {
      const text = Buffer.from(enc).reverse().toString();
      if (!text.startsWith(tag)) throw new Error('Error while decrypting the ciphertext provided');
      return text.slice(tag.length);
    },
  };
}

/** Main and the backend process as Electron wires them: structured-cloned messages that arrive later. */
function wire(safeStorage: SafeStorageLike) {
  const toHost = new EventEmitter();
  const later = (fn: () => void) => setImmediate(fn);
  const seenByMain: unknown[] = [];
  const real = {
    on: (_e: 'message', l: (e: { data: unknown }) => void) => void toHost.on('message', l),
    postMessage: (m: unknown) =>
      later(() => {
        const answer = answerKeychainRequest(safeStorage, structuredClone(m));
        if (answer) later(() => toHost.emit('message', { data: structuredClone(answer) }));
        else seenByMain.push(m);
      }),
  };
  const sendFromMain = (m: unknown) => later(() => toHost.emit('message', { data: structuredClone(m) }));
  return { split: splitPort(real), sendFromMain, seenByMain };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const newDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'fieldwork-desktop-key-'));
  dirs.push(d);
  return join(d, 'data');
};

function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? everyFile(p) : [p];
  });
}
const leaks = (dir: string) =>
  everyFile(dir).filter((f) => {
    const b = readFileSync(f);
    return b.includes(NAME) || b.includes(NOTE);
  });

async function plainFolderWithClient(dataDir: string) {
  const b = core.openBackend({ appVersion: 'test', dataDir });
  value(await b.call('clients.create', { ...sampleClient(), name: NAME, address: NOTE, sites: [] }));
  b.close();
}

const openWith = async (dataDir: string, dataKey: Buffer | null) => {
  const b = core.openBackend({ appVersion: 'test', dataDir, dataKey });
  try {
    return value(await b.call('clients.list', {})).map((c: { name: string }) => c.name);
  } finally {
    b.close();
  }
};

describe('the desktop data key through the OS keychain', () => {
  it('encrypts a plain folder on first start, then unlocks it by the keychain on the next', async () => {
    const dataDir = newDir();
    await plainFolderWithClient(dataDir);
    expect(leaks(dataDir).length).toBeGreaterThan(0);
    const safeStorage = fakeSafeStorage();
    const first = await desktopDataKey(dataDir, wire(safeStorage).split.keychain, core);
    expect(first).not.toBeNull();
    expect(existsSync(join(dataDir, core.KEY_FILE))).toBe(true);
    expect(leaks(dataDir)).toEqual([]);
    expect(await openWith(dataDir, first)).toEqual([NAME]);
    const again = await desktopDataKey(dataDir, wire(safeStorage).split.keychain, core);
    expect(again!.equals(first!)).toBe(true);
  });

  it("reports a plain folder's conversion step by step, in words, to the end", async () => {
    const dataDir = newDir();
    await plainFolderWithClient(dataDir);
    const safeStorage = fakeSafeStorage();
    const seen: [number, string][] = [];
    await desktopDataKey(dataDir, wire(safeStorage).split.keychain, core, true, (f, s) => seen.push([f, s]));
    expect(seen[0]).toEqual([0, 'Preparing to encrypt the data folder']);
    expect(seen.at(-1)).toEqual([1, 'Done']);
    expect(seen.map(([f]) => f)).toEqual([...seen.map(([f]) => f)].sort((a, b) => a - b));
    expect(seen.map(([, s]) => s)).toContain('Encrypting the copy of the database');
    // Nothing to convert on the next start: no progress at all.
    const again: unknown[] = [];
    await desktopDataKey(dataDir, wire(safeStorage).split.keychain, core, true, (...a) => again.push(a));
    expect(again).toEqual([]);
  });

  it('starts a new folder encrypted', async () => {
    const dataDir = newDir();
    const key = await desktopDataKey(dataDir, wire(fakeSafeStorage()).split.keychain, core);
    expect(key).not.toBeNull();
    const b = core.openBackend({ appVersion: 'test', dataDir, dataKey: key });
    value(await b.call('clients.create', { ...sampleClient(), name: NAME, address: NOTE, sites: [] }));
    b.close();
    expect(leaks(dataDir)).toEqual([]);
    expect(() => core.openBackend({ appVersion: 'test', dataDir })).toThrow(/This data folder is encrypted/);
  });

  it('leaves a plain folder plain when told not to encrypt (FIELDWORK_ENCRYPT_DATA_DIR=0)', async () => {
    const dataDir = newDir();
    await plainFolderWithClient(dataDir);
    expect(await desktopDataKey(dataDir, wire(fakeSafeStorage()).split.keychain, core, false)).toBeNull();
    expect(existsSync(join(dataDir, core.KEY_FILE))).toBe(false);
    expect(await openWith(dataDir, null)).toEqual([NAME]);
  });

  it('leaves the folder plain when the OS has no keychain', async () => {
    const dataDir = newDir();
    await plainFolderWithClient(dataDir);
    expect(await desktopDataKey(dataDir, wire(fakeSafeStorage('x', false)).split.keychain, core)).toBeNull();
    expect(existsSync(join(dataDir, core.KEY_FILE))).toBe(false);
    expect(await openWith(dataDir, null)).toEqual([NAME]);
  });

  it('refuses in words a folder whose key another computer’s keychain wrapped', async () => {
    const dataDir = newDir();
    await plainFolderWithClient(dataDir);
    await desktopDataKey(dataDir, wire(fakeSafeStorage('laptop A')).split.keychain, core);
    await expect(desktopDataKey(dataDir, wire(fakeSafeStorage('laptop B')).split.keychain, core)).rejects.toThrow(
      /This data folder is encrypted/,
    );
  });

  it('keeps the app’s calls that arrive while the folder is unlocked for serveBackend’s listener', async () => {
    const { split, sendFromMain } = wire(fakeSafeStorage());
    sendFromMain({ id: 1, op: 'app.info', input: {} });
    const wrapped = await split.keychain.encrypt(new Uint8Array([1, 2, 3]));
    expect(wrapped).not.toBeNull();
    const received: unknown[] = [];
    split.port.on('message', (e) => received.push(e.data));
    expect(received).toEqual([{ id: 1, op: 'app.info', input: {} }]);
    expect(Array.from((await split.keychain.decrypt(wrapped!))!)).toEqual([1, 2, 3]);
  });

  it('starts the app’s session by the keychain; locked, it unlocks again by the keychain through main', async () => {
    const dataDir = newDir();
    await plainFolderWithClient(dataDir);
    const safeStorage = fakeSafeStorage('laptop A');
    const { split } = wire(safeStorage);
    // Encrypting is the default now: no fourth argument.
    const initial = await desktopStart(dataDir, split.keychain, core);
    expect(initial).toMatchObject({ by: 'keychain' });
    expect(leaks(dataDir)).toEqual([]);
    const session = core.openSession({
      dataDir,
      initial,
      keychain: sessionKeychain(split.keychain),
      open: (dataKey) => core.openBackend({ appVersion: 'test', dataDir, dataKey }),
    });
    try {
      expect(value(await session.call('security.status', {}))).toMatchObject({
        encrypted: true,
        unlockedBy: 'keychain',
        hasKeychain: true,
        hasPassphrase: false,
        keychainAvailable: true,
      });
      value(await session.call('security.lock', {}));
      expect((await session.call('clients.list', {})).ok).toBe(false);
      expect(value(await session.call('security.unlock', {})).unlockedBy).toBe('keychain');
      expect(value(await session.call('clients.list', {})).map((c: { name: string }) => c.name)).toEqual([NAME]);
    } finally {
      session.close();
    }
  });

  it('“ask for the passphrase every time”: the keychain wrap goes, the next start is locked; back on, it unlocks', async () => {
    const dataDir = newDir();
    await plainFolderWithClient(dataDir);
    const safeStorage = fakeSafeStorage('laptop A');
    const { split } = wire(safeStorage);
    const initial = await desktopStart(dataDir, split.keychain, core);
    const session = core.openSession({
      dataDir,
      initial,
      keychain: sessionKeychain(split.keychain),
      scrypt: { N: 1024, r: 8, p: 1 },
      open: (dataKey) => core.openBackend({ appVersion: 'test', dataDir, dataKey }),
    });
    const keyFile = () => readFileSync(join(dataDir, core.KEY_FILE), 'utf8');
    try {
      // Without a passphrase the keychain is the only way in: refused in words, the key file as it was.
      const before = keyFile();
      const refused = await session.call('security.setKeychainUnlock', { unlockAtStart: 'passphrase' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(!refused.ok && refused.error.message).toMatch(/Set a recovery passphrase first/);
      expect(keyFile()).toBe(before);
      const phrase = 'orchard lantern basalt';
      value(await session.call('security.setPassphrase', { passphrase: phrase, confirm: phrase }));
      const off = value(await session.call('security.setKeychainUnlock', { unlockAtStart: 'passphrase' }));
      expect(off).toMatchObject({ hasKeychain: false, hasPassphrase: true });
      expect(keyFile()).not.toMatch(/"keychain"/);
    } finally {
      session.close();
    }
    // The next start asks: the lock screen, even with this computer's keychain at hand.
    expect(await desktopStart(dataDir, split.keychain, core)).toBe('locked');
    const again = core.openSession({
      dataDir,
      initial: 'locked',
      keychain: sessionKeychain(split.keychain),
      open: (dataKey) => core.openBackend({ appVersion: 'test', dataDir, dataKey }),
    });
    try {
      value(await again.call('security.unlock', { passphrase: 'orchard lantern basalt' }));
      // Back on: main's keychain wraps the key anew, and the next start unlocks by it.
      expect(value(await again.call('security.setKeychainUnlock', { unlockAtStart: 'keychain' }))).toMatchObject({
        hasKeychain: true,
        hasPassphrase: true,
      });
    } finally {
      again.close();
    }
    expect(await desktopStart(dataDir, split.keychain, core)).toMatchObject({ by: 'keychain' });
  });

  it('starts locked, not refused, where this computer’s keychain cannot open the folder', async () => {
    const dataDir = newDir();
    await plainFolderWithClient(dataDir);
    await desktopStart(dataDir, wire(fakeSafeStorage('laptop A')).split.keychain, core);
    expect(await desktopStart(dataDir, wire(fakeSafeStorage('laptop B')).split.keychain, core)).toBe('locked');
    expect(await desktopStart(dataDir, wire(fakeSafeStorage('x', false)).split.keychain, core)).toBe('locked');
  });
});
