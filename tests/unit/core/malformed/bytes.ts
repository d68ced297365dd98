import { newId } from '#core/ids';
import type { MalformedExtension } from './types';

/**
 * Downloads offered for the byte channel. The attachment is the evidence
 * seed's (this extension runs after it); a refused download offers nothing.
 */
export const bytesCases: MalformedExtension = {
  seed: () => Promise.resolve({}),

  valid: (w) => ({ 'bytes.download': { kind: 'evidence', id: w.x.evidenceId! } }),

  cases: () => ({
    'bytes.download': [
      ['an unknown attachment', { kind: 'evidence', id: newId() }, 'not_found'],
      ['an unknown export', { kind: 'export', jobId: 'no-such-job' }, 'not_found'],
      ['an unknown issued version', { kind: 'issue', issueId: newId() }, 'not_found'],
      ['an unknown team package', { kind: 'team', fileId: 'no-such-file' }, 'not_found'],
      ['an unknown kind', { kind: 'database', id: newId() }],
      ['no kind', { id: newId() }],
      ['a path instead of an id', { kind: 'team', fileId: '../../fieldwork.sqlite'.repeat(10) }],
      ['a second key', { kind: 'evidence', id: newId(), path: '/etc/passwd' }],
    ],
  }),
};
