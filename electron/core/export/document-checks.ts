import { createHash } from 'node:crypto';
import type { OpOutput, OpParsed } from '#shared/api/contract';
import { FILE_CHUNK_MAX, type DocumentCheck } from '#shared/domain/report';
import { withTrust, type SignerTrust } from '#shared/domain/trust';
import type { RepoContext } from '../repos/context';
import { verifyPackage } from '../signing/package-verify';
import { byteChannel, decodeChunk } from '../bytes/channel';
import type { UploadKind, UploadSessions } from '../bytes/uploads';

/** Each open check holds its file in memory: a few at once is plenty for one person. */
export const MAX_OPEN_CHECKS = 4;

export interface DocumentLookup {
  issued: (sha256: string) => DocumentCheck['issued'];
  signer: (fingerprint: string) => SignerTrust | null;
}

/** The document held in memory (the signature check needs the whole package anyway). */
class MemorySink {
  readonly chunks: Buffer[] = [];
  constructor(readonly name: string) {}
  write(bytes: Uint8Array): Promise<void> {
    // Copied: a transport may reuse its buffer once the write resolved.
    this.chunks.push(Buffer.from(bytes));
    return Promise.resolve();
  }
  discard(): Promise<void> {
    this.chunks.length = 0;
    return Promise.resolve();
  }
}

const CHECK: UploadKind = {
  maxOpen: MAX_OPEN_CHECKS,
  gone: 'This check no longer exists (it was finished, cancelled or timed out); start again.',
  busy: 'Another document is being checked; wait for it to finish, then try again.',
};

/**
 * Documents handed over to be checked (a client's copy, a file sent back by
 * mail): received through the byte channel into memory, then verified, the
 * signer looked up among the certificates this folder knows, and the file
 * among its issued versions by SHA-256. Nothing is stored.
 */
export class DocumentChecks {
  constructor(private readonly sessions: UploadSessions) {}

  begin({ name, size }: OpParsed<'verify.begin'>): OpOutput<'verify.begin'> {
    return { checkId: this.sessions.open(CHECK, size, new MemorySink(name)), chunkBytes: FILE_CHUNK_MAX };
  }

  /** The base64 chunk op, for in-process callers; the app sends binary through the channel. */
  chunk({ checkId, offset, dataBase64 }: OpParsed<'verify.chunk'>): Promise<OpOutput<'verify.chunk'>> {
    return this.sessions.put(checkId, offset, decodeChunk(dataBase64.replace(/\s/g, '')));
  }

  /**
   * The verdict; the check is gone afterwards, whatever the outcome. `lookup`
   * finds the issued version by SHA-256 and whether the signing certificate is
   * known here by its fingerprint.
   */
  async finish({ checkId }: OpParsed<'verify.finish'>, lookup: DocumentLookup) {
    let taken;
    try {
      taken = await this.sessions.take<MemorySink>(checkId, CHECK);
    } catch (e) {
      // An incomplete document is not kept for a second try.
      await this.sessions.abort(checkId, CHECK).catch(() => undefined);
      throw e;
    }
    const { sink, size } = taken;
    const bytes = Buffer.concat(sink.chunks);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const verification = withTrust(await verifyPackage(bytes), lookup.signer);
    return { name: sink.name, size, sha256, verification, issued: lookup.issued(sha256) } satisfies DocumentCheck;
  }

  async abort({ checkId }: OpParsed<'verify.abort'>): Promise<Record<string, never>> {
    await this.sessions.abort(checkId, CHECK);
    return {};
  }
}

const services = new WeakMap<RepoContext, DocumentChecks>();

/** The one document-check service of a backend (its context), created on first use. */
export function documentChecks(ctx: RepoContext): DocumentChecks {
  let service = services.get(ctx);
  if (!service) {
    service = new DocumentChecks(byteChannel(ctx).uploads);
    services.set(ctx, service);
  }
  return service;
}
