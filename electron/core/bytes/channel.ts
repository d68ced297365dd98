import { DomainError } from '#shared/api/result';
import type { RepoContext } from '../repos/context';
import { DownloadTickets } from './downloads';
import { UploadSessions } from './uploads';

/** One backend's byte channel: the upload sessions and download tickets every transport serves. */
export class ByteChannel {
  readonly uploads = new UploadSessions();
  readonly downloads = new DownloadTickets();

  async close(): Promise<void> {
    this.downloads.close();
    await this.uploads.close();
  }
}

const all = new WeakMap<RepoContext, ByteChannel>();

/** The byte channel of a backend (its context), created on first use. */
export function byteChannel(ctx: RepoContext): ByteChannel {
  let channel = all.get(ctx);
  if (!channel) {
    channel = new ByteChannel();
    all.set(ctx, channel);
  }
  return channel;
}

/**
 * The bytes of a base64 chunk op (`evidence.uploadChunk`, `verify.chunk`,
 * `team.uploadChunk`), kept for in-process callers (CLI, demo, tests): the
 * app's transports send binary. Buffer.from skips junk silently, so only a
 * chunk that encodes back to itself is base64.
 */
export function decodeChunk(dataBase64: string): Buffer[] {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.toString('base64') !== dataBase64) {
    throw new DomainError('invalid_input', 'The chunk is not valid base64.');
  }
  return [bytes];
}
