import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { unlockSigningKey } from '#core/repos/signing';
import { signPackage } from '#core/signing/package-sign';
import { verifyPackage } from '#core/signing/package-verify';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';
import { sampleDocx } from './fixtures';
import { xmlsecVerify } from './tamper';

/** PKCS#12 files written by OpenSSL 3 (tests/fixtures/p12/make.sh), not by node-forge which reads them. */
const FIXTURES = fileURLToPath(new URL('../../fixtures/p12/', import.meta.url));

const t = tempBackend();
const work = mkdtempSync(path.join(tmpdir(), 'fw-p12-fixtures-'));
afterAll(() => {
  t.cleanup();
  rmSync(work, { recursive: true, force: true });
});
const { backend } = t;

const openssl = (args: string[]) => {
  const r = spawnSync('openssl', args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  return r.stdout + r.stderr;
};

/** Each fixture, its passphrase (as in make.sh), and the encryption OpenSSL reports for it. */
const cases = [
  {
    file: 'aes256-sha256',
    password: 'aes-fixture-pass',
    name: 'Ada Aes',
    key: 'rsa',
    shows: [
      'MAC: sha256',
      'PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC',
      'Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC',
    ],
  },
  {
    file: 'legacy-3des-rc2',
    password: 'legacy-fixture-pass',
    name: 'Lee Legacy',
    key: 'rsa',
    shows: [
      'MAC: sha1',
      'PKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC',
      'Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC',
    ],
  },
  {
    file: 'ec-p256',
    password: 'ec-fixture-pass',
    name: 'Eve Ecdsa',
    key: 'ec',
    shows: ['MAC: sha256', 'Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC'],
  },
] as const;

const p12 = (file: string) => readFileSync(path.join(FIXTURES, `${file}.p12`));

/** The SHA-256 fingerprint as OpenSSL computes it from the checked-in certificate. */
const opensslFingerprint = (file: string) => {
  const out = openssl(['x509', '-noout', '-fingerprint', '-sha256', '-in', path.join(FIXTURES, `${file}.cert.pem`)]);
  return /Fingerprint=([0-9A-F:]+)/.exec(out)![1];
};

describe('importing PKCS#12 files made by OpenSSL 3', { timeout: 300_000 }, () => {
  for (const c of cases) {
    describe(c.file, () => {
      it('is the kind of file it claims to be (as OpenSSL itself reports it)', () => {
        const info = openssl([
          'pkcs12',
          '-legacy',
          '-info',
          '-noout',
          '-passin',
          `pass:${c.password}`,
          '-in',
          path.join(FIXTURES, `${c.file}.p12`),
        ]);
        for (const line of c.shows) expect(info).toContain(line);
      });

      it('refuses a wrong passphrase, naming it, and changes nothing', async () => {
        const before = dumpDatabase(backend.db);
        const r = await backend.call('signing.importPkcs12', {
          pkcs12Base64: p12(c.file).toString('base64'),
          pkcs12Password: `${c.password}-not`,
          protection: { kind: 'passphrase', passphrase: 'long enough' },
        });
        expect(r).toEqual({
          ok: false,
          error: { code: 'invalid_input', message: 'The certificate file password is wrong.' },
        });
        expect(dumpDatabase(backend.db)).toEqual(before);
      });

      it('imports with the right passphrase and signs a document that our verifier and xmlsec1 accept', async () => {
        const id = value(
          await backend.call('signing.importPkcs12', {
            pkcs12Base64: p12(c.file).toString('base64'),
            pkcs12Password: c.password,
            protection: { kind: 'passphrase', passphrase: 'my own passphrase' },
          }),
        );
        expect(id).toMatchObject({
          name: c.name,
          email: 'fixtures@example.org',
          organisation: 'OpenSSL Fixture CB',
          selfIssued: true,
          expired: false,
        });
        expect(id.fingerprint).toBe(opensslFingerprint(c.file));
        const key = unlockSigningKey(backend.context, id.id, { kind: 'passphrase', passphrase: 'my own passphrase' });
        expect(key.privateKey.asymmetricKeyType).toBe(c.key);
        const signed = await signPackage(await sampleDocx(), { ...key, signingTime: new Date() });
        const ours = await verifyPackage(signed);
        expect(ours.status).toBe('valid');
        expect(ours.signer?.fingerprint).toBe(opensslFingerprint(c.file));
        const xmlsec = await xmlsecVerify(signed, path.join(work, c.file));
        expect(xmlsec.ok, xmlsec.output).toBe(true);
      });
    });
  }
});
