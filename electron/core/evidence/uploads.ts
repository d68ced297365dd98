import { randomUUID } from 'node:crypto';
import type { OpOutput, OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import { UPLOAD_CHUNK_BYTES } from '#shared/domain/evidence';
import type { EvidenceTarget } from '#shared/domain/evidence';
import { BlobWriter } from './ingest';
import { emptyFileError, safeName, type SafeName } from './names';
import type { AddRequest, AddResult } from './service';
import type { EvidenceStore } from './store';

/** An upload nobody has sent a chunk to for this long is given up, and its temp file deleted. */
export const UPLOAD_IDLE_MS = 10 * 60 * 1000;
/** Each open upload holds a file handle; more than this at once is a runaway client. */
export const MAX_OPEN_UPLOADS = 64;

/** What uploads need from the evidence service. */
export interface EvidenceAdder {
  readonly store: EvidenceStore;
  /** Throws unless the audit exists, is open, and holds every target. */
  checkAudit(auditId: string, links?: readonly EvidenceTarget[]): void;
  add(req: AddRequest): Promise<AddResult>;
}

interface Session {
  id: string;
  auditId: string;
  name: SafeName;
  size: number;
  hint: string;
  writer: BlobWriter;
  /** Bytes accepted, including a chunk still being written. */
  accepted: number;
  /** Bytes written to the temp file. */
  received: number;
  /** The chunk being written: chunks of one upload are written one after the other. */
  writing: Promise<void>;
  timer: NodeJS.Timeout;
}

const gone = () =>
  new DomainError('not_found', 'This upload no longer exists (it was finished, cancelled or timed out); start again.');

/**
 * Uploads in progress, kept in the backend process. Each writes to its own
 * temp file and hashes as chunks arrive, so a file of any size passes through
 * in constant memory; nothing reaches the database before commit.
 */
export class Uploads {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly adder: EvidenceAdder,
    private readonly idleMs = UPLOAD_IDLE_MS,
  ) {}

  async begin(input: OpParsed<'evidence.uploadBegin'>): Promise<OpOutput<'evidence.uploadBegin'>> {
    const name = safeName(input.name);
    if (input.size === 0) throw emptyFileError(name.name);
    this.adder.checkAudit(input.auditId);
    if (this.sessions.size >= MAX_OPEN_UPLOADS) {
      throw new DomainError('conflict', 'Too many uploads are in progress; wait for some to finish, then try again.');
    }
    const writer = await BlobWriter.create(this.adder.store);
    const id = randomUUID();
    const session: Session = {
      id,
      auditId: input.auditId,
      name,
      size: input.size,
      hint: input.mediaType,
      writer,
      accepted: 0,
      received: 0,
      writing: Promise.resolve(),
      timer: this.expiry(id),
    };
    this.sessions.set(id, session);
    return { uploadId: id, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  async chunk(input: OpParsed<'evidence.uploadChunk'>): Promise<OpOutput<'evidence.uploadChunk'>> {
    const s = this.sessions.get(input.uploadId);
    if (!s) throw gone();
    if (input.offset !== s.accepted) {
      throw new DomainError(
        'invalid_input',
        `Upload chunk out of order: expected offset ${s.accepted}, got ${input.offset}.`,
      );
    }
    if (input.dataBase64.length % 4 !== 0) throw new DomainError('invalid_input', 'Upload chunk is not valid base64.');
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (s.accepted + bytes.length > s.size) {
      throw new DomainError(
        'invalid_input',
        `The upload is larger than the ${s.size} bytes announced; nothing more was added.`,
      );
    }
    this.touch(s);
    s.accepted += bytes.length;
    const write = s.writing.then(() => s.writer.write(bytes));
    s.writing = write.then(
      () => {
        s.received += bytes.length;
      },
      () => undefined,
    );
    try {
      await write;
    } catch (e) {
      // The temp file can no longer be trusted to match the hash: give the upload up.
      await this.drop(s);
      throw e;
    }
    return { received: s.accepted };
  }

  async commit(input: OpParsed<'evidence.uploadCommit'>): Promise<OpOutput<'evidence.uploadCommit'>> {
    const s = this.sessions.get(input.uploadId);
    if (!s) throw gone();
    await s.writing;
    if (s.received !== s.size) {
      throw new DomainError(
        'invalid_input',
        `The upload is incomplete: ${s.received} of ${s.size} bytes arrived. Send the rest, then commit.`,
      );
    }
    // Checked now so a fixable mistake keeps the upload; checked again when the row is written.
    this.adder.checkAudit(s.auditId, input.links);
    if (this.sessions.get(input.uploadId) !== s) throw gone();
    this.forget(s);
    let received;
    try {
      received = await s.writer.finish();
    } catch (e) {
      await s.writer.discard();
      throw e;
    }
    const added = await this.adder.add({
      auditId: s.auditId,
      file: received,
      name: s.name.name,
      hint: s.hint,
      links: input.links,
      description: input.description,
      addedBy: input.addedBy,
    });
    return { ...added, renamed: s.name.renamed };
  }

  async abort(input: OpParsed<'evidence.uploadAbort'>): Promise<OpOutput<'evidence.uploadAbort'>> {
    const s = this.sessions.get(input.uploadId);
    if (!s) throw gone();
    await this.drop(s);
    return {};
  }

  /** Backend shutdown: every unfinished upload is cancelled. */
  async close(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => this.drop(s)));
  }

  private expiry(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const s = this.sessions.get(id);
      if (s) void this.drop(s);
    }, this.idleMs);
    // A forgotten upload must not keep a CLI or test process alive.
    timer.unref();
    return timer;
  }

  private touch(s: Session): void {
    clearTimeout(s.timer);
    s.timer = this.expiry(s.id);
  }

  private forget(s: Session): void {
    clearTimeout(s.timer);
    this.sessions.delete(s.id);
  }

  private async drop(s: Session): Promise<void> {
    this.forget(s);
    await s.writing;
    await s.writer.discard();
  }
}
