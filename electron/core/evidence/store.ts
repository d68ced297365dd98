import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError } from '#shared/api/result';
import type { Db } from '../db/open';
import { lightTransaction } from '../db/light-transaction';
import { fileNameOf, type FolderCipher } from '../crypto/file-cipher-folder';
import { sealInPlace } from '../crypto/file-cipher-convert';

/**
 * The content-addressed evidence store under <dataDir>/evidence:
 *   blobs/<sha[0:2]>/<sha256>       the files, named by their SHA-256, no extension
 *   thumbs/<sha[0:2]>/<sha256>.jpg  small previews of images
 *   tmp/                            files being received; anything here at start-up is a leftover
 * In an encrypted folder the files are sealed and named by an HMAC of the digest instead (see blobPath).
 * A file enters blobs/ only complete and fsynced (rename of a temp file), and
 * before its database row; rows are deleted before their files. So a crash can
 * leave only unreferenced files behind, which start-up removes.
 *
 * Several processes may share the folder (app, preview host, CLI). Before a
 * file is placed (moved in, or found already there) its digest is claimed in
 * evidence_placements by a committed row, and the claim is settled in the
 * transaction that writes the attachment. Files are deleted only inside a
 * write transaction that finds neither an attachment nor a claim for the
 * digest, and the unlink happens before that transaction ends: so no process
 * can claim a digest between the check and the delete.
 */

const SHA = /^[0-9a-f]{64}$/;
/**
 * A claim older than this belongs to a process that died (or slept) mid-add,
 * and collection may take its file; adds take seconds. An expired claim never
 * yields a row without its file: settle() then checks the file is still there.
 */
export const PLACEMENT_GRACE_MS = 60 * 60 * 1000;
/** Digests handled per write transaction, so other processes never wait long for the database. */
const BATCH = 500;
const evidenceDir = (dataDir: string) => join(dataDir, 'evidence');

/**
 * In an encrypted folder (`cipher` given) the files are sealed (crypto/file-cipher.ts) and named by an HMAC of
 * their digest (crypto/file-names.ts): the same 64-hex shape, sharded by its first two digits.
 */
export const blobPath = (dataDir: string, sha256: string, cipher: FolderCipher | null = null): string => {
  const name = fileNameOf(cipher, sha256);
  return join(evidenceDir(dataDir), 'blobs', name.slice(0, 2), name);
};
export const thumbPath = (dataDir: string, sha256: string, cipher: FolderCipher | null = null): string => {
  const name = fileNameOf(cipher, sha256);
  return join(evidenceDir(dataDir), 'thumbs', name.slice(0, 2), `${name}.jpg`);
};

