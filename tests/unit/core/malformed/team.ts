import { newId } from '#core/ids';
import { teamJobs } from '#core/sync/team-jobs';
import { value } from '../../../helpers/backend';
import type { MalformedExtension } from './types';

// The identity signingCases seeds, and its passphrase.
const PASS = { kind: 'passphrase', passphrase: 'long enough passphrase' } as const;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const NOT_A_PACKAGE = 'this is not a zip file';

/**
 * Team packages and conflicts. The seed stays cheap (it runs once per op's
 * twin): it signs with signingCases' identity; one upload holds bytes that are no package
 * (so preview and import answer the package's refusal by design) and one
 * upload waiting for its first chunk. The merges themselves are tested in
 * tests/unit/team/ with real packages from other data folders.
 */
export const teamCases: MalformedExtension = {
  seed: (backend, w) => teamCases.sessions!(backend, w),

  async sessions(backend, w) {
    // The previous ones go first: the host allows only a few uploads at a time.
    for (const uploadId of [w.x.teamReadyUploadId, w.x.teamPendingUploadId])
      if (uploadId) await backend.call('team.uploadAbort', { uploadId });
    const ready = value(await backend.call('team.uploadBegin', { name: 'return.fwpkg', size: NOT_A_PACKAGE.length }));
    value(
      await backend.call('team.uploadChunk', { uploadId: ready.uploadId, offset: 0, dataBase64: b64(NOT_A_PACKAGE) }),
    );
    const pending = value(await backend.call('team.uploadBegin', { name: 'pending.fwpkg', size: 8 }));
    // A finished preview job (jobs live in memory, as uploads do): it refused the bytes, which are no package.
    const job = value(await backend.call('team.previewStart', { uploadId: ready.uploadId }));
    await teamJobs(backend.context).settled(job.id);
    return { teamReadyUploadId: ready.uploadId, teamPendingUploadId: pending.uploadId, teamJobId: job.id };
  },

  valid: (w) => {
    const exportInput = { auditId: w.plannedId, identityId: w.x.identityId!, unlock: PASS, by: 'Lena Lead' };
    return {
      'team.status': { auditId: w.plannedId },
      'team.estimate': { auditId: w.plannedId },
      'team.export': exportInput,
      'team.read': { fileId: 'no-such-file', offset: 0, length: 1024 },
      'team.uploadBegin': { name: 'return.fwpkg', size: 1024 },
      'team.uploadChunk': { uploadId: w.x.teamPendingUploadId!, offset: 0, dataBase64: b64('12345678') },
      'team.uploadAbort': { uploadId: w.x.teamPendingUploadId! },
      'team.preview': { uploadId: w.x.teamReadyUploadId! },
      'team.import': { uploadId: w.x.teamReadyUploadId!, by: 'Lena Lead' },
      // The jobs start (and then refuse the bytes in their own time: the job's state says so).
      'team.previewStart': { uploadId: w.x.teamReadyUploadId! },
      'team.importStart': { uploadId: w.x.teamReadyUploadId!, by: 'Lena Lead' },
      'team.jobStatus': { jobId: w.x.teamJobId! },
      'team.jobCancel': { jobId: w.x.teamJobId! },
      'conflicts.list': { auditId: w.plannedId },
      'conflicts.resolve': {
        auditId: w.plannedId,
        table: 'checklist_items',
        rowId: w.itemId,
        field: 'notes',
        choice: { kind: 'value', value: 'Combined notes' },
        by: 'Lena Lead',
      },
    };
  },

  // The seed holds no export to read, no package and no conflict: these valid inputs are refused by design.
  validAnswers: {
    'team.read': 'not_found',
    'team.preview': 'invalid_input',
    'team.import': 'invalid_input',
    'conflicts.resolve': 'not_found',
  },

  cases: (w) => {
    const unknown = newId();
    const exportInput = { auditId: w.plannedId, identityId: w.x.identityId!, unlock: PASS, by: '' };
    const resolve = {
      auditId: w.plannedId,
      table: 'checklist_items',
      rowId: w.itemId,
      field: 'notes',
      choice: { kind: 'value', value: 'x' },
    };
    return {
      'team.status': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'team.estimate': [
        ['an unknown audit', { auditId: unknown }, 'not_found'],
        ['a signing identity (an estimate never signs)', { auditId: w.plannedId, identityId: w.x.identityId! }],
      ],
      'team.export': [
        ['an unknown audit', { ...exportInput, auditId: unknown }, 'not_found'],
        ['an unknown identity', { ...exportInput, identityId: unknown }, 'not_found'],
        [
          'a wrong passphrase',
          { ...exportInput, unlock: { kind: 'passphrase', passphrase: 'wrong one' } },
          'wrong_passphrase',
        ],
        ['no unlock', { ...exportInput, unlock: undefined }],
      ],
      'team.read': [['a negative offset', { fileId: 'x', offset: -1, length: 10 }]],
      'team.uploadBegin': [
        ['an empty file', { name: 'a.fwpkg', size: 0 }],
        ['a 5 GB file', { name: 'a.fwpkg', size: 5 * 1024 ** 3 }],
        ['no name', { name: '', size: 10 }],
      ],
      'team.uploadChunk': [
        ['an unknown upload', { uploadId: 'no-such-upload', offset: 0, dataBase64: b64('1') }, 'not_found'],
        ['a chunk out of order', { uploadId: w.x.teamPendingUploadId!, offset: 4, dataBase64: b64('5678') }],
        ['more bytes than announced', { uploadId: w.x.teamPendingUploadId!, offset: 0, dataBase64: b64('123456789') }],
        ['junk base64', { uploadId: w.x.teamPendingUploadId!, offset: 0, dataBase64: '!!!not base64!!!' }],
      ],
      'team.uploadAbort': [['an unknown upload', { uploadId: 'no-such-upload' }, 'not_found']],
      'team.preview': [
        ['an unknown upload', { uploadId: 'no-such-upload' }, 'not_found'],
        ['an upload still missing bytes', { uploadId: w.x.teamPendingUploadId! }],
      ],
      'team.import': [
        ['an unknown upload', { uploadId: 'no-such-upload' }, 'not_found'],
        ['a fingerprint that is no fingerprint', { uploadId: w.x.teamReadyUploadId!, acceptFingerprint: 'AB:CD' }],
      ],
      'team.previewStart': [
        ['an unknown upload', { uploadId: 'no-such-upload' }, 'not_found'],
        ['an upload still missing bytes', { uploadId: w.x.teamPendingUploadId! }],
      ],
      'team.importStart': [
        ['an unknown upload', { uploadId: 'no-such-upload' }, 'not_found'],
        ['a fingerprint that is no fingerprint', { uploadId: w.x.teamReadyUploadId!, acceptFingerprint: 'AB:CD' }],
      ],
      'team.jobStatus': [['an unknown job', { jobId: 'no-such-job' }, 'not_found']],
      'team.jobCancel': [['an unknown job', { jobId: 'no-such-job' }, 'not_found']],
      'conflicts.list': [
        ['an unknown audit', { auditId: unknown }, 'not_found'],
        ['a page of 10,000', { auditId: w.plannedId, limit: 10_000 }],
      ],
      'conflicts.resolve': [
        ['an unknown audit', { ...resolve, auditId: unknown }, 'not_found'],
        ['a table that is not shared', { ...resolve, table: 'signing_identities' }, 'not_found'],
        ['a row of another audit', { ...resolve, rowId: w.closedItemId }, 'not_found'],
        ['an unknown choice', { ...resolve, choice: { kind: 'merge' } }],
        ['a value that is an object', { ...resolve, choice: { kind: 'value', value: { a: 1 } } }],
      ],
    };
  },
};
