import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError } from '#shared/api/result';
import type { Db } from '../db/open';

/**
 * The content-addressed evidence store under <dataDir>/evidence:
 *   blobs/<sha[0:2]>/<sha256>       the files, named by their SHA-256, no extension
 *   thumbs/<sha[0:2]>/<sha256>.jpg  small previews of images
 *   tmp/                            files being received; anything here at start-up is a leftover
 * A file enters blobs/ only complete and fsynced (rename of a temp file), and
 * before its database row; rows are deleted before their files. So a crash can
 * leave only unreferenced files behind, which start-up removes.
 */

const SHA = /^[0-9a-f]{64}$/;
const evidenceDir = (dataDir: string) => join(dataDir, 'evidence');

export const blobPath = (dataDir: string, sha256: string): string =>
  join(evidenceDir(dataDir), 'blobs', sha256.slice(0, 2), sha256);
export const thumbPath = (dataDir: string, sha256: string): string =>
  join(evidenceDir(dataDir), 'thumbs', sha256.slice(0, 2), `${sha256}.jpg`);

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
  /** Digests being added right now (file placed, row not yet written): never collected. Counted, as two uploads may share one. */
  private readonly pins = new Map<string, number>();
  /** Shard folders known to exist. */
  private readonly shards = new Set<string>();
  private readonly queued;
  private readonly used;
  private readonly dequeue;

  constructor(
    readonly dataDir: string,
    private readonly db: Db,
  ) {
    this.tmpDir = join(evidenceDir(dataDir), 'tmp');
    this.queued = db.prepare('SELECT sha256 FROM evidence_gc LIMIT 500').pluck();
    this.used = db.prepare('SELECT 1 FROM evidence WHERE sha256 = ? LIMIT 1').pluck();
    this.dequeue = db.prepare('DELETE FROM evidence_gc WHERE sha256 = ?');
  }

  blobPath(sha256: string): string {
    return blobPath(this.dataDir, sha256);
  }

  thumbPath(sha256: string): string {
    return thumbPath(this.dataDir, sha256);
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

  pin(sha256: string): void {
    this.pins.set(sha256, (this.pins.get(sha256) ?? 0) + 1);
  }

  /** Releases a pin; if no row took the digest (the add failed), its file is queued for collection. */
  unpin(sha256: string): void {
    const n = (this.pins.get(sha256) ?? 1) - 1;
    if (n > 0) this.pins.set(sha256, n);
    else this.pins.delete(sha256);
    if (n > 0) return;
    try {
      if (!this.used.get(sha256)) this.db.prepare('INSERT OR IGNORE INTO evidence_gc (sha256) VALUES (?)').run(sha256);
    } catch {
      // The backend closed meanwhile: the next start-up finds the unreferenced file.
    }
  }

  /**
   * Moves a complete, fsynced temp file to `target`. If the target exists it
   * holds the same bytes (same digest), so the temp is dropped. The temp is
   * gone afterwards in every case. Callers pin the digest first.
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
   * it and no add holds a pin. Synchronous on purpose: the check and the
   * delete cannot interleave with an add pinning the same digest. Cheap when
   * the queue is empty (one indexed lookup), so it runs after every operation.
   */
  collect(): void {
    for (;;) {
      const batch = this.queued.all() as string[];
      let progressed = false;
      for (const sha of batch) {
        if (this.pins.has(sha)) continue;
        if (!SHA.test(sha) || this.used.get(sha) || this.deleteFiles(sha)) {
          this.dequeue.run(sha);
          progressed = true;
        }
      }
      if (batch.length < 500 || !progressed) return;
    }
  }

  /**
   * Start-up: leftovers of interrupted uploads go, the queue is drained, and
   * files no row refers to (a crash between placing a file and writing its
   * row) are removed. Synchronous: it runs before the first operation.
   */
  ensureDirs(): void {
    for (const sub of ['blobs', 'thumbs', 'tmp']) {
      mkdirSync(join(evidenceDir(this.dataDir), sub), { recursive: true, mode: 0o700 });
    }
  }

  sweep(): void {
    this.ensureDirs();
    for (const name of readdirSync(this.tmpDir)) rmSync(join(this.tmpDir, name), { recursive: true, force: true });
    this.collect();
    for (const kind of ['blobs', 'thumbs'] as const) {
      const base = join(evidenceDir(this.dataDir), kind);
      for (const entry of readdirSync(base, { withFileTypes: true })) {
        const prefix = entry.name;
        if (!entry.isDirectory() || !/^[0-9a-f]{2}$/.test(prefix)) continue;
        for (const name of readdirSync(join(base, prefix))) {
          const sha = kind === 'blobs' ? name : name.replace(/\.jpg$/, '');
          if (!SHA.test(sha) || this.used.get(sha) || this.pins.has(sha)) continue;
          rmSync(join(base, prefix, name), { force: true });
        }
      }
    }
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
