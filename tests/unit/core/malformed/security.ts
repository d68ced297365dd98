import type { MalformedExtension } from './types';

/**
 * The data folder's encryption on a plain backend (the CLI's, the tests'): it cannot lock, and a plain folder has
 * no passphrase to set, so those valid inputs answer their refusal by design; the idle setting is written.
 */
export const securityCases: MalformedExtension = {
  seed: () => Promise.resolve({}),

  valid: () => ({
    'security.status': {},
    'security.setPassphrase': { passphrase: 'orchard lantern basalt', confirm: 'orchard lantern basalt' },
    'security.encrypt': { passphrase: 'orchard lantern basalt', confirm: 'orchard lantern basalt' },
    'security.lock': {},
    'security.unlock': { passphrase: 'orchard lantern basalt' },
    'security.setIdleLock': { minutes: 30 },
    'security.draftKey': {},
    'security.conversion': {},
    'security.setKeychainUnlock': { unlockAtStart: 'passphrase' },
  }),

  validAnswers: {
    'security.setPassphrase': 'conflict',
    'security.encrypt': 'unsupported',
    'security.lock': 'conflict',
    'security.unlock': 'conflict',
    // The suite's folder is plain: there is no key to wrap either way.
    'security.setKeychainUnlock': 'conflict',
  },

  cases: () => ({
    'security.status': [['active as a string', { active: 'yes' }]],
    'security.setPassphrase': [
      ['a passphrase of 11 characters', { passphrase: 'short words', confirm: 'short words' }],
      ['a passphrase of one character repeated', { passphrase: 'aaaaaaaaaaaaaaaa', confirm: 'aaaaaaaaaaaaaaaa' }],
      ['a confirmation that differs', { passphrase: 'orchard lantern basalt', confirm: 'orchard lantern basal' }],
      ['no confirmation', { passphrase: 'orchard lantern basalt' }],
      ['a 1,025-character passphrase', { passphrase: 'ab'.repeat(513), confirm: 'ab'.repeat(513) }],
    ],
    'security.encrypt': [['a weak passphrase', { passphrase: 'password', confirm: 'password' }]],
    'security.unlock': [['an empty passphrase', { passphrase: '' }]],
    'security.setIdleLock': [
      ['7 minutes', { minutes: 7 }],
      ['-5 minutes', { minutes: -5 }],
      ['15.5 minutes', { minutes: 15.5 }],
    ],
    'security.draftKey': [['a key of its own choosing', { key: 'AAAA' }]],
    'security.conversion': [['a progress of its own choosing', { fraction: 0.5 }]],
    'security.setKeychainUnlock': [
      ['an unknown way to unlock', { unlockAtStart: 'fingerprint' }],
      ['nothing said', {}],
    ],
  }),
};
