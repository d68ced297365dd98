import type { MalformedExtension } from './types';

// A 1×1 PNG.
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** The certification body's settings and images. */
export const brandingCases: MalformedExtension = {
  seed: () => Promise.resolve({}),
  valid: () => ({
    'branding.get': {},
    'branding.update': { name: 'Nordic Certification AB', primaryColour: '#102030' },
    'branding.setImage': { kind: 'logo', dataBase64: PIXEL },
    'branding.removeImage': { kind: 'logo' },
    'branding.image': { kind: 'accreditation_mark' },
  }),
  cases: (_w, huge) => ({
    'branding.update': [
      ['no name', { name: '' }],
      ['a colour that is not hex', { name: 'CB', primaryColour: 'blue' }],
      ['a pattern without {seq}', { name: 'CB', reportNumberPattern: '{year}' }],
      ['an unknown language', { name: 'CB', language: 'xx' }],
      ['a huge address', { name: 'CB', address: huge }],
    ],
    'branding.setImage': [
      ['text instead of an image', { kind: 'logo', dataBase64: Buffer.from('hello there').toString('base64') }],
      ['junk base64', { kind: 'logo', dataBase64: '***' }],
      ['an empty file', { kind: 'logo', dataBase64: '' }],
      ['a huge file', { kind: 'logo', dataBase64: huge }],
    ],
    'branding.removeImage': [['an unknown kind', { kind: 'favicon' }]],
    'branding.image': [['an unknown kind', { kind: 'favicon' }]],
  }),
};
