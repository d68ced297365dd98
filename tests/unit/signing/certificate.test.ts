import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selfIssuedCertificate } from '#core/signing/certificate';

const dir = mkdtempSync(path.join(tmpdir(), 'fw-cert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const openssl = (args: string[]) => {
  const r = spawnSync('openssl', args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
};

/** A certificate across the year-2050 boundary, where RFC 5280 switches from UTCTime to GeneralizedTime. */
function certificate(kind: 'rsa' | 'ec') {
  const { publicKey, privateKey } =
    kind === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = selfIssuedCertificate({
    subject: { commonName: 'Łena Lead 名', organisation: 'Example Certification Ltd', email: 'lena@example.org' },
    publicKey,
    privateKey,
    notBefore: new Date('2049-12-31T23:59:59Z'),
    notAfter: new Date('2050-01-01T00:00:00Z'),
  });
  const file = path.join(dir, `${kind}.pem`);
  writeFileSync(file, new X509Certificate(der).toString());
  return { file, spki: publicKey.export({ type: 'spki', format: 'der' }) };
}

/** The self-issued signing certificate as OpenSSL (another X.509 implementation) reads it. */
describe('self-issued certificates, read by OpenSSL', () => {
  for (const [kind, algorithm] of [
    ['rsa', 'sha256WithRSAEncryption'],
    ['ec', 'ecdsa-with-SHA256'],
  ] as const) {
    it(`${kind}: a v3 document-signing certificate whose self-signature OpenSSL verifies`, () => {
      const { file, spki } = certificate(kind);
      const text = openssl([
        'x509',
        '-in',
        file,
        '-noout',
        '-text',
        '-nameopt',
        'utf8,sep_comma_plus_space',
        '-certopt',
        'no_pubkey,no_sigdump',
      ]);
      const ski = createHash('sha1').update(spki).digest('hex').toUpperCase().match(/../g)!.join(':');
      for (const line of [
        'Version: 3 (0x2)',
        `Signature Algorithm: ${algorithm}`,
        'Issuer: CN=Łena Lead 名, O=Example Certification Ltd, emailAddress=lena@example.org',
        'Subject: CN=Łena Lead 名, O=Example Certification Ltd, emailAddress=lena@example.org',
        'Not Before: Dec 31 23:59:59 2049 GMT',
        'Not After : Jan  1 00:00:00 2050 GMT',
        'X509v3 Basic Constraints: critical\n                CA:FALSE',
        'X509v3 Key Usage: critical\n                Digital Signature, Non Repudiation',
        // Document signing (RFC 9336), which OpenSSL 3.0 names by number, and e-mail protection.
        'X509v3 Extended Key Usage: \n                1.3.6.1.5.5.7.3.36, E-mail Protection',
        `X509v3 Subject Key Identifier: \n                ${ski}`,
      ]) {
        expect(text).toContain(line);
      }
      const parsed = openssl(['asn1parse', '-in', file]);
      expect(parsed).toMatch(/UTCTIME +:491231235959Z/);
      expect(parsed).toMatch(/GENERALIZEDTIME +:20500101000000Z/);
      expect(parsed).toMatch(/UTF8STRING +:Example Certification Ltd/);
      expect(parsed).toMatch(/IA5STRING +:lena@example\.org/);
      const verified = openssl([
        'verify',
        '-no-CAfile',
        '-no-CApath',
        '-partial_chain',
        '-check_ss_sig',
        '-attime',
        String(Date.parse('2049-12-31T23:59:59Z') / 1000),
        '-trusted',
        file,
        file,
      ]);
      expect(verified).toBe(`${file}: OK\n`);
    });
  }
});
