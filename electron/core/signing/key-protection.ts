/**
 * Private keys at rest: the unencrypted PKCS#8 DER sealed with AES-256-GCM
 * under a key derived from the passphrase by scrypt (memory-hard, so a stolen
 * database is slow to attack). GCM's tag makes a wrong passphrase certain to
 * be detected rather than yielding garbage. The same sealing serves the OS
 * keychain: there the "passphrase" is a random secret the keychain wraps.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';

/**
 * scrypt cost for new keys: N = 2^17, r = 8 (128 MiB of memory per attempt, about
 * a third of a second on a laptop core — measured in docs/ARCHITECTURE.md). The
 * parameters are stored with each sealed key, so keys sealed at N = 2^15 still open.
 */
const N = 1 << 17;
const R = 8;
const P = 1;
/** Most memory (128·N·r bytes) a sealed key may make scrypt use: 1 GiB; beyond is refused as unknown. */
const MAX_COST = 1024 * 1024 * 1024;
const TAG_BYTES = 16;
const AAD = Buffer.from('fieldwork signing key v1');

interface Sealed {
  v: 1;
  kdf: 'scrypt';
  n: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

// scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is below that for N = 2^17.
const derive = (passphrase: string, salt: Buffer, n: number, r: number, p: number): Buffer =>
  scryptSync(passphrase.normalize('NFC'), salt, 32, { N: n, r, p, maxmem: 128 * n * r + 1024 * 1024 });

export function sealKey(key: KeyObject, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(passphrase, salt, N, R, P), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const der = key.export({ type: 'pkcs8', format: 'der' });
  const data = Buffer.concat([cipher.update(der), cipher.final()]);
  der.fill(0);
  const sealed: Sealed = {
    v: 1,
    kdf: 'scrypt',
    n: N,
    r: R,
    p: P,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return JSON.stringify(sealed);
}

/** The private key, or null when the passphrase does not open it. */
export function openKey(sealedText: string, passphrase: string): KeyObject | null {
  const s = JSON.parse(sealedText) as Sealed;
  const tag = Buffer.from(String(s.tag), 'base64');
  if (
    s.v !== 1 ||
    s.kdf !== 'scrypt' ||
    !Number.isInteger(s.n) ||
    !Number.isInteger(s.r) ||
    s.n > 1 << 20 ||
    s.r > 16 ||
    s.p > 16 ||
    128 * s.n * s.r > MAX_COST ||
    tag.length !== TAG_BYTES
  ) {
    throw new Error('Unknown key sealing format');
  }
  // authTagLength pins the tag to 16 bytes: GCM would otherwise accept a truncated (forgeable) tag.
  const decipher = createDecipheriv(
    'aes-256-gcm',
    derive(passphrase, Buffer.from(s.salt, 'base64'), s.n, s.r, s.p),
    Buffer.from(s.iv, 'base64'),
    { authTagLength: TAG_BYTES },
  );
  decipher.setAAD(AAD);
  decipher.setAuthTag(tag);
  let der: Buffer;
  try {
    der = Buffer.concat([decipher.update(Buffer.from(s.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  return key;
}