/** File-system failures become one clear, user-facing 'storage' error (never quoting paths or names). */
export function storageError(e: unknown, action = 'The file could not be stored'): DomainError {
  if (e instanceof DomainError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DomainError('storage', `${action}: the disk is full. Free some space and try again; nothing was added.`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new DomainError(
      'storage',
      `${action}: Fieldwork may not write to its evidence folder (${code}). Nothing was added.`,
    );
  }
  return new DomainError('storage', `${action} (${code}). Nothing was added.`);
}

/** Makes a rename or a new directory entry durable. Windows cannot open folders, and NTFS journals renames. */
async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Collects folders whose renames still need an fsync (see EvidenceStore.place). */
export interface DirSink {
  add(dir: string): void;
}

export class EvidenceStore {
  readonly tmpDir: string;
  /** Shard folders known to exist. */
  private readonly shards = new Set<string>();
  private readonly queued;
  private readonly used;
  private readonly claimed;
  private readonly enqueue;
  private readonly dequeue;
  private readonly insertClaim;
  private readonly deleteClaim;
  private readonly anyExpired;
  private readonly expired;

  constructor(
    readonly dataDir: string,
    private readonly db: Db,
    /** The folder's keys when it is encrypted: files are then sealed and named by HMAC. */
    readonly cipher: FolderCipher | null = null,
  ) {
    this.tmpDir = join(evidenceDir(dataDir), 'tmp');
    this.queued = db.prepare(`SELECT sha256 FROM evidence_gc LIMIT ${BATCH}`).pluck();
    this.used = db.prepare('SELECT 1 FROM evidence WHERE sha256 = ? LIMIT 1').pluck();
    this.claimed = db.prepare('SELECT 1 FROM evidence_placements WHERE sha256 = ? LIMIT 1').pluck();
    this.enqueue = db.prepare('INSERT OR IGNORE INTO evidence_gc (sha256) VALUES (?)');
    this.dequeue = db.prepare('DELETE FROM evidence_gc WHERE sha256 = ?');
    this.insertClaim = db.prepare('INSERT INTO evidence_placements (id, sha256, placed_at) VALUES (?, ?, ?)');
    this.deleteClaim = db.prepare('DELETE FROM evidence_placements WHERE id = ?');
    this.anyExpired = db.prepare('SELECT 1 FROM evidence_placements WHERE placed_at < ? LIMIT 1').pluck();
    this.expired = db.prepare(`SELECT id, sha256 FROM evidence_placements WHERE placed_at < ? LIMIT ${BATCH}`);
  }

  blobPath(sha256: string): string {
    return blobPath(this.dataDir, sha256, this.cipher);
  }

  thumbPath(sha256: string): string {
    return thumbPath(this.dataDir, sha256, this.cipher);
  }

  /** A new, private temp file for incoming bytes. */
  async tempFile(): Promise<{ path: string; handle: FileHandle }> {
    const path = join(this.tmpDir, `${randomBytes(12).toString('hex')}.part`);
    try {
      return { path, handle: await open(path, 'wx', 0o600) };
    } catch (e) {
      // Start-up made the folder; only if someone removed it since is it made again.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError(e);
    }
    try {
      await mkdir(this.tmpDir, { recursive: true, mode: 0o700 });
      return { path, handle: await open(path, 'wx', 0o600) };
    } catch (e) {
      throw storageError(e);
    }
  }

  /**
   * Records, committed and so seen by every process, that this one is about
   * to place `sha256`; until settled or released, no process deletes its
   * files. Answers the claim's id. Call before place().
   */
  claim(sha256: string): string {
    return this.claimMany([sha256])[0]!;
  }

  /** claim() for several files in one transaction (a group of uploads); the ids in the same order. */
  claimMany(sha256s: readonly string[]): string[] {
    const ids = sha256s.map(() => randomUUID());
    const now = Date.now();
    if (ids.length > 0)
      lightTransaction(this.db, () => sha256s.forEach((sha, i) => this.insertClaim.run(ids[i], sha, now)));
    return ids;
  }

  /**
   * Inside the transaction that writes the digest's row: ends the claim. If
   * the claim expired meanwhile (PLACEMENT_GRACE_MS), collection may have
   * taken the file; it cannot now, as this transaction holds the write lock,
   * so the file's presence decides.
   */
  settle(claimId: string, sha256: string): void {
    if (this.deleteClaim.run(claimId).changes === 1) return;
    if (!existsSync(this.blobPath(sha256))) {
      throw new DomainError(
        'storage',
        'The file was cleaned up from the evidence folder while it was being added, which took unusually long. ' +
          'Nothing was added; add it again.',
      );
    }
  }

  /** Ends a claim whose row was not written (the add failed): the file is queued for collection. */
  release(claimId: string, sha256: string): void {
    try {
      lightTransaction(this.db, () => {
        this.deleteClaim.run(claimId);
        this.enqueue.run(sha256);
      });
    } catch {
      // The backend closed meanwhile: the claim expires, and a later start-up finds the unreferenced file.
    }
  }

  /**
   * Moves a complete, fsynced temp file to `target`. If the target exists it
   * holds the same bytes (same digest), so the temp is dropped. The temp is
   * gone afterwards in every case. Callers claim the digest first.
   *
   * The rename is made durable by fsyncing its folder: here, or — given
   * `syncLater` — by the caller, once for a whole batch of files (syncDirs),
   * before their rows are written.
   */
  async place(tempPath: string, target: string, syncLater?: DirSink): Promise<'stored' | 'existing'> {
    try {
      const dir = dirname(target);
      // 256 shard folders at most: once seen, not asked for again.
      let created = this.shards.has(dir) ? undefined : await mkdir(dir, { recursive: true, mode: 0o700 });
      this.shards.add(dir);
      if (await exists(target)) {
        await rm(tempPath, { force: true });
        return 'existing';
      }
      await rename(tempPath, target).catch(async (e: NodeJS.ErrnoException) => {
        // The shard folder vanished behind our back (deleted by hand): make it again.
        if (e.code !== 'ENOENT') throw e;
        created = await mkdir(dir, { recursive: true, mode: 0o700 });
        await rename(tempPath, target);
      });
      // A new <sha[0:2]> folder is itself an entry of its parent.
      const dirs = created ? [dir, dirname(dir)] : [dir];
      if (syncLater) for (const d of dirs) syncLater.add(d);
      else await this.syncDirs(dirs);
      return 'stored';
    } catch (e) {
      await rm(tempPath, { force: true }).catch(() => undefined);
      throw storageError(e);
    }
  }

  /** Fsyncs folders together: the file system commits their pending renames in one journal flush. */
  async syncDirs(dirs: Iterable<string>): Promise<void> {
    try {
      await Promise.all([...dirs].map(fsyncDir));
    } catch (e) {
      throw storageError(e);
    }
  }

  /**
   * Drains the collection queue: a digest's files are deleted once no row uses
   * it and no process claims it. Each batch is decided and unlinked inside one
   * write transaction, so no claim or row can appear between check and
   * delete, in this process or another. Cheap when there is nothing to do (two
   * indexed lookups), so it runs after every operation.
   */
  collect(): void {
    this.expireClaims();
    for (;;) {
      const batch = this.queued.all() as string[];
      if (batch.length === 0) return;
      let progressed = false;
      this.db
        .transaction(() => {
          for (const sha of batch) {
            if (this.claimed.get(sha)) continue;
            if (!SHA.test(sha) || this.used.get(sha) || this.deleteFiles(sha)) {
              this.dequeue.run(sha);
              progressed = true;
            }
          }
        })
        .immediate();
      if (batch.length < BATCH || !progressed) return;
    }
  }

  /** Claims past the grace period (their process died mid-add) end, and their digests are queued. */
  private expireClaims(): void {
    const cutoff = Date.now() - PLACEMENT_GRACE_MS;
    while (this.anyExpired.get(cutoff)) {
      lightTransaction(this.db, () => {
        for (const { id, sha256 } of this.expired.all(cutoff) as { id: string; sha256: string }[]) {
          this.deleteClaim.run(id);
          this.enqueue.run(sha256);
        }
      });
    }
  }

  ensureDirs(): void {
    for (const sub of ['blobs', 'thumbs', 'tmp']) {
      mkdirSync(join(evidenceDir(this.dataDir), sub), { recursive: true, mode: 0o700 });
    }
  }

  /**
   * Start-up: leftovers of interrupted uploads go, the queue is drained, and
   * files no row refers to (a crash between placing a file and writing its
   * row) are removed, unless claimed. Synchronous: it runs before the first
   * operation. Only the data-folder lock holder runs it (temp files).
   */
  sweep(): void {
    this.ensureDirs();
    for (const name of readdirSync(this.tmpDir)) rmSync(join(this.tmpDir, name), { recursive: true, force: true });
    this.collect();
    // Encrypted names cannot be turned back into digests: the names of every used or claimed digest are computed
    // instead (about a microsecond each), and a file is an orphan when its name is not among them.
    const known = this.cipher ? this.knownNames() : null;
    const isKnown = (name: string) => (known ? known.has(name) : this.used.get(name) || this.claimed.get(name));
    const orphans: { name: string; path: string }[] = [];
    for (const kind of ['blobs', 'thumbs'] as const) {
      const base = join(evidenceDir(this.dataDir), kind);
      for (const entry of readdirSync(base, { withFileTypes: true })) {
        const prefix = entry.name;
        if (!entry.isDirectory() || !/^[0-9a-f]{2}$/.test(prefix)) continue;
        for (const file of readdirSync(join(base, prefix))) {
          const name = kind === 'blobs' ? file : file.replace(/\.jpg$/, '');
          if (!SHA.test(name) || isKnown(name)) continue;
          const path = join(base, prefix, file);
          // A plain file named by a digest in use: the folder was plain until now (its database just encrypted).
          if (known && known.has(fileNameOf(this.cipher, name))) {
            const target = kind === 'blobs' ? this.blobPath(name) : this.thumbPath(name);
            sealInPlace(path, target, this.tmpDir, this.cipher!.file);
            continue;
          }
          orphans.push({ name, path });
        }
      }
    }
    // Decided again under the write lock: another process may have claimed or used a digest since.
    for (let i = 0; i < orphans.length; i += BATCH) {
      this.db
        .transaction(() => {
          const again = this.cipher && this.knownNames();
          for (const { name, path } of orphans.slice(i, i + BATCH)) {
            if (!(again ? again.has(name) : isKnown(name))) rmSync(path, { force: true });
          }
        })
        .immediate();
    }
  }

  /** The stored names of every digest a row uses or a process claims (encrypted folders). */
  private knownNames(): Set<string> {
    const shas = this.db
      .prepare('SELECT sha256 FROM evidence UNION SELECT sha256 FROM evidence_placements')
      .pluck()
      .all() as string[];
    return new Set(shas.map((sha) => fileNameOf(this.cipher, sha)));
  }

  private deleteFiles(sha: string): boolean {
    try {
      rmSync(this.blobPath(sha), { force: true });
      rmSync(this.thumbPath(sha), { force: true });
      return true;
    } catch (e) {
      // Kept queued for the next pass; the code only, paths may name client files.
      process.stderr.write(`fieldwork: could not delete an evidence file (${(e as NodeJS.ErrnoException).code})\n`);
      return false;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}
