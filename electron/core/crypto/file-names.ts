import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Names of stored files in an encrypted data folder. Evidence files,
 * thumbnails and issued reports were named by their SHA-256: anyone holding
 * the disk could hash a known document and look for it. Here a file's name is
 * HMAC-SHA-256 of its content address under a key derived from the data key
 * (info "fieldwork names v1"): same shape (64 hex digits), no way to test for
 * a file without the key. The SHA-256 itself stays inside the database.
 */
export interface NameKey {
  readonly key: Buffer;
}

export function nameKey(dataKey: Buffer): NameKey {
  if (dataKey.length !== 32) throw new Error('The data key must be 32 bytes.');
  return { key: Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'fieldwork names v1', 32)) };
}

/** The stored name of the file whose content address is `sha256`. */
export function storedName(key: NameKey, sha256: string): string {
  return createHmac('sha256', key.key).update(sha256, 'latin1').digest('hex');
}
