import { afterAll, describe, expect, it, vi } from 'vitest';
import type { OpName } from '#shared/api/ops';
import { createKeychainGlue, type SafeStorageLike } from '../../../electron/main/keychain';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';

/**
 * The keychain glue against a real backend; only Electron's safeStorage is a
 * stand-in (a reversible transform, as the OS keychain would apply).
 */
function fakeSafeStorage(available = true): SafeStorageLike & { encrypted: string[] } {
  const encrypted: string[] = [];
  return {
    encrypted,
    isEncryptionAvailable: () => available,
    encryptString: (plain) => {
      encrypted.push(plain);
      return Buffer.from(`KEYCHAIN:${plain}`).reverse();
    },
    decryptString: (enc) => {
      const text = Buffer.from(enc).reverse().toString();
      if (!text.startsWith('KEYCHAIN:')) throw new Error('Error while decrypting the ciphertext provided');
      return text.slice('KEYCHAIN:'.length);
    },
  };
}

const t = tempBackend();
afterAll(() => t.cleanup());
const calls: { op: OpName; input: unknown }[] = [];
const call = (op: OpName, input: unknown) => {
  calls.push({ op, input });
  return t.backend.call(op, input as never);
};
const identity = {
  name: 'Kim Keychain',
  keyAlgorithm: 'ecdsa-p256',
  protection: { kind: 'os_keychain' },
};

describe('OS keychain glue in the desktop main process', () => {
  it('creates an identity whose key only the keychain-wrapped secret opens', async () => {
    const safe = fakeSafeStorage();
    const glue = createKeychainGlue({ safeStorage: safe, call });
    const r = (await glue('signing.create', identity)) as { ok: true; value: { id: string; protection: string } };
    const created = value(r);
    expect(created.protection).toBe('os_keychain');
    expect(safe.encrypted).toHaveLength(1);
    const secret = safe.encrypted[0]!;
    expect(secret).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    // The backend received the wrapped form; the database keeps only that, never the secret.
    const sent = calls.at(-1)!.input as { protection: { kind: string; wrapped: string } };
    expect(sent.protection.kind).toBe('wrapped');
    expect(Buffer.from(sent.protection.wrapped, 'base64').reverse().toString()).toBe(`KEYCHAIN:${secret}`);
    expect(JSON.stringify(dumpDatabase(t.backend.db))).not.toContain(secret);
  });

  it('turns an os_keychain unlock of exports.start into the unwrapped secret', async () => {
    const safe = fakeSafeStorage();
    const created = value(await t.backend.call('signing.list', {})).find((i) => i.name === 'Kim Keychain')!;
    const forwarded: unknown[] = [];
    const glue = createKeychainGlue({
      safeStorage: safe,
      call: (op, input) =>
        op === 'exports.start' ? (forwarded.push(input), Promise.resolve({ ok: true, value: {} })) : call(op, input),
    });
    const issue = { identityId: created.id, unlock: { kind: 'os_keychain' }, by: 'Kim' };
    expect(await glue('exports.start', { auditId: 'a', kind: 'report', issue })).toEqual({ ok: true, value: {} });
    const unlock = (forwarded[0] as { issue: { unlock: { kind: string; passphrase: string } } }).issue.unlock;
    expect(unlock.kind).toBe('passphrase');
    // The secret really opens the stored key.
    const { unlockSigningKey } = await import('#core/repos/signing');
    expect(unlockSigningKey(t.backend.context, created.id, unlock as never).identity.id).toBe(created.id);
  });

  it('does the same for signing a team package (team.export)', async () => {
    const created = value(await t.backend.call('signing.list', {})).find((i) => i.name === 'Kim Keychain')!;
    const forwarded: unknown[] = [];
    const glue = createKeychainGlue({
      safeStorage: fakeSafeStorage(),
      call: (op, input) =>
        op === 'team.export' ? (forwarded.push(input), Promise.resolve({ ok: true, value: {} })) : call(op, input),
    });
    const input = { auditId: 'a', identityId: created.id, unlock: { kind: 'os_keychain' }, by: 'Kim' };
    expect(await glue('team.export', input)).toEqual({ ok: true, value: {} });
    const unlock = (forwarded[0] as { unlock: { kind: string; passphrase: string } }).unlock;
    expect(unlock.kind).toBe('passphrase');
    const { unlockSigningKey } = await import('#core/repos/signing');
    expect(unlockSigningKey(t.backend.context, created.id, unlock as never).identity.id).toBe(created.id);
  });

  it('says so when no keychain is available, and nothing is created', async () => {
    const before = dumpDatabase(t.backend.db);
    const glue = createKeychainGlue({ safeStorage: fakeSafeStorage(false), call });
    expect(await glue('signing.importPkcs12', { pkcs12Base64: 'AAAA', protection: { kind: 'os_keychain' } })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'No OS keychain is available on this computer; choose a passphrase.' },
    });
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });

  it('refuses to unwrap a passphrase identity or a secret wrapped elsewhere', async () => {
    const pass = value(
      await t.backend.call('signing.create', {
        name: 'Pat Passphrase',
        keyAlgorithm: 'ecdsa-p256',
        protection: { kind: 'passphrase', passphrase: 'long enough' },
      }),
    );
    const glue = createKeychainGlue({ safeStorage: fakeSafeStorage(), call });
    const start = (identityId: string) =>
      glue('exports.start', {
        auditId: 'a',
        kind: 'report',
        issue: { identityId, unlock: { kind: 'os_keychain' }, by: 'x' },
      });
    expect(await start(pass.id)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const foreign = value(
      await t.backend.call('signing.create', {
        name: 'Fay Foreign',
        keyAlgorithm: 'ecdsa-p256',
        protection: { kind: 'wrapped', secret: Buffer.alloc(32, 1).toString('base64'), wrapped: 'bm90IG91cnM=' },
      }),
    );
    expect(await start(foreign.id)).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
  });

  it('passes other inputs through untouched and keeps the wrapped secret from the renderer', async () => {
    const backendCall = vi.fn((_op: OpName, _input: unknown) => Promise.resolve({ ok: true as const, value: 'x' }));
    const glue = createKeychainGlue({ safeStorage: fakeSafeStorage(), call: backendCall });
    const passphrase = { name: 'N', protection: { kind: 'passphrase', passphrase: 'long enough' } };
    await glue('signing.create', passphrase);
    await glue('exports.start', 'not an object');
    expect(backendCall.mock.calls).toEqual([
      ['signing.create', passphrase],
      ['exports.start', 'not an object'],
    ]);
    expect(await glue('signing.keyWrap', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
