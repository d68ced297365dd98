import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { backupService } from '#core/backup/service';
import { value } from '../../../helpers/backend';
import type { MalformedExtension } from './types';

/** Where valid restores go: a new folder each time, under one parent made here. */
const RESTORES = join(tmpdir(), 'fieldwork-malformed-restores');

/**
 * Backups: the seed makes one (and waits for it, so no job writes while the
 * cases compare the database); refused inputs start no job.
 */
export const backupCases: MalformedExtension = {
  async seed(backend, w) {
    mkdirSync(RESTORES, { recursive: true });
    const sessions = await backupCases.sessions!(backend, w);
    const list = value(await backend.call('backups.list', {}));
    return { backupId: list.backups[0]!.id, ...sessions };
  },

  /** A finished backup job (jobs live in memory, so a copied folder has none until one is made), and the folder. */
  async sessions(backend) {
    const job = value(await backend.call('backups.create', {}));
    await backupService(backend.context).whenIdle();
    // This backend's own folder: the tests run on copies of the seeded one.
    const { folder } = value(await backend.call('backups.list', {}));
    return { backupJobId: job.id, dataDir: dirname(folder) };
  },

  valid: (w) => ({
    'backups.list': {},
    'backups.create': { reason: 'daily' },
    'backups.status': { jobId: w.x.backupJobId! },
    'backups.cancel': { jobId: w.x.backupJobId! },
    'backups.restore': { backupId: w.x.backupId!, targetDir: join(RESTORES, randomUUID()) },
    'backups.settings': { keep: 10 },
  }),

  cases: (w) => ({
    'backups.create': [['an unknown reason', { reason: 'weekly' }]],
    'backups.status': [['an unknown job', { jobId: 'no-such-job' }, 'not_found']],
    'backups.cancel': [['an unknown job', { jobId: 'no-such-job' }, 'not_found']],
    'backups.restore': [
      [
        'a backup that does not exist',
        { backupId: w.x.backupId!.replace(/-[0-9a-f]{4}\./, '-0000.'), targetDir: join(RESTORES, 'a') },
        'not_found',
      ],
      ['a name that leaves the backups folder', { backupId: `../${w.x.backupId}`, targetDir: join(RESTORES, 'b') }],
      ['a file that is not a backup', { backupId: 'settings.json', targetDir: join(RESTORES, 'c') }],
      ['a relative folder', { backupId: w.x.backupId!, targetDir: 'restored' }],
      ['a blank folder', { backupId: w.x.backupId!, targetDir: '   ' }],
      [
        'a folder inside the data folder',
        { backupId: w.x.backupId!, targetDir: join(w.x.dataDir!, 'restored') },
        'conflict',
      ],
      ['the data folder itself', { backupId: w.x.backupId!, targetDir: w.x.dataDir! }, 'conflict'],
      ['a folder that holds files', { backupId: w.x.backupId!, targetDir: tmpdir() }, 'conflict'],
      [
        'a folder whose parent does not exist',
        { backupId: w.x.backupId!, targetDir: join(RESTORES, 'no', 'such') },
        'not_found',
      ],
    ],
    'backups.settings': [
      ['keeping none', { keep: 0 }],
      ['keeping 1001', { keep: 1001 }],
      ['keeping 2.5', { keep: 2.5 }],
    ],
  }),
};
