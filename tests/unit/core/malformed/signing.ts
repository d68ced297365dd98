import { newId } from '#core/ids';
import { value } from '../../../helpers/backend';
import { pkcs12Base64 } from '../../signing/pkcs12-fixture';
import type { MalformedExtension } from './types';

// Built once: RSA key generation is the slow part.
const P12 = pkcs12Base64({ password: 'from-the-ca', commonName: 'Valid Import' });
const SEEDED_P12 = pkcs12Base64({ password: '', commonName: 'Seeded Import' });
const NO_KEY_P12 = pkcs12Base64({ password: 'x', withKey: false });
const PASS = { kind: 'passphrase', passphrase: 'long enough passphrase' } as const;
const SECRET = Buffer.alloc(32, 9).toString('base64');

const create = {
  name: 'Lena Lead',
  email: 'lena@example.org',
  organisation: 'Example Certification Ltd',
  keyAlgorithm: 'ecdsa-p256' as const,
  validityDays: 365,
  protection: PASS,
};
const importInput = { pkcs12Base64: P12, pkcs12Password: 'from-the-ca', protection: PASS };

/** Signing identities. */
export const signingCases: MalformedExtension = {
  async seed(backend) {
    const identity = value(await backend.call('signing.create', { ...create, name: 'Seeded Signer' }));
    value(await backend.call('signing.importPkcs12', { pkcs12Base64: SEEDED_P12, protection: PASS }));
    return { identityId: identity.id };
  },

  valid: (w) => ({
    'signing.list': {},
    'signing.create': create,
    'signing.importPkcs12': importInput,
    'signing.delete': { id: w.x.identityId },
    'signing.certificate': { id: w.x.identityId },
    'signing.keyWrap': { id: w.x.identityId },
  }),

  cases: () => {
    const unknown = newId();
    return {
      'signing.create': [
        ['the OS keychain outside the desktop app', { ...create, protection: { kind: 'os_keychain' } }, 'unsupported'],
        ['a 7-character passphrase', { ...create, protection: { kind: 'passphrase', passphrase: 'seven77' } }],
        ['no protection', { ...create, protection: undefined }],
        ['an unknown protection', { ...create, protection: { kind: 'none' } }],
        [
          'a wrapped secret that is no key secret',
          { ...create, protection: { kind: 'wrapped', secret: 'x', wrapped: 'y' } },
        ],
        [
          'a wrapped secret without its wrapping',
          { ...create, protection: { kind: 'wrapped', secret: SECRET, wrapped: '' } },
        ],
        ['zero days of validity', { ...create, validityDays: 0 }],
        ['eleven years of validity', { ...create, validityDays: 4016 }],
        ['a bad e-mail', { ...create, email: 'lena-at-example' }],
        ['a blank name', { ...create, name: '   ' }],
        ['an unknown key algorithm', { ...create, keyAlgorithm: 'dsa-1024' }],
      ],
      'signing.importPkcs12': [
        ['the wrong file password', { ...importInput, pkcs12Password: 'wrong' }],
        ['a file that is no PKCS#12', { ...importInput, pkcs12Base64: Buffer.from('hello').toString('base64') }],
        ['a file without a private key', { ...importInput, pkcs12Base64: NO_KEY_P12, pkcs12Password: 'x' }],
        ['an empty file', { ...importInput, pkcs12Base64: '' }],
        ['a file over 256 KB', { ...importInput, pkcs12Base64: 'A'.repeat(400_000) }],
        [
          'the OS keychain outside the desktop app',
          { ...importInput, protection: { kind: 'os_keychain' } },
          'unsupported',
        ],
        ['a certificate already imported', { pkcs12Base64: SEEDED_P12, protection: PASS }, 'conflict'],
      ],
      'signing.delete': [['an unknown id', { id: unknown }, 'not_found']],
      'signing.certificate': [
        ['an unknown id', { id: unknown }, 'not_found'],
        ['a non-v7 id', { id: 'abc' }],
      ],
      'signing.keyWrap': [['an unknown id', { id: unknown }, 'not_found']],
      'signing.list': [],
    };
  },
};
