import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DomainError } from '#shared/api/result';

/** Beside the database: a folder holding this file is encrypted, and its data key is in it only wrapped. */
export const KEY_FILE = 'fieldwork.key';
export const DATA_KEY_BYTES = 32;

/**
 * What wraps the data key besides a passphrase: the OS keychain (Electron's
 * safeStorage), handed in by the main process — core never imports electron.
 */
export interface KeychainWrap {
  encrypt(plain: Buffer): Buffer;
  decrypt(wrapped: Buffer): Buffer;
}

/** How to unlock a folder: its passphrase, the keychain, or both (the first that fits is used). */
export interface Unlock {
  passphrase?: string | null;
  keychain?: KeychainWrap | null;
}

/**
 * scrypt's cost: N = 2^17, r = 8 (128 MiB, about half a second on a laptop), the OWASP
 * recommendation; stored with each wrap so a later version can raise it.
 */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
export type ScryptParams = { N: number; r: number; p: number };

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const PassphraseWrap = z.object({
  kind: z.literal('passphrase'),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2)
      .max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: b64,
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: b64,
  tag: b64,
  wrapped: b64,
});
const KeychainEntry = z.object({ kind: z.literal('keychain'), wrapped: b64 });
const KeyFileSchema = z.object({
  format: z.literal('fieldwork-data-key'),
  version: z.literal(1),
  /** HMAC-SHA256 of a fixed label under the data key: tells a wrong key from the right one, reveals nothing. */
  check: b64,
  wraps: z.array(z.discriminatedUnion('kind', [PassphraseWrap, KeychainEntry])).min(1),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

const keyCheck = (dataKey: Buffer) => createHmac('sha256', dataKey).update('fieldwork data key check v1').digest();

const scryptKey = (passphrase: string, salt: Buffer, p: ScryptParams) =>
  scryptSync(passphrase.normalize('NFC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 });

/** Derives a wrap's key from a passphrase: scrypt by default; tests hand in one that counts its runs. */
export type PassphraseKdf = (passphrase: string, salt: Buffer, params: ScryptParams) => Promise<Buffer>;

/**
 * scrypt on libuv's thread pool: the seconds it takes on a busy machine (N = 2^17, 128 MiB) do not stall the
 * backend's other calls (the app's status polls, a running job's progress) as scryptSync would.
 */
export const scryptAsync: PassphraseKdf = (passphrase, salt, p) =>
  new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export class MissingPassphraseError extends DomainError {
  constructor() {
    super(
      'unauthorized',
      'This data folder is encrypted: give its passphrase with --data-passphrase-file FILE or the environment ' +
        'variable FIELDWORK_DATA_PASSPHRASE_FILE (a file whose first line is the passphrase).',
    );
    this.name = 'MissingPassphraseError';
  }
}

const wrongPassphrase = () =>
  new DomainError('wrong_passphrase', 'That is not the passphrase of this data folder; nothing was opened or changed.');

/** The data key wrapped as asked: by a passphrase (scrypt + AES-256-GCM) and/or the keychain. */
export function wrapDataKey(dataKey: Buffer, unlock: Unlock, scrypt: ScryptParams = SCRYPT): KeyFile {
  const wraps: KeyFile['wraps'] = [];
  if (unlock.passphrase) {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', scryptKey(unlock.passphrase, salt, scrypt), iv);
    cipher.setAAD(Buffer.from('fieldwork-data-key v1'));
    const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    wraps.push({
      kind: 'passphrase',
      kdf: { name: 'scrypt', ...scrypt, salt: salt.toString('base64') },
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      wrapped: wrapped.toString('base64'),
    });
  }
  if (unlock.keychain) wraps.push({ kind: 'keychain', wrapped: unlock.keychain.encrypt(dataKey).toString('base64') });
  if (wraps.length === 0)
    throw new DomainError('invalid_input', 'An encrypted data folder needs a passphrase or the OS keychain.');
  return { format: 'fieldwork-data-key', version: 1, check: keyCheck(dataKey).toString('base64'), wraps };
}

/**
 * `unwrapDataKey` for a caller that may wait (a restore): the keychain first (no KDF), then at most ONE passphrase
 * derivation — the first passphrase wrap's; a key file holds one (replaceWraps keeps one per kind). A wrong
 * passphrase is refused after that single run; nothing else is read or written meanwhile.
 */
export async function unwrapDataKeyOnce(
  file: KeyFile,
  unlock: Unlock,
  kdf: PassphraseKdf = scryptAsync,
): Promise<Buffer> {
  const check = Buffer.from(file.check, 'base64');
  const fits = (key: Buffer) => key.length === DATA_KEY_BYTES && timingSafeEqual(keyCheck(key), check);
  let tried = false;
  for (const wrap of file.wraps) {
    if (wrap.kind !== 'keychain' || !unlock.keychain) continue;
    tried = true;
    try {
      const key = unlock.keychain.decrypt(Buffer.from(wrap.wrapped, 'base64'));
      if (fits(key)) return key;
    } catch {
      // Another user's or computer's keychain: the passphrase, if one was given.
    }
  }
  const wrap = file.wraps.find((w) => w.kind === 'passphrase');
  if (wrap?.kind === 'passphrase' && unlock.passphrase) {
    tried = true;
    const { N, r, p } = wrap.kdf;
    const derived = await kdf(unlock.passphrase, Buffer.from(wrap.kdf.salt, 'base64'), { N, r, p });
    const decipher = createDecipheriv('aes-256-gcm', derived, Buffer.from(wrap.iv, 'base64'));
    decipher.setAAD(Buffer.from('fieldwork-data-key v1'));
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    try {
      const key = Buffer.concat([decipher.update(Buffer.from(wrap.wrapped, 'base64')), decipher.final()]);
      if (fits(key)) return key;
    } catch {
      // The tag did not verify: not this passphrase.
    }
  }
  if (!tried) throw new MissingPassphraseError();
  throw wrongPassphrase();
}

/** Whether `dataKey` is the key this key file wraps (its check), without unwrapping anything. */
export function keyFits(file: KeyFile, dataKey: Buffer): boolean {
  return dataKey.length === DATA_KEY_BYTES && timingSafeEqual(keyCheck(dataKey), Buffer.from(file.check, 'base64'));
}

/** The data key, or a DomainError: `unauthorized` (nothing given that could unlock it), `wrong_passphrase`. */
export function unwrapDataKey(file: KeyFile, unlock: Unlock): Buffer {
  const check = Buffer.from(file.check, 'base64');
  const fits = (key: Buffer) => key.length === DATA_KEY_BYTES && timingSafeEqual(keyCheck(key), check);
  let tried = false;
  for (const wrap of file.wraps) {
    if (wrap.kind === 'keychain' && unlock.keychain) {
      tried = true;
      try {
        const key = unlock.keychain.decrypt(Buffer.from(wrap.wrapped, 'base64'));
        if (fits(key)) return key;
      } catch {
        // Made by another user's or computer's keychain: try the passphrase, if one was given.
      }
    }
    if (wrap.kind === 'passphrase' && unlock.passphrase) {
      tried = true;
      const { N, r, p } = wrap.kdf;
      const decipher = createDecipheriv(
        'aes-256-gcm',
        scryptKey(unlock.passphrase, Buffer.from(wrap.kdf.salt, 'base64'), { N, r, p }),
        Buffer.from(wrap.iv, 'base64'),
      );
      decipher.setAAD(Buffer.from('fieldwork-data-key v1'));
      decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
      try {
        const key = Buffer.concat([decipher.update(Buffer.from(wrap.wrapped, 'base64')), decipher.final()]);
        if (fits(key)) return key;
      } catch {
        // The tag did not verify: not this passphrase.
      }
    }
  }
  if (!tried) throw new MissingPassphraseError();
  throw wrongPassphrase();
}

/** The folder's key file, or null when the folder is not encrypted. A damaged one is refused in words. */
export function readKeyFile(dataDir: string): KeyFile | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, KEY_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const file = KeyFileSchema.safeParse(parsed);
  if (!file.success) {
    throw new DomainError(
      'unsupported',
      `The key file ${KEY_FILE} of this encrypted data folder is damaged or of a newer Fieldwork; nothing was opened. ` +
        'Restore the folder from a backup (with its key file).',
    );
  }
  return file.data;
}

/** Written to a temporary file, fsynced, renamed over the old one and the folder fsynced: never half-written. */
export function writeKeyFile(dataDir: string, file: KeyFile): void {
  const target = join(dataDir, KEY_FILE);
  const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDirSync(dataDir);
}

export function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Unlocks a data folder: null for a plain folder (no key file), else its data key.
 * Refuses with `unauthorized` when nothing given could unlock it, `wrong_passphrase` otherwise.
 */
export function unlockDataDir(dataDir: string, unlock: Unlock): Buffer | null {
  const file = readKeyFile(dataDir);
  return file ? unwrapDataKey(file, unlock) : null;
}

/**
 * A new passphrase (and/or keychain) for the same data key: only the key file
 * is rewritten (atomically); no data is re-encrypted. The old unlock must fit.
 */
export function rewrapDataDir(dataDir: string, old: Unlock, next: Unlock, scrypt: ScryptParams = SCRYPT): void {
  const file = readKeyFile(dataDir);
  if (!file) throw new DomainError('conflict', 'This data folder is not encrypted; there is no passphrase to change.');
  const key = unwrapDataKey(file, old);
  writeKeyFile(dataDir, wrapDataKey(key, next, scrypt));
}

/** Which wraps a key file holds: a passphrase (recovery anywhere) and/or this computer's keychain. */
export function wrapKinds(file: KeyFile | null): { hasPassphrase: boolean; hasKeychain: boolean } {
  return {
    hasPassphrase: !!file?.wraps.some((w) => w.kind === 'passphrase'),
    hasKeychain: !!file?.wraps.some((w) => w.kind === 'keychain'),
  };
}

/**
 * Sets (or replaces) the passphrase wrap of an unlocked folder's key, keeping its keychain wrap as it is (already
 * wrapped: main's keychain is not needed). Only the key file is rewritten, atomically; nothing is re-encrypted.
 * The key must be this folder's (its check), so a stale key never replaces a good file.
 */
export function setPassphraseWrap(
  dataDir: string,
  dataKey: Buffer,
  passphrase: string,
  scrypt: ScryptParams = SCRYPT,
): KeyFile {
  return replaceWraps(dataDir, dataKey, 'passphrase', wrapDataKey(dataKey, { passphrase }, scrypt).wraps);
}

/** Sets the keychain wrap (already wrapped by the keychain), or removes it ("always ask for the passphrase"). */
export function setKeychainWrap(dataDir: string, dataKey: Buffer, wrapped: Buffer | null): KeyFile {
  const wraps: KeyFile['wraps'] = wrapped ? [{ kind: 'keychain', wrapped: wrapped.toString('base64') }] : [];
  return replaceWraps(dataDir, dataKey, 'keychain', wraps);
}

function replaceWraps(dataDir: string, dataKey: Buffer, kind: 'passphrase' | 'keychain', wraps: KeyFile['wraps']) {
  const file = readKeyFile(dataDir);
  if (!file) throw new DomainError('conflict', 'This data folder is not encrypted; encrypt it first.');
  if (!keyFits(file, dataKey)) {
    throw new DomainError(
      'conflict',
      'The key file of this data folder changed since it was unlocked; nothing was changed.',
    );
  }
  const next: KeyFile = { ...file, wraps: [...file.wraps.filter((w) => w.kind !== kind), ...wraps] };
  if (next.wraps.length === 0) {
    throw new DomainError('conflict', 'The folder would have no way left to unlock it; set a passphrase first.');
  }
  writeKeyFile(dataDir, next);
  return next;
}
