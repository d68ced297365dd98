import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '#core/ids';
import { value } from '../../../helpers/backend';
import type { MalformedExtension } from './types';

/** Certificate files made by the openssl CLI, once: [PEM certificate, PEM key, SHA-256 fingerprint]. */
function opensslCertificate(commonName: string): { pem: string; key: string; fingerprint: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fieldwork-trust-'));
  try {
    const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', stdio: 'pipe' });
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key);
    openssl('req', '-x509', '-new', '-key', key, '-subj', `/CN=${commonName}`, '-days', '30', '-out', cert);
    const fingerprint = openssl('x509', '-in', cert, '-noout', '-fingerprint', '-sha256').trim().split('=')[1]!;
    return { pem: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8'), fingerprint };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SEEDED = opensslCertificate('Seeded Colleague');
const FRESH = opensslCertificate('Fresh Colleague');
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Certificates trusted besides the signing identities. */
export const trustCases: MalformedExtension = {
  async seed(backend) {
    const seeded = value(
      await backend.call('trust.import', { certificateBase64: b64(SEEDED.pem), fingerprint: SEEDED.fingerprint }),
    );
    return { trustedId: seeded.id };
  },

  valid: (w) => ({
    'trust.list': {},
    'trust.inspect': { certificateBase64: b64(FRESH.pem) },
    'trust.import': {
      certificateBase64: b64(FRESH.pem),
      fingerprint: FRESH.fingerprint,
      name: 'Fresh',
      note: 'Phoned',
    },
    'trust.remove': { id: w.x.trustedId },
  }),

  cases: () => {
    const fresh = { certificateBase64: b64(FRESH.pem), fingerprint: FRESH.fingerprint };
    const files: [string, string][] = [
      ['a file that is no certificate', b64('hello, not a certificate')],
      ['a PEM that also holds a private key', b64(FRESH.pem + FRESH.key)],
      ['a file with two certificates', b64(FRESH.pem + SEEDED.pem)],
      ['a PEM block of junk', b64('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')],
      ['an empty file', ''],
      ['a file over 64 KB', 'A'.repeat(100_000)],
    ];
    return {
      'trust.inspect': files.map(([label, certificateBase64]) => [label, { certificateBase64 }]),
      'trust.import': [
        ...files.map(([label, certificateBase64]): [string, unknown] => [label, { ...fresh, certificateBase64 }]),
        ['a fingerprint other than the file’s', { ...fresh, fingerprint: SEEDED.fingerprint }],
        ['no fingerprint', { certificateBase64: fresh.certificateBase64 }],
        [
          'a certificate already trusted',
          { certificateBase64: b64(SEEDED.pem), fingerprint: SEEDED.fingerprint },
          'conflict',
        ],
        ['a 201-character name', { ...fresh, name: 'n'.repeat(201) }],
      ],
      'trust.remove': [
        ['an unknown id', { id: newId() }, 'not_found'],
        ['a non-v7 id', { id: 'abc' }],
      ],
      'trust.list': [],
    };
  },
};
