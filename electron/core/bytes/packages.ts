import type { OpOutput, OpParsed } from '#shared/api/contract';
import { FILE_CHUNK_MAX } from '#shared/domain/report';
import type { RepoContext } from '../repos/context';
import { teamFiles } from '../sync/team-files';
import { byteChannel, decodeChunk } from './channel';
import { folderCipher } from '../crypto/file-cipher-folder';
import { FileSink, type SinkFile } from './file-sink';
import type { UploadKind, UploadSessions } from './uploads';

const PACKAGE: UploadKind = {
  maxOpen: 8,
  gone: 'This package upload no longer exists (it was cancelled or timed out); send it again.',
  busy: 'Too many package uploads are in progress; cancel one, then try again.',
};

/**
 * Team packages sent from the app (it has no file paths): each goes through
 * the byte channel to a private file under the data folder's exports, kept
 * for preview and import until imported, cancelled or idle too long. In an
 * encrypted folder the file is sealed as it arrives (a package holds an
 * audit's records and evidence) and preview and import read it sealed,
 * decrypting each chunk as the ZIP reader reaches it: no plaintext of it is
 * written anywhere, the system's temp folder included.
 */
export class PackageUploads {
  constructor(
    private readonly ctx: RepoContext,
    private readonly sessions: UploadSessions,
  ) {}

  async begin({ size }: OpParsed<'team.uploadBegin'>): Promise<OpOutput<'team.uploadBegin'>> {
    const { path } = await teamFiles(this.ctx).reserve();
    const cipher = folderCipher(this.ctx);
    const sink = await FileSink.create(path, cipher ? { key: cipher.file } : null);
    return { uploadId: this.sessions.open(PACKAGE, size, sink), chunkBytes: FILE_CHUNK_MAX };
  }

  /** The base64 chunk op, for in-process callers (the CLI); the app sends binary through the channel. */
  chunk({ uploadId, offset, dataBase64 }: OpParsed<'team.uploadChunk'>): Promise<OpOutput<'team.uploadChunk'>> {
    return this.sessions.put(uploadId, offset, decodeChunk(dataBase64));
  }

  /** The complete file for preview and import (a plain ZIP's path, or a sealed one's with its key); kept until import or abort. */
  async file(uploadId: string): Promise<SinkFile> {
    const { sink } = await this.sessions.complete<FileSink>(uploadId, PACKAGE);
    return sink.file();
  }

  /** Cancelled, or imported: the file goes. */
  abort(uploadId: string): Promise<void> {
    return this.sessions.abort(uploadId, PACKAGE);
  }
}

const all = new WeakMap<RepoContext, PackageUploads>();

export function packageUploads(ctx: RepoContext): PackageUploads {
  let u = all.get(ctx);
  if (!u) {
    u = new PackageUploads(ctx, byteChannel(ctx).uploads);
    all.set(ctx, u);
  }
  return u;
}
