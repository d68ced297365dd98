import { X509Certificate } from 'node:crypto';
import { DomainError } from '#shared/api/result';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

const NOT_A_CERTIFICATE = 'This file is not an X.509 certificate (PEM or DER, as .pem, .crt, .cer or .der).';

/**
 * The certificates in a file as people exchange them: PEM (one or more
 * CERTIFICATE blocks) or a single DER certificate. A file carrying a private
 * key is refused: trusting a colleague needs only their certificate, and a key
 * has no business travelling by mail.
 */
export function readCertificates(bytes: Buffer): X509Certificate[] {
  const text = bytes.toString('latin1');
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw new DomainError(
      'invalid_input',
      'This file holds a private key. Ask the signer for their certificate only (a .pem, .crt or .cer file).',
    );
  }
  if (text.includes('-----BEGIN')) {
    const certs: X509Certificate[] = [];
    for (const m of text.matchAll(PEM_BLOCK)) certs.push(parse(Buffer.from(m[1]!.replace(/\s/g, ''), 'base64')));
    if (certs.length === 0) throw new DomainError('invalid_input', NOT_A_CERTIFICATE);
    return certs;
  }
  return [parse(bytes)];
}

function parse(der: Buffer): X509Certificate {
  // A DER certificate is one ASN.1 SEQUENCE; OpenSSL would also accept PEM text, which was handled above.
  if (der.length < 2 || der[0] !== 0x30) throw new DomainError('invalid_input', NOT_A_CERTIFICATE);
  try {
    return new X509Certificate(der);
  } catch {
    throw new DomainError('invalid_input', NOT_A_CERTIFICATE);
  }
}

const lines = (dn: string) => dn.split('\n').filter(Boolean);

/** What people compare: names, validity and the SHA-256 fingerprint (upper-case hex pairs joined by ':'). */
export function certificateFacts(cert: X509Certificate, now: string) {
  const notAfter = new Date(cert.validTo).toISOString();
  return {
    commonName:
      lines(cert.subject)
        .find((l) => l.startsWith('CN='))
        ?.slice(3) ?? '',
    subject: lines(cert.subject).join(', '),
    issuer: lines(cert.issuer).join(', '),
    fingerprint: cert.fingerprint256,
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter,
    expired: notAfter < now,
  };
}
