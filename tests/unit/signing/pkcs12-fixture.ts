import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** A PKCS#12 file as a certification authority would hand it over, built with node-forge. */
export function pkcs12Base64(opts: {
  password: string;
  commonName?: string;
  notBefore?: Date;
  notAfter?: Date;
  withKey?: boolean;
}): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '0a1b2c3d4e5f';
  cert.validity.notBefore = opts.notBefore ?? new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = opts.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
  const attrs = [
    { name: 'commonName', value: opts.commonName ?? 'Paula Pfx' },
    { name: 'organizationName', value: 'Imported CB GmbH' },
    { name: 'emailAddress', value: 'paula@example.org' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer([{ name: 'commonName', value: 'Example Issuing CA' }]);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(opts.withKey === false ? null : key, [cert], opts.password, {
    algorithm: 'aes256',
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary').toString('base64');
}
