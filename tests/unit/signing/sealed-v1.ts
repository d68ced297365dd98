import { createCipheriv, randomBytes, scryptSync, type KeyObject } from 'node:crypto';

/**
 * A key sealed the way Fieldwork sealed keys before scrypt's cost went up
 * (format v1 at N = 2^15, r = 8, p = 1), written independently of
 * key-protection.ts so a test can prove such keys still open.
 */
export function sealedAtOldCost(key: KeyObject, passphrase: string, n = 1 << 15): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const secret = scryptSync(passphrase.normalize('NFC'), salt, 32, { N: n, r: 8, p: 1, maxmem: 256 * n * 8 });
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  cipher.setAAD(Buffer.from('fieldwork signing key v1'));
  const data = Buffer.concat([cipher.update(key.export({ type: 'pkcs8', format: 'der' })), cipher.final()]);
  return JSON.stringify({
    v: 1,
    kdf: 'scrypt',
    n,
    r: 8,
    p: 1,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  });
}
