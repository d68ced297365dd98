import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nameKey, storedName } from '#core/crypto/file-names';

describe('names that reveal nothing', () => {
  const sha = createHash('sha256').update('a known document').digest('hex');

  it('is HMAC-SHA-256 of the content address under an HKDF subkey (info "fieldwork names v1")', () => {
    const dataKey = randomBytes(32);
    const sub = hkdfSync('sha256', dataKey, Buffer.alloc(0), 'fieldwork names v1', 32);
    const expected = createHmac('sha256', Buffer.from(sub)).update(sha).digest('hex');
    expect(storedName(nameKey(dataKey), sha)).toBe(expected);
  });

  it('differs from the SHA-256 and between data folders, and keeps its 64-hex shape', () => {
    const a = storedName(nameKey(randomBytes(32)), sha);
    const b = storedName(nameKey(randomBytes(32)), sha);
    expect(a).not.toBe(sha);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
