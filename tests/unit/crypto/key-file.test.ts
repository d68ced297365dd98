import { createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KEY_FILE,
  readKeyFile,
  rewrapDataDir,
  SCRYPT,
  unlockDataDir,
  unwrapDataKey,
  wrapDataKey,
  writeKeyFile,
  type KeychainWrap,
} from '#core/crypto/key-file';

/** Cheap scrypt for tests that are not about its cost; one test below uses the real parameters. */
const FAST = { N: 2 ** 10, r: 8, p: 1 };

/** A stand-in for safeStorage: XOR with a per-"computer" pad, so another pad cannot unwrap. */
const fakeKeychain = (pad = randomBytes(32)): KeychainWrap => ({
  encrypt: (b) => Buffer.from(b.map((x, i) => x ^ pad[i % pad.length]!)),
  decrypt: (b) => Buffer.from(b.map((x, i) => x ^ pad[i % pad.length]!)),
});

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'fieldwork-key-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the data key file', () => {
  it('wraps the key with scrypt + AES-256-GCM as stored (parameters and salt in the file), with the real cost', () => {
    const key = randomBytes(32);
    const file = wrapDataKey(key, { passphrase: 'correct horse battery staple' });
    const wrap = file.wraps[0]!;
    expect(wrap.kind).toBe('passphrase');
    if (wrap.kind !== 'passphrase') return;
    expect({ N: wrap.kdf.N, r: wrap.kdf.r, p: wrap.kdf.p }).toEqual(SCRYPT);
    expect(SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    // Unwrapped here with Node's own primitives from what the file says, not with the code under test.
    const kek = scryptSync('correct horse battery staple', Buffer.from(wrap.kdf.salt, 'base64'), 32, {
      N: wrap.kdf.N,
      r: wrap.kdf.r,
      p: wrap.kdf.p,
      maxmem: 512 * 1024 * 1024,
    });
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
    d.setAAD(Buffer.from('fieldwork-data-key v1'));
    d.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    const plain = Buffer.concat([d.update(Buffer.from(wrap.wrapped, 'base64')), d.final()]);
    expect(plain.equals(key)).toBe(true);
    expect(unwrapDataKey(file, { passphrase: 'correct horse battery staple' }).equals(key)).toBe(true);
  }, 60_000);

  it('refuses a wrong passphrase (wrong_passphrase) and no unlock at all (unauthorized, naming the option)', () => {
    const file = wrapDataKey(randomBytes(32), { passphrase: 'right one' }, FAST);
    expect(() => unwrapDataKey(file, { passphrase: 'wrong one' })).toThrow(
      expect.objectContaining({ code: 'wrong_passphrase' }),
    );
    expect(() => unwrapDataKey(file, {})).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    expect(() => unwrapDataKey(file, {})).toThrow(/--data-passphrase-file/);
  });

  it('unwraps by the keychain, and falls back to the passphrase when the keychain is another computer’s', () => {
    const key = randomBytes(32);
    const mine = fakeKeychain();
    const file = wrapDataKey(key, { passphrase: 'pass', keychain: mine }, FAST);
    expect(unwrapDataKey(file, { keychain: mine }).equals(key)).toBe(true);
    const other = fakeKeychain();
    expect(() => unwrapDataKey(file, { keychain: other })).toThrow(
      expect.objectContaining({ code: 'wrong_passphrase' }),
    );
    expect(unwrapDataKey(file, { keychain: other, passphrase: 'pass' }).equals(key)).toBe(true);
  });

  it('is written atomically (no temp file left, owner-only) and read back; a plain folder has none', () => {
    const dir = tempDir();
    expect(readKeyFile(dir)).toBeNull();
    expect(unlockDataDir(dir, {})).toBeNull();
    const key = randomBytes(32);
    writeKeyFile(dir, wrapDataKey(key, { passphrase: 'pass' }, FAST));
    expect(readdirSync(dir)).toEqual([KEY_FILE]);
    if (process.platform !== 'win32') expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(unlockDataDir(dir, { passphrase: 'pass' })!.equals(key)).toBe(true);
    // The key itself is nowhere in the file.
    const text = readFileSync(join(dir, KEY_FILE));
    expect(text.includes(key)).toBe(false);
    expect(text.includes(key.toString('hex'))).toBe(false);
    expect(text.includes(key.toString('base64'))).toBe(false);
  });

  it('changing the passphrase re-wraps the same key; the old passphrase no longer opens it', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    writeKeyFile(dir, wrapDataKey(key, { passphrase: 'old' }, FAST));
    expect(() => rewrapDataDir(dir, { passphrase: 'not it' }, { passphrase: 'new' }, FAST)).toThrow(
      expect.objectContaining({ code: 'wrong_passphrase' }),
    );
    expect(unlockDataDir(dir, { passphrase: 'old' })!.equals(key)).toBe(true);
    rewrapDataDir(dir, { passphrase: 'old' }, { passphrase: 'new' }, FAST);
    expect(unlockDataDir(dir, { passphrase: 'new' })!.equals(key)).toBe(true);
    expect(() => unlockDataDir(dir, { passphrase: 'old' })).toThrow(
      expect.objectContaining({ code: 'wrong_passphrase' }),
    );
  });

  it('refuses a damaged or unknown key file in words', () => {
    const dir = tempDir();
    writeKeyFile(dir, wrapDataKey(randomBytes(32), { passphrase: 'p' }, FAST));
    const text = readFileSync(join(dir, KEY_FILE), 'utf8').replace('"version": 1', '"version": 2');
    rmSync(join(dir, KEY_FILE));
    writeFileSync(join(dir, KEY_FILE), text);
    expect(() => readKeyFile(dir)).toThrow(/key file .* is damaged or of a newer Fieldwork/);
  });
});
