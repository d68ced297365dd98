import { afterAll, describe, expect, it } from 'vitest';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';
import { opensslPkcs12, type KeySpec } from './openssl-p12';
import { pkcs12Base64 } from './pkcs12-fixture';

const t = tempBackend();
afterAll(() => t.cleanup());
const { backend } = t;
const DAY = 86_400_000;

const importFile = (p12: Buffer, over: Record<string, unknown> = {}) =>
  backend.call('signing.importPkcs12', {
    pkcs12Base64: p12.toString('base64'),
    pkcs12Password: 'file-pass',
    protection: { kind: 'passphrase', passphrase: 'long enough' },
    ...over,
  });

/** The refusal's code and message (fails when the import went through). */
const refusal = (r: Awaited<ReturnType<typeof importFile>>) => {
  if (r.ok) throw new Error('imported, but should have been refused');
  return r.error;
};

/** Files made by the OpenSSL command line, as a CA or a colleague would hand them over. */
describe('importing signing identities: what Fieldwork will not sign with', { timeout: 300_000 }, () => {
  it('accepts RSA 2048 and ECDSA P-256 files', async () => {
    for (const key of ['rsa:2048', 'ec:P-256'] as const) {
      const id = value(await importFile(opensslPkcs12({ key, commonName: `Key ${key}` })));
      expect(id).toMatchObject({ name: `Key ${key}`, expired: false });
    }
  });

  it('refuses RSA under 2048 bits, other curves, DSA and Ed25519, naming what is supported, changing nothing', async () => {
    const before = dumpDatabase(backend.db);
    const cases: [KeySpec, string][] = [
      ['rsa:1024', 'RSA of 1024 bits'],
      ['ec:P-384', 'ECDSA on secp384r1'],
      ['dsa', 'DSA'],
      ['ed25519', 'Ed25519'],
    ];
    for (const [key, what] of cases) {
      const r = await importFile(opensslPkcs12({ key }));
      expect(r, key).toEqual({
        ok: false,
        error: {
          code: 'invalid_input',
          message: `This certificate's key is ${what}, which cannot sign reports. Supported keys: RSA of 2048 bits or more, or ECDSA on P-256.`,
        },
      });
    }
    expect(dumpDatabase(backend.db)).toEqual(before);
  });

  it('refuses a certificate not valid yet; an expired one only with the confirmation', async () => {
    const before = dumpDatabase(backend.db);
    const future = opensslPkcs12({
      notBefore: new Date('2099-03-01T00:00:00Z'),
      notAfter: new Date('2100-03-01T00:00:00Z'),
    });
    expect(refusal(await importFile(future))).toMatchObject({ code: 'invalid_input' });
    expect(refusal(await importFile(future)).message).toContain('not valid yet: it becomes valid on 2099-03-01');
    const expired = opensslPkcs12({
      commonName: 'Olga Old',
      notBefore: new Date(Date.now() - 400 * DAY),
      notAfter: new Date('2024-05-01T00:00:00Z'),
    });
    expect(refusal(await importFile(expired))).toMatchObject({ code: 'certificate_expired' });
    expect(refusal(await importFile(expired)).message).toContain('expired on 2024-05-01');
    expect(dumpDatabase(backend.db)).toEqual(before);
    const id = value(await importFile(expired, { acceptExpired: true }));
    expect(id).toMatchObject({ name: 'Olga Old', expired: true });
  });

  it('refuses a common name beyond 200 characters unless a shorter name is typed', async () => {
    const before = dumpDatabase(backend.db);
    // OpenSSL's own tools refuse a common name over 64 characters; other software writes them (node-forge here).
    const long = Buffer.from(pkcs12Base64({ password: 'file-pass', commonName: 'L'.repeat(201) }), 'base64');
    expect(refusal(await importFile(long))).toMatchObject({ code: 'invalid_input' });
    expect(refusal(await importFile(long)).message).toContain("certificate's name is 201 characters long");
    expect(dumpDatabase(backend.db)).toEqual(before);
    expect(value(await importFile(long, { name: 'Lars Long' })).name).toBe('Lars Long');
  });

  it('imports a file whose password is not ASCII (OpenSSL 3 encodes it as UTF-8, and as UTF-16 for the MAC)', async () => {
    const password = 'pässwörd-Ω';
    const file = opensslPkcs12({ password, commonName: 'Ünal Umlaut' });
    expect(refusal(await importFile(file, { pkcs12Password: 'passwort-Ω' }))).toEqual({
      code: 'invalid_input',
      message: 'The certificate file password is wrong.',
    });
    expect(value(await importFile(file, { pkcs12Password: password })).name).toBe('Ünal Umlaut');
  });

  it('refuses a file asking for 10 million key-derivation iterations, quickly, before deriving anything', async () => {
    const before = dumpDatabase(backend.db);
    const hostile = opensslPkcs12({ iter: 10_000_000 });
    expect(await importFile(hostile)).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          'This certificate file asks for 10,000,000 key-derivation iterations; at most 100,000 are accepted (OpenSSL uses 2,048). Export it again with the default settings.',
      },
    });
    expect(dumpDatabase(backend.db)).toEqual(before);
    // Within the limit is fine.
    expect(value(await importFile(opensslPkcs12({ iter: 50_000, commonName: 'Ida Iter' }))).name).toBe('Ida Iter');
  });

  it('refuses a legacy (3DES/RC2) file asking for more than 100,000 iterations, and reads one within', async () => {
    const hostile = opensslPkcs12({ iter: 150_000, legacy: true });
    expect(refusal(await importFile(hostile))).toEqual({
      code: 'invalid_input',
      message:
        'This certificate file asks for 150,000 key-derivation iterations; at most 100,000 are accepted (OpenSSL uses 2,048). Export it again with the default settings.',
    });
    const within = opensslPkcs12({ iter: 4_000, legacy: true, commonName: 'Lou Legacy' });
    expect(value(await importFile(within)).name).toBe('Lou Legacy');
  });
});
