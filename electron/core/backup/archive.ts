/**
 * The backup file itself, and the only code that writes or reads one: a ZIP
 * (yazl writes it streaming, ZIP64 past 4 GB; the bounded reader of
 * files/unzip-file.ts reads it) whose `manifest.json`, the last entry, lists
 * every other member with its size and SHA-256. An encryption layer wraps
 * these two functions and nothing else.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile as ZipWriter } from 'yazl';
import { DomainError } from '#shared/api/result';
import { openZipFile, type ZipFile } from '../files/unzip-file';
import { ZipRefused } from '../files/unzip';
import { BackupManifest, MANIFEST_MEMBER, MEMBER_PATH, type ManifestMember } from './manifest';
import { SEALED_MAGIC_BYTES, isSealedHeader } from '../crypto/file-cipher';
import { backupStorageError, fsyncDir } from './storage';

export interface SourceMember {
  /** Its name inside the backup (MEMBER_PATH). */
  path: string;
  /** The file it is read from. */
  source: string;
  size: number;
  /** Deflate it (the database); evidence is mostly JPEG and PDF, which do not shrink. */
  compress: boolean;
}

export interface Progress {
  signal?: AbortSignal;
  /** Bytes of members read so far (writing) or checked so far (reading). */
  onBytes?(bytes: number): void;
}

/**
 * Writes `target` from the members, hashing each on its way in, then the
 * manifest `manifestFor` makes of their records. Atomic: a temp file beside
 * the target, fsynced, renamed, the folder fsynced; on any failure (a member
 * gone, disk full, cancelled) the temp file is removed and nothing is left.
 */
export async function writeBackupFile(
  target: string,
  members: readonly SourceMember[],
  manifestFor: (records: ManifestMember[]) => BackupManifest,
  progress: Progress = {},
): Promise<{ size: number; manifest: BackupManifest }> {
  const temp = join(dirname(target), `.${basename(target)}.part`);
  const records: ManifestMember[] = [];
  let manifest: BackupManifest | undefined;
  const zip = new ZipWriter();
  const zipFailed = new Promise<never>((_, reject) => zip.on('error', reject));
  zipFailed.catch(() => undefined);
  for (const m of members) {
    zip.addReadStreamLazy(m.path, { size: m.size, compress: m.compress, mtime: new Date(0) }, (done) => {
      const hash = createHash('sha256');
      let size = 0;
      const hashing = new Transform({
        transform(chunk: Buffer, _enc, next) {
          hash.update(chunk);
          size += chunk.length;
          progress.onBytes?.(chunk.length);
          next(null, chunk);
        },
        flush(next) {
          records.push({ path: m.path, size, sha256: hash.digest('hex') });
          next();
        },
      });
      const file = createReadStream(m.source);
      file.on('error', (e) => hashing.destroy(e));
      file.pipe(hashing);
      done(null, hashing);
    });
  }
  // Called once every member before it has streamed through, so the records are complete.
  zip.addReadStreamLazy(MANIFEST_MEMBER, { compress: true, mtime: new Date(0) }, (done) => {
    manifest = BackupManifest.parse(manifestFor(records));
    done(null, Readable.from([Buffer.from(JSON.stringify(manifest, null, 1))]));
  });
  zip.end();
  try {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const out = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
    const writing = pipeline(zip.outputStream as Readable, out, { signal: progress.signal });
    try {
      await Promise.race([writing, zipFailed]);
    } catch (e) {
      (zip.outputStream as Readable).destroy();
      out.destroy();
      await writing.catch(() => undefined);
      throw e;
    }
    const handle = await open(temp, 'r+');
    let size: number;
    try {
      await handle.sync();
      size = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    await fsyncDir(dirname(target));
    return { size, manifest: manifest! };
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (progress.signal?.aborted) throw new DomainError('cancelled', 'The backup was cancelled; no file was kept.');
    throw backupStorageError(e, 'The backup could not be written');
  }
}

/** Why a file is not a backup this version can use, in words. */
export const damaged = (why: string) =>
  new DomainError('backup_damaged', `This backup cannot be used: ${why}. Nothing was restored.`);

// A backup holds every evidence file and its thumbnail: ten years of a certification body (30,000 photos) is
// 60,000 entries of ~150 directory bytes each, past the 16 MiB other ZIP files get. 512 MiB covers the most
// entries allowed at any name length an entry of ours has.
const LIMITS = { entries: 2_000_000, unpackedBytes: Number.MAX_SAFE_INTEGER, directoryBytes: 512 * 1024 * 1024 };
const MANIFEST_MAX = 256 * 1024 * 1024;

export interface OpenedBackup {
  manifest: BackupManifest;
  zip: ZipFile;
}

/** Opens a backup and reads its manifest; throws `backup_damaged` when it is not a readable backup. */
export async function openBackupFile(file: string): Promise<OpenedBackup> {
  let zip: ZipFile;
  try {
    zip = await openZipFile(file, LIMITS);
  } catch (e) {
    if (e instanceof ZipRefused) throw damaged('the file is not a complete Fieldwork backup (damaged or cut short)');
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DomainError('not_found', 'This backup file does not exist (it may have been deleted).');
    }
    throw backupStorageError(e, 'The backup could not be read');
  }
  try {
    const entry = zip.entries.find((e) => e.name === MANIFEST_MEMBER);
    if (!entry || entry.unpacked > MANIFEST_MAX) throw damaged('it has no list of its contents');
    let parsed: unknown;
    try {
      parsed = JSON.parse((await zip.read(entry)).toString('utf8'));
    } catch {
      throw damaged('its list of contents is damaged');
    }
    const format = (parsed as { format?: unknown } | null)?.format;
    if (typeof format === 'number' && format > 1) {
      throw new DomainError(
        'unsupported',
        'This backup was made by a newer version of Fieldwork. Update Fieldwork to restore it; nothing was restored.',
      );
    }
    const manifest = BackupManifest.safeParse(parsed);
    if (!manifest.success) throw damaged('its list of contents is not one Fieldwork wrote');
    return { manifest: manifest.data, zip };
  } catch (e) {
    await zip.close();
    throw e;
  }
}

