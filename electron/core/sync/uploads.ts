import { randomUUID } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { OpOutput, OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import { FILE_CHUNK_MAX } from '#shared/domain/report';
import type { RepoContext } from '../repos/context';
import { teamFiles } from './team-files';

/** An upload nobody has sent a chunk to for this long is given up, and its temp file deleted. */
export const TEAM_UPLOAD_IDLE_MS = 10 * 60 * 1000;
const MAX_OPEN = 8;

interface Upload {
  id: string;
  path: string;
  size: number;
  received: number;
  handle: FileHandle | null;
  writing: Promise<void>;
  timer: NodeJS.Timeout;
}

const gone = () =>
  new DomainError('not_found', 'This package upload no longer exists (it was cancelled or timed out); send it again.');

/**
 * Team packages sent to the backend in ordered chunks (the app has no file
 * paths): each goes to a private temp file under the data folder's exports,
 * kept until imported, cancelled or idle too long.
 */
export class TeamUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly ctx: RepoContext,
    private readonly idleMs = TEAM_UPLOAD_IDLE_MS,
  ) {}

  async begin(input: OpParsed<'team.uploadBegin'>): Promise<OpOutput<'team.uploadBegin'>> {
    if (this.uploads.size >= MAX_OPEN) {
      throw new DomainError('conflict', 'Too many package uploads are in progress; cancel one, then try again.');
    }
    const { path } = await teamFiles(this.ctx).reserve();
    const id = randomUUID();
    const handle = await open(path, 'wx', 0o600);
    this.uploads.set(id, {
      id,
      path,
      size: input.size,
      received: 0,
      handle,
      writing: Promise.resolve(),
      timer: this.expiry(id),
    });
    return { uploadId: id, chunkBytes: FILE_CHUNK_MAX };
  }

  async chunk(input: OpParsed<'team.uploadChunk'>): Promise<OpOutput<'team.uploadChunk'>> {
    const u = this.uploads.get(input.uploadId);
    if (!u || !u.handle) throw gone();
    if (input.offset !== u.received) {
      throw new DomainError('invalid_input', `Chunk out of order: expected offset ${u.received}, got ${input.offset}.`);
    }
    // Buffer.from skips junk silently: only a chunk that encodes back to itself is base64.
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length === 0 || bytes.toString('base64') !== input.dataBase64) {
      throw new DomainError('invalid_input', 'The chunk is not valid base64.');
    }
    if (u.received + bytes.length > u.size) {
      throw new DomainError('invalid_input', `The file is larger than the ${u.size} bytes announced.`);
    }
    u.received += bytes.length;
    this.touch(u);
    const handle = u.handle;
    const write = u.writing.then(async () => {
      for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done)).bytesWritten;
    });
    u.writing = write.catch(() => undefined);
    try {
      await write;
    } catch (e) {
      await this.drop(u);
      throw new DomainError(
        'storage',
        `The package could not be stored in the data folder (${String((e as NodeJS.ErrnoException).code ?? 'error')}).`,
      );
    }
    return { received: u.received };
  }

  /** The complete file, for preview and import. */
  async file(uploadId: string): Promise<string> {
    const u = this.uploads.get(uploadId);
    if (!u) throw gone();
    await u.writing;
    if (u.received !== u.size) {
      throw new DomainError(
        'invalid_input',
        `The package is incomplete: ${u.received} of ${u.size} bytes arrived. Send the rest first.`,
      );
    }
    if (u.handle) {
      await u.handle.close();
      u.handle = null;
    }
    this.touch(u);
    return u.path;
  }

  async abort(uploadId: string): Promise<void> {
    const u = this.uploads.get(uploadId);
    if (!u) throw gone();
    await this.drop(u);
  }

  async close(): Promise<void> {
    await Promise.all([...this.uploads.values()].map((u) => this.drop(u)));
  }

  private expiry(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const u = this.uploads.get(id);
      if (u) void this.drop(u);
    }, this.idleMs);
    timer.unref();
    return timer;
  }

  private touch(u: Upload): void {
    clearTimeout(u.timer);
    u.timer = this.expiry(u.id);
  }

  async drop(u: Upload | string): Promise<void> {
    const up = typeof u === 'string' ? this.uploads.get(u) : u;
    if (!up) return;
    clearTimeout(up.timer);
    this.uploads.delete(up.id);
    await up.writing;
    await up.handle?.close().catch(() => undefined);
    up.handle = null;
    await rm(up.path, { force: true });
  }
}

const all = new WeakMap<RepoContext, TeamUploads>();

export function teamUploads(ctx: RepoContext): TeamUploads {
  let u = all.get(ctx);
  if (!u) {
    u = new TeamUploads(ctx);
    all.set(ctx, u);
  }
  return u;
}

/** Backend shutdown: unfinished uploads and this session's package files are removed. */
export async function closeTeam(ctx: RepoContext): Promise<void> {
  await all.get(ctx)?.close();
  await teamFiles(ctx).close();
}
