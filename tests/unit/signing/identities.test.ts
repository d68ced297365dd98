import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '#shared/api/result';
import { createSelfIssuedIdentity, unlockSigningKey } from '#core/repos/signing';
import { signPackage } from '#core/signing/package-sign';
import { verifyPackage } from '#core/signing/package-verify';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';
import { sampleDocx } from './fixtures';
import { pkcs12Base64 } from './pkcs12-fixture';

const t = tempBackend();
afterAll(() => t.cleanup());
const { backend } = t;
const ctx = backend.context;

const create = (over: Record<string, unknown> = {}) =>
  backend.call('signing.create', {
    name: 'Lena Lead',
    email: 'lena@example.org',
    organisation: 'Example Certification Ltd',
    keyAlgorithm: 'ecdsa-p256',
    validityDays: 30,
    protection: { kind: 'passphrase', passphrase: 'correct horse battery' },
    ...over,
  });

/** Reads a PEM certificate with Python's `cryptography` (a different X.509 implementation). */
function pythonReads(pem: string): { subject: string; keyUsage: string; days: number } {
  const script = [
    'import sys, json',
    'from cryptography import x509',
    'c = x509.load_pem_x509_certificate(sys.stdin.buffer.read())',
    'ku = c.extensions.get_extension_for_class(x509.KeyUsage).value',
    'c.public_key()  # must load',
    'print(json.dumps({"subject": c.subject.rfc4514_string(),',
    '  "keyUsage": "digital_signature" if ku.digital_signature else "none",',
    '  "days": (c.not_valid_after - c.not_valid_before).days}))',
  ].join('\n');
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: pem, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { subject: string; keyUsage: string; days: number };
}

