import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { OpOutput, OpParsed } from '#shared/api/contract';
import { FILE_CHUNK_MAX } from '#shared/domain/report';
import type { RepoContext } from '../repos/context';
import { teamFiles } from '../sync/team-files';
import { byteChannel, decodeChunk } from './channel';
import { folderCipher } from '../crypto/file-cipher-folder';
import { FileSink, type PlainCopies } from './file-sink';
import type { UploadKind, UploadSessions } from './uploads';

const PACKAGE: UploadKind = {
  maxOpen: 8,
  gone: 'This package upload no longer exists (it was cancelled or timed out); send it again.',
  busy: 'Too many package uploads are in progress; cancel one, then try again.',
};

/**
 * Where the plaintext copies of one data folder's sealed package uploads go: the system's temp folder, in
 * folders named for the data folder (so its next start finds a crashed run's), never inside the data folder.
 */
const copiesPrefix = (dataDir: string) =>
  `fieldwork-packages-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}-`;

/**
 * Start-up, when this process alone uses the data folder: plaintext copies a crashed run left in the temp folder
 * are removed (the sealed uploads themselves go with exports/).
 */
export function sweepPackageCopies(dataDir: string): void {
  const prefix = copiesPrefix(dataDir);
  let names: string[] = [];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/**
 * Team packages sent from the app (it has no file paths): each goes through
 * the byte channel to a private file under the data folder's exports, kept
 * for preview and import until imported, cancelled or idle too long. In an
 * encrypted folder the file is sealed as it arrives (a package holds an
 * audit's records and evidence); preview and import read a plaintext copy in
 * the system's temp folder, removed with the upload.
 */
export class PackageUploads {
  private copiesDir: Promise<string> | null = null;
  private readonly copies: PlainCopies = {
    dir: () => (this.copiesDir ??= mkdtemp(join(tmpdir(), copiesPrefix(this.ctx.dataDir)))),
  };

  constructor(
    private readonly ctx: RepoContext,
    private readonly sessions: UploadSessions,
  ) {}

  async begin({ size }: OpParsed<'team.uploadBegin'>): Promise<OpOutput<'team.uploadBegin'>> {
    const { path } = await teamFiles(this.ctx).reserve();
    const cipher = folderCipher(this.ctx);
    const sink = await FileSink.create(path, cipher ? { key: cipher.file, copies: this.copies } : null);
    return { uploadId: this.sessions.open(PACKAGE, size, sink), chunkBytes: FILE_CHUNK_MAX };
  }

  /** The base64 chunk op, for in-process callers (the CLI); the app sends binary through the channel. */
  chunk({ uploadId, offset, dataBase64 }: OpParsed<'team.uploadChunk'>): Promise<OpOutput<'team.uploadChunk'>> {
    return this.sessions.put(uploadId, offset, decodeChunk(dataBase64));
  }

  /** The complete file's path (a plain ZIP), for preview and import; the upload stays until import or abort. */
  async file(uploadId: string): Promise<string> {
    const { sink } = await this.sessions.complete<FileSink>(uploadId, PACKAGE);
    return sink.plainPath();
  }

  /** Cancelled, or imported: the file (and its plaintext copy) goes. */
  abort(uploadId: string): Promise<void> {
    return this.sessions.abort(uploadId, PACKAGE);
  }

  /** Backend shutdown, after the upload sessions discarded their sinks: the copies' folder goes too. */
  async close(): Promise<void> {
    const dir = this.copiesDir;
    this.copiesDir = null;
    const path = dir && (await dir.catch(() => null));
    if (path) rmSync(path, { recursive: true, force: true });
  }
}

const all = new WeakMap<RepoContext, PackageUploads>();

/** Backend shutdown: this session's plaintext copies of sealed uploads are removed (after bytes.close()). */
export async function closePackageUploads(ctx: RepoContext): Promise<void> {
  await all.get(ctx)?.close();
}

export function packageUploads(ctx: RepoContext): PackageUploads {
  let u = all.get(ctx);
  if (!u) {
    u = new PackageUploads(ctx, byteChannel(ctx).uploads);
    all.set(ctx, u);
  }
  return u;
}
