import { hkdfSync } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, openSession } from '#core/backend';
import { DRAFT_SECRET_FILE } from '#core/crypto/draft-secret';
import type { Result } from '#shared/api/result';
import { tempBackend, value } from '../../helpers/backend';

/**
 * `security.draftKey` (the renderer's draft journal key) on real folders through the lockable session the app and
 * the preview host serve: an encrypted folder's is HKDF of its data key under the journal's own label and is
 * refused while locked; a plain folder's comes from a secret made once in the folder, the same on every call.
 */
const PASS = 'copper heron mistral 42';
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
const hkdf = (secret: Buffer, label: string) =>
  Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), label, 32)).toString('base64');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function served() {
  const t = tempBackend();
  t.backend.close();
  let key: Buffer | null = null;
  const session = openSession({
    dataDir: t.dataDir,
    open: (dataKey) => {
      key = dataKey;
      return openBackend({ appVersion: 'test', dataDir: t.dataDir, dataKey });
    },
    initial: { key: null, by: null },
    scrypt: FAST,
  });
  cleanups.push(() => {
    session.close();
    rmSync(t.dataDir, { recursive: true, force: true });
  });
  return { session, dataDir: t.dataDir, dataKey: () => key };
}

describe('security.draftKey', () => {
  it('a plain folder: derived from a private secret made once, the same for every call', async () => {
    const { session, dataDir } = served();
    const first = value(await session.call('security.draftKey', {}));
    const secret = readFileSync(join(dataDir, DRAFT_SECRET_FILE));
    expect(secret).toHaveLength(32);
    expect(statSync(join(dataDir, DRAFT_SECRET_FILE)).mode & 0o077).toBe(0);
    expect(first.key).toBe(hkdf(secret, 'fieldwork draft journal v1'));
    expect(value(await session.call('security.draftKey', {})).key).toBe(first.key);
  });

  it('an encrypted folder: HKDF of the data key under its own label (not the database’s); refused while locked', async () => {
    const { session, dataDir, dataKey } = served();
    value(await session.call('security.encrypt', { passphrase: PASS, confirm: PASS }));
    const key = dataKey()!;
    const answer = value(await session.call('security.draftKey', {}));
    expect(answer.key).toBe(hkdf(key, 'fieldwork draft journal v1'));
    expect(answer.key).not.toBe(hkdf(key, 'fieldwork sqlcipher database v1'));
    expect(Buffer.from(answer.key, 'base64').equals(key)).toBe(false);

    value(await session.call('security.lock', {}));
    const locked = await session.call('security.draftKey', {});
    expect(code(locked)).toBe('locked');
    expect(JSON.stringify(locked)).not.toContain(answer.key);

    value(await session.call('security.unlock', { passphrase: PASS }));
    expect(value(await session.call('security.draftKey', {})).key).toBe(answer.key);
    // Encrypted from the start of this test's folder's life as a draft source: no plain secret was needed.
    expect(() => statSync(join(dataDir, DRAFT_SECRET_FILE))).toThrow();
  });
});