describe('signing identities', { timeout: 120_000 }, () => {
  it('creates a self-issued ECDSA identity whose certificate other readers accept, and signs with it', async () => {
    const id = value(await create());
    expect(id).toMatchObject({
      name: 'Lena Lead',
      selfIssued: true,
      expired: false,
      protection: 'passphrase',
      subject: 'CN=Lena Lead, O=Example Certification Ltd, emailAddress=lena@example.org',
    });
    const { pem } = value(await backend.call('signing.certificate', { id: id.id }));
    expect(new X509Certificate(pem).fingerprint256).toBe(id.fingerprint);
    expect(pythonReads(pem)).toEqual({
      subject: '1.2.840.113549.1.9.1=lena@example.org,O=Example Certification Ltd,CN=Lena Lead',
      keyUsage: 'digital_signature',
      days: 30,
    });
    const key = unlockSigningKey(ctx, id.id, { kind: 'passphrase', passphrase: 'correct horse battery' });
    const signed = await signPackage(await sampleDocx(), { ...key, signingTime: new Date() });
    const r = await verifyPackage(signed);
    expect(r.status).toBe('valid');
    expect(r.signer?.fingerprint).toBe(id.fingerprint);
    expect(value(await backend.call('signing.list', {})).map((i) => i.id)).toContain(id.id);
  });

  it('creates RSA 3072 by default', async () => {
    const id = value(await create({ keyAlgorithm: undefined, name: 'Rita Rsa' }));
    const { pem } = value(await backend.call('signing.certificate', { id: id.id }));
    const key = new X509Certificate(pem).publicKey;
    expect([key.asymmetricKeyType, key.asymmetricKeyDetails?.modulusLength]).toEqual(['rsa', 3072]);
  }, 30_000);

  it('keeps only the sealed key: neither the passphrase nor the plain key is in the database', async () => {
    const id = value(await create({ name: 'Sam Sealed' }));
    const row = ctx.db.prepare('SELECT encrypted_key FROM signing_identities WHERE id = ?').get(id.id) as {
      encrypted_key: string;
    };
    const key = unlockSigningKey(ctx, id.id, { kind: 'passphrase', passphrase: 'correct horse battery' });
    const plain = key.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(row.encrypted_key).not.toContain(plain.slice(40, 80));
    expect(JSON.stringify(dumpDatabase(ctx.db))).not.toContain('correct horse battery');
  });

  it('a wrong passphrase unlocks nothing and changes nothing', async () => {
    const id = value(await create({ name: 'Walt Wrong' }));
    const before = dumpDatabase(ctx.db);
    expect(() => unlockSigningKey(ctx, id.id, { kind: 'passphrase', passphrase: 'incorrect horse' })).toThrow(
      new DomainError('wrong_passphrase', 'The passphrase is wrong. Nothing was signed.'),
    );
    expect(dumpDatabase(ctx.db)).toEqual(before);
  });

  it('refuses the OS keychain outside the desktop app, when creating and when unlocking', async () => {
    const before = dumpDatabase(ctx.db);
    const r = await create({ name: 'Kim Keychain', protection: { kind: 'os_keychain' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(dumpDatabase(ctx.db)).toEqual(before);
    const id = value(await backend.call('signing.list', {}))[0]!.id;
    expect(() => unlockSigningKey(ctx, id, { kind: 'os_keychain' })).toThrow(
      'The OS keychain is only available in the desktop app; choose a passphrase instead.',
    );
  });

  it('stores a keychain-wrapped identity: the wrapped secret is kept, the secret itself unlocks it', async () => {
    const secret = Buffer.alloc(32, 7).toString('base64');
    const id = value(
      await create({ name: 'Wendy Wrapped', protection: { kind: 'wrapped', secret, wrapped: 'V1JBUFBFRA==' } }),
    );
    expect(id.protection).toBe('os_keychain');
    expect(value(await backend.call('signing.keyWrap', { id: id.id }))).toEqual({ wrapped: 'V1JBUFBFRA==' });
    expect(unlockSigningKey(ctx, id.id, { kind: 'passphrase', passphrase: secret }).identity.id).toBe(id.id);
    expect(JSON.stringify(dumpDatabase(ctx.db))).not.toContain(secret);
  });

  it('imports a PKCS#12 file: leaf certificate and key, re-sealed under the chosen passphrase', async () => {
    const pkcs12Base64Text = pkcs12Base64({ password: 'from-the-ca' });
    const input = {
      pkcs12Base64: pkcs12Base64Text,
      pkcs12Password: 'from-the-ca',
      protection: { kind: 'passphrase', passphrase: 'my own passphrase' },
    } as const;
    const id = value(await backend.call('signing.importPkcs12', input));
    expect(id).toMatchObject({
      name: 'Paula Pfx',
      email: 'paula@example.org',
      organisation: 'Imported CB GmbH',
      issuer: 'CN=Example Issuing CA',
      selfIssued: false,
      expired: false,
      serialNumber: '0A1B2C3D4E5F',
    });
    expect(() => unlockSigningKey(ctx, id.id, { kind: 'passphrase', passphrase: 'from-the-ca' })).toThrow(
      'The passphrase is wrong',
    );
    unlockSigningKey(ctx, id.id, { kind: 'passphrase', passphrase: 'my own passphrase' });
    const again = await backend.call('signing.importPkcs12', input);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('marks expired certificates (imported, or created with a validity in the past)', async () => {
    const old = pkcs12Base64({
      password: '',
      commonName: 'Old Cert',
      notBefore: new Date('2020-01-01'),
      notAfter: new Date('2021-01-01'),
    });
    const imported = value(
      await backend.call('signing.importPkcs12', {
        pkcs12Base64: old,
        protection: { kind: 'passphrase', passphrase: 'long enough' },
        acceptExpired: true,
      }),
    );
    expect(imported.expired).toBe(true);
    const created = ctx.db
      .transaction(() =>
        createSelfIssuedIdentity(
          ctx,
          {
            name: 'Ex Pired',
            email: '',
            role: 'Lead auditor',
            organisation: '',
            keyAlgorithm: 'ecdsa-p256',
            validityDays: 10,
            protection: { kind: 'passphrase', passphrase: 'long enough' },
          },
          { validFrom: new Date('2024-01-01T00:00:00Z'), acceptExpired: true },
        ),
      )
      .immediate();
    expect(created).toMatchObject({ expired: true, notAfter: '2024-01-11T00:00:00.000Z' });
  });

  it('refuses bad PKCS#12 files with specific errors and changes nothing', async () => {
    const before = dumpDatabase(ctx.db);
    const attempt = (pkcs12Base64Text: string, pkcs12Password: string) =>
      backend.call('signing.importPkcs12', {
        pkcs12Base64: pkcs12Base64Text,
        pkcs12Password,
        protection: { kind: 'passphrase', passphrase: 'long enough' },
      });
    expect(await attempt(pkcs12Base64({ password: 'right' }), 'wrong')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The certificate file password is wrong.' },
    });
    expect(await attempt(Buffer.from('not a certificate at all').toString('base64'), '')).toMatchObject({
      ok: false,
      error: { message: 'This file is not a PKCS#12 certificate file (.p12 or .pfx).' },
    });
    expect(await attempt(pkcs12Base64({ password: 'x', withKey: false }), 'x')).toMatchObject({
      ok: false,
      error: { message: 'The certificate file holds no private key: export it again with its private key.' },
    });
    expect(dumpDatabase(ctx.db)).toEqual(before);
  });

  it('deletes an identity', async () => {
    const id = value(await create({ name: 'Del Ete' }));
    expect(value(await backend.call('signing.delete', { id: id.id }))).toEqual({ id: id.id });
    expect(value(await backend.call('signing.list', {})).map((i) => i.id)).not.toContain(id.id);
    expect(await backend.call('signing.delete', { id: id.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
