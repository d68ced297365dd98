import { createHash, randomUUID } from 'node:crypto';
import type { OpOutput, OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import { FILE_CHUNK_MAX, type DocumentCheck } from '#shared/domain/report';
import { withTrust, type SignerTrust } from '#shared/domain/trust';
import type { RepoContext } from '../repos/context';
import { verifyPackage } from '../signing/package-verify';

/** A check nobody sent a chunk to for this long is dropped with its bytes. */
export const CHECK_IDLE_MS = 10 * 60 * 1000;
/** Each open check holds its file in memory: a few at once is plenty for one person. */
export const MAX_OPEN_CHECKS = 4;

interface Session {
  name: string;
  size: number;
  chunks: Buffer[];
  received: number;
  timer: NodeJS.Timeout;
}

export interface DocumentLookup {
  issued: (sha256: string) => DocumentCheck['issued'];
  signer: (fingerprint: string) => SignerTrust | null;
}

const gone = () =>
  new DomainError('not_found', 'This check no longer exists (it was finished, cancelled or timed out); start again.');

/**
 * Documents handed over to be checked (a client's copy, a file sent back by
 * mail): received in ordered chunks, held in memory (the signature check needs
 * the whole package anyway), then verified, the signer looked up among the
 * certificates this folder knows, and the file among its issued versions by
 * SHA-256. Nothing is stored.
 */
export class DocumentChecks {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly idleMs = CHECK_IDLE_MS) {}

  begin({ name, size }: OpParsed<'verify.begin'>): OpOutput<'verify.begin'> {
    if (this.sessions.size >= MAX_OPEN_CHECKS) {
      throw new DomainError('conflict', 'Another document is being checked; wait for it to finish, then try again.');
    }
    const checkId = randomUUID();
    this.sessions.set(checkId, { name, size, chunks: [], received: 0, timer: this.expiry(checkId) });
    return { checkId, chunkBytes: FILE_CHUNK_MAX };
  }

  chunk({ checkId, offset, dataBase64 }: OpParsed<'verify.chunk'>): OpOutput<'verify.chunk'> {
    const s = this.session(checkId);
    if (offset !== s.received) {
      throw new DomainError('invalid_input', `Chunks arrive in order: expected offset ${s.received}, got ${offset}.`);
    }
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length === 0 || bytes.toString('base64') !== dataBase64.replace(/\s/g, '')) {
      throw new DomainError('invalid_input', 'The chunk is not valid base64.');
    }
    if (s.received + bytes.length > s.size) {
      throw new DomainError('invalid_input', `The file is larger than the ${s.size} bytes announced.`);
    }
    s.chunks.push(bytes);
    s.received += bytes.length;
    this.touch(checkId, s);
    return { received: s.received };
  }

  /**
   * The verdict; the check is gone afterwards, whatever the outcome. `lookup`
   * finds the issued version by SHA-256 and whether the signing certificate is
   * known here by its fingerprint.
   */
  async finish({ checkId }: OpParsed<'verify.finish'>, lookup: DocumentLookup) {
    const s = this.session(checkId);
    this.drop(checkId);
    if (s.received !== s.size) {
      throw new DomainError('invalid_input', `Only ${s.received} of ${s.size} bytes arrived; send the whole file.`);
    }
    const bytes = Buffer.concat(s.chunks);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const verification = withTrust(await verifyPackage(bytes), lookup.signer);
    return { name: s.name, size: s.size, sha256, verification, issued: lookup.issued(sha256) } satisfies DocumentCheck;
  }

  abort({ checkId }: OpParsed<'verify.abort'>): Record<string, never> {
    this.session(checkId);
    this.drop(checkId);
    return {};
  }

  close(): void {
    for (const id of [...this.sessions.keys()]) this.drop(id);
  }

  private session(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw gone();
    return s;
  }

  private expiry(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => this.drop(id), this.idleMs);
    timer.unref();
    return timer;
  }

  private touch(id: string, s: Session): void {
    clearTimeout(s.timer);
    s.timer = this.expiry(id);
  }

  private drop(id: string): void {
    const s = this.sessions.get(id);
    if (!s) return;
    clearTimeout(s.timer);
    this.sessions.delete(id);
  }
}

const services = new WeakMap<RepoContext, DocumentChecks>();

/** The one document-check service of a backend (its context), created on first use. */
export function documentChecks(ctx: RepoContext): DocumentChecks {
  let service = services.get(ctx);
  if (!service) {
    service = new DocumentChecks();
    services.set(ctx, service);
  }
  return service;
}
