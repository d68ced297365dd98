import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupCounts } from '#shared/domain/backup';
import { blobPath, thumbPath } from '../evidence/store';
import { fileNameOf, type FolderCipher } from '../crypto/file-cipher-folder';
import { plainSizeOf } from '../crypto/file-cipher';
import { issuedPath } from '../export/jobs';
import { keyConnection } from '../crypto/db-key';
import { DATABASE_MEMBER, DEVICE_MEMBER, KEY_MEMBER } from './manifest';
import type { SourceMember } from './archive';

/** What a snapshot of the database refers to: the evidence files and issued copies a restore needs. */
export interface SnapshotContents {
  schemaVersion: number;
  counts: Omit<BackupCounts, 'evidenceFiles' | 'evidenceBytes' | 'reports' | 'missingFiles'>;
  evidence: string[];
  reports: string[];
}

/**
 * Reads a snapshot (any schema version since the first). It becomes a
 * self-contained file first (rollback journal, no -wal beside it): what goes
 * into the backup is this one file; opening the restored folder turns WAL on.
 */
export function readSnapshot(file: string, dataKey: Buffer | null = null): SnapshotContents {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (dataKey) keyConnection(db, dataKey);
    db.pragma('journal_mode = DELETE');
    // Claims are this process's bookkeeping (its own backup's among them): a restored folder starts without.
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'evidence_placements'").get()) {
      db.exec('DELETE FROM evidence_placements');
    }
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const count = (table: string) =>
      tables.has(table) ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0;
    const digests = (sql: string, table: string) =>
      tables.has(table) ? (db.prepare(sql).pluck().all() as string[]) : [];
    return {
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      counts: { clients: count('clients'), audits: count('audits'), findings: count('findings') },
      evidence: digests('SELECT DISTINCT sha256 FROM evidence ORDER BY sha256', 'evidence'),
      reports: digests('SELECT DISTINCT sha256 FROM report_issues ORDER BY sha256', 'report_issues'),
    };
  } finally {
    db.close();
  }
}

const sizeOf = (path: string): number | null => {
  try {
    return statSync(path).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
};

/**
 * The members of a backup of `dataDir` whose database is the snapshot file:
 * the snapshot, the device id (a restored folder goes on as the same device),
 * every evidence file and its thumbnail, and every issued report copy. A
 * file the database refers to but the folder lacks is counted, not invented.
 */
export function backupMembers(
  dataDir: string,
  snapshot: string,
  contents: SnapshotContents,
  /** An encrypted folder's keys: its files are copied sealed as they are, under their stored (HMAC) names. */
  cipher: FolderCipher | null = null,
): { members: SourceMember[]; counts: BackupCounts } {
  const members: SourceMember[] = [
    { path: DATABASE_MEMBER, source: snapshot, size: statSync(snapshot).size, compress: true },
  ];
  const device = join(dataDir, 'device-id');
  if (existsSync(device))
    members.push({ path: DEVICE_MEMBER, source: device, size: statSync(device).size, compress: false });
  // An encrypted folder's snapshot is encrypted under its key: the backup carries the key file, wrapped as it is.
  const keyFile = join(dataDir, KEY_MEMBER);
  if (existsSync(keyFile)) {
    members.push({ path: KEY_MEMBER, source: keyFile, size: statSync(keyFile).size, compress: false });
  }
  let missingFiles = 0;
  let evidenceFiles = 0;
  let evidenceBytes = 0;
  for (const sha of contents.evidence) {
    const name = fileNameOf(cipher, sha);
    const prefix = `evidence/blobs/${name.slice(0, 2)}/${name}`;
    const blob = blobPath(dataDir, sha, cipher);
    const size = sizeOf(blob);
    if (size === null) {
      missingFiles++;
      continue;
    }
    evidenceFiles++;
    evidenceBytes += cipher ? plainSize(size) : size;
    members.push({ path: prefix, source: blob, size, compress: false });
    const thumb = thumbPath(dataDir, sha, cipher);
    const thumbSize = sizeOf(thumb);
    if (thumbSize !== null) {
      members.push({
        path: `evidence/thumbs/${name.slice(0, 2)}/${name}.jpg`,
        source: thumb,
        size: thumbSize,
        compress: false,
      });
    }
  }
  let reports = 0;
  for (const sha of contents.reports) {
    const file = issuedPath(dataDir, sha, cipher);
    const size = sizeOf(file);
    if (size === null) {
      missingFiles++;
      continue;
    }
    reports++;
    members.push({ path: `reports/${fileNameOf(cipher, sha)}.docx`, source: file, size, compress: false });
  }
  return { members, counts: { ...contents.counts, evidenceFiles, evidenceBytes, reports, missingFiles } };
}

/** A sealed file's plaintext size (what the database records), or its stored size if it is not well formed. */
function plainSize(sealed: number): number {
  try {
    return plainSizeOf(sealed);
  } catch {
    return sealed;
  }
}