/**
 * Unpacks every member into `dir` (which must exist and be empty), checking
 * each against the manifest: the set of members, each size and SHA-256, and
 * that every evidence file is named by its own hash. Throws
 * `backup_damaged` at the first difference; the caller removes `dir`.
 */
export async function extractBackup(opened: OpenedBackup, dir: string, progress: Progress = {}): Promise<void> {
  const { manifest, zip } = opened;
  const listed = new Map(manifest.members.map((m) => [m.path, m]));
  const inZip = zip.entries.filter((e) => e.name !== MANIFEST_MEMBER);
  if (listed.size !== manifest.members.length) throw damaged('its list of contents names a file twice');
  for (const entry of inZip) {
    if (!listed.has(entry.name) || !MEMBER_PATH.test(entry.name))
      throw damaged('it holds a file its list does not name');
  }
  if (inZip.length !== listed.size) throw damaged('a file its list names is missing');
  for (const entry of inZip) {
    progress.signal?.throwIfAborted();
    const member = listed.get(entry.name)!;
    const target = join(dir, ...entry.name.split('/'));
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const file = await open(target, 'wx', 0o600);
    try {
      for await (const chunk of zip.chunks(entry)) {
        progress.signal?.throwIfAborted();
        if (head.length < SEALED_MAGIC_BYTES) head = Buffer.concat([head, chunk]).subarray(0, SEALED_MAGIC_BYTES);
        hash.update(chunk);
        size += chunk.length;
        await file.write(chunk);
        progress.onBytes?.(chunk.length);
      }
      await file.sync();
    } catch (e) {
      if (e instanceof ZipRefused) throw damaged(`the file ${entry.name} inside it is damaged`);
      throw e;
    } finally {
      await file.close();
    }
    const sha = hash.digest('hex');
    if (size !== member.size || sha !== member.sha256) throw damaged(`the file ${entry.name} inside it was changed`);
    const named = /^evidence\/blobs\/[0-9a-f]{2}\/([0-9a-f]{64})$/.exec(entry.name)?.[1];
    // A sealed file (encrypted folder) is named by an HMAC only its data key can check; the manifest's digest still does.
    if (named && named !== sha && !isSealedHeader(head))
      throw damaged(`the evidence file ${entry.name} does not hold what its name says`);
  }
}
