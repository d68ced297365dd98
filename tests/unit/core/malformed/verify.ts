import { value } from '../../../helpers/backend';
import { sampleDocx } from '../../signing/fixtures';
import type { MalformedExtension } from './types';

/**
 * Checking a handed-over document. Checks live in memory: the seed leaves one
 * with all its bytes (a real, unsigned DOCX) ready to finish and one waiting
 * for its first chunk. A refused chunk changes neither.
 */
export const verifyCases: MalformedExtension = {
  seed: (backend, w) => verifyCases.sessions!(backend, w),

  async sessions(backend, w) {
    // The previous ones go first: one document is checked at a time.
    for (const checkId of [w.x.readyCheckId, w.x.pendingCheckId])
      if (checkId) await backend.call('verify.abort', { checkId });
    const docx = await sampleDocx();
    const ready = value(await backend.call('verify.begin', { name: 'report.docx', size: docx.length }));
    value(
      await backend.call('verify.chunk', { checkId: ready.checkId, offset: 0, dataBase64: docx.toString('base64') }),
    );
    const pending = value(await backend.call('verify.begin', { name: 'copy.docx', size: 8 }));
    return { readyCheckId: ready.checkId, pendingCheckId: pending.checkId };
  },

  valid: (w) => ({
    'verify.begin': { name: 'client copy.docx', size: 1024 },
    'verify.chunk': { checkId: w.x.pendingCheckId!, offset: 0, dataBase64: Buffer.from('12345678').toString('base64') },
    'verify.finish': { checkId: w.x.readyCheckId! },
    'verify.abort': { checkId: w.x.pendingCheckId! },
    'verify.lookUp': { sha256: 'ab'.repeat(32), fingerprint: 'AB:'.repeat(31) + 'AB' },
  }),

  cases: (w) => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    return {
      'verify.begin': [
        ['an empty file', { name: 'a.docx', size: 0 }],
        ['a 2 GB file', { name: 'a.docx', size: 2 * 1024 ** 3 }],
        ['no name', { name: '', size: 10 }],
      ],
      'verify.chunk': [
        ['an unknown check', { checkId: 'no-such-check', offset: 0, dataBase64: b64('1') }, 'not_found'],
        ['a chunk out of order', { checkId: w.x.pendingCheckId!, offset: 4, dataBase64: b64('5678') }],
        ['more bytes than announced', { checkId: w.x.pendingCheckId!, offset: 0, dataBase64: b64('123456789') }],
        ['junk base64', { checkId: w.x.pendingCheckId!, offset: 0, dataBase64: '!!!not base64!!!' }],
        ['a negative offset', { checkId: w.x.pendingCheckId!, offset: -1, dataBase64: b64('1') }],
      ],
      'verify.finish': [['an unknown check', { checkId: 'no-such-check' }, 'not_found']],
      'verify.abort': [['an unknown check', { checkId: 'no-such-check' }, 'not_found']],
      'verify.lookUp': [
        ['an upper-case SHA-256', { sha256: 'AB'.repeat(32), fingerprint: null }],
        ['a SHA-256 one digit short', { sha256: 'a'.repeat(63), fingerprint: null }],
        ['no fingerprint key', { sha256: 'ab'.repeat(32) }],
      ],
    };
  },
};
