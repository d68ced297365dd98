import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DomainError } from '#shared/api/result';
import type { BackupReason, BackupSummary } from '#shared/domain/backup';
import type { Db } from '../db/open';
import { writeBackupFile } from './archive';
import { BackupClaims } from './claims';
import { backupMembers, readSnapshot } from './contents';
import { BACKUP_FORMAT, KEY_MEMBER, type BackupManifest } from './manifest';
import { backupName, backupsDir } from './paths';
import { keyedSnapshot } from './keyed-snapshot';
import { backupStorageError } from './storage';
import type { FolderCipher } from '../crypto/file-cipher-folder';

export interface CreateOptions {
  dataDir: string;
  db: Db;
  reason: BackupReason;
  appVersion: string;
  /** Where to write it (`fieldwork backup --out`); default a new name in the data folder's backups/. */
  out?: string;
  /** A snapshot already taken (before a migration); default: one taken now with SQLite's online backup. */
  snapshot?: string;
  /** When the snapshot was taken (default now). */
  at?: Date;
  signal?: AbortSignal;
  onProgress?(fraction: number, stage: string): void;
  /** An encrypted folder's keys (its files are named by HMAC); null for a plain folder. */
  cipher?: FolderCipher | null;
  /** An encrypted folder's data key: the snapshot is made encrypted under it (keyed-snapshot.ts). */
  dataKey?: Buffer | null;
}

export const summaryOf = (id: string, size: number, m: BackupManifest): BackupSummary => ({
  id,
  createdAt: m.createdAt,
  reason: m.reason,
  appVersion: m.appVersion,
  schemaVersion: m.schemaVersion,
  size,
  counts: m.counts,
  encrypted: m.members.some((member) => member.path === KEY_MEMBER),
});

/**
 * One backup: the database through SQLite's online backup API (a consistent
 * copy while the app keeps running) plus the evidence files and issued copies
 * that copy refers to, written to one file (archive.ts). Those files are
 * claimed first so collection cannot delete one a concurrent operation
 * detaches before it is copied. Work files live in a private folder under
 * backups/ and are gone afterwards, whatever happens.
 */
export async function createBackup(opts: CreateOptions): Promise<{ file: string; summary: BackupSummary }> {
  const dir = backupsDir(opts.dataDir);
  const work = join(dir, `.work-${randomBytes(6).toString('hex')}`);
  const claims = new BackupClaims(opts.db);
  const at = opts.at ?? new Date();
  const report = (fraction: number, stage: string) => opts.onProgress?.(fraction, stage);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // Not recursive: Node answers a recursive mkdir on a read-only disk with ENOENT rather than EROFS.
    await mkdir(work, { mode: 0o700 });
    // Before the copy: the attachments of now stay on disk until the end, even if detached meanwhile.
    claims.claim(claims.liveDigests());
    let snapshot = opts.snapshot;
    if (!snapshot) {
      snapshot = join(work, 'fieldwork.sqlite');
      report(0, 'Database');
      if (opts.dataKey) await keyedSnapshot(opts.db.name, snapshot, opts.dataKey, opts.signal);
      else
        await opts.db.backup(snapshot, {
          progress: ({ totalPages, remainingPages }) => {
            opts.signal?.throwIfAborted();
            report(totalPages > 0 ? (0.1 * (totalPages - remainingPages)) / totalPages : 0, 'Database');
            return 256;
          },
        });
    }
    opts.signal?.throwIfAborted();
    const contents = readSnapshot(snapshot, opts.dataKey ?? null);
    // Attachments added between the claim and the copy: the copy refers to them, so they are kept too.
    claims.claim(contents.evidence);
    const { members, counts } = backupMembers(opts.dataDir, snapshot, contents, opts.cipher ?? null);
    const total = members.reduce((n, m) => n + m.size, 0) || 1;
    let done = 0;
    const target = opts.out ?? join(dir, backupName(opts.reason, at));
    const { size, manifest } = await writeBackupFile(
      target,
      members,
      (records) => ({
        app: 'fieldwork',
        format: BACKUP_FORMAT,
        createdAt: at.toISOString(),
        reason: opts.reason,
        appVersion: opts.appVersion,
        schemaVersion: contents.schemaVersion,
        counts,
        members: records,
      }),
      {
        signal: opts.signal,
        onBytes: (n) => {
          done += n;
          report(0.1 + (0.9 * done) / total, 'Files');
        },
      },
    );
    report(1, 'Done');
    return { file: target, summary: summaryOf(basename(target), size, manifest) };
  } catch (e) {
    if (opts.signal?.aborted) throw new DomainError('cancelled', 'The backup was cancelled; no file was kept.');
    throw backupStorageError(e, 'The backup could not be made');
  } finally {
    claims.release();
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}
