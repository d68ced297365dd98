import type { OpOutput, OpParsed } from '#shared/api/contract';
import { UPLOAD_CHUNK_BYTES } from '#shared/domain/evidence';
import type { EvidenceTarget } from '#shared/domain/evidence';
import { decodeChunk } from '../bytes/channel';
import type { UploadKind, UploadSessions } from '../bytes/uploads';
import { BlobWriter } from './ingest';
import { emptyFileError, safeName, type SafeName } from './names';
import type { AddRequest, AddResult, Prepared } from './service';
import type { DirSink, EvidenceStore } from './store';

/** Each open upload holds a file handle; more than this at once is a runaway client. */
export const MAX_OPEN_UPLOADS = 64;

/** What uploads need from the evidence service. */
export interface EvidenceAdder {
  readonly store: EvidenceStore;
  /** Throws unless the audit exists, is open, and holds every target. */
  checkAudit(auditId: string, links?: readonly EvidenceTarget[]): void;
  prepare(req: AddRequest, syncLater: DirSink): Promise<Prepared>;
  commit(items: readonly Prepared[]): (AddResult | Error)[];
  release(p: Prepared): void;
}

/**
 * Rows of committed uploads written together: while one batch is being
 * written, the commits that arrive queue up and go in the next, with one
 * fsync of the folders their files were renamed into and one transaction.
 * The first commit of a quiet moment waits for nobody.
 */
class RowBatches implements DirSink {
  private queue: { p: Prepared; settle: (r: AddResult | Error) => void }[] = [];
  private dirs = new Set<string>();
  private writing = false;

  constructor(private readonly adder: EvidenceAdder) {}

  add(dir: string): void {
    this.dirs.add(dir);
  }

  submit(p: Prepared): Promise<AddResult | Error> {
    return new Promise((settle) => {
      this.queue.push({ p, settle });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const dirs = this.dirs;
      this.dirs = new Set();
      let results: (AddResult | Error)[];
      try {
        // Rows only after their files' renames are durable.
        await this.adder.store.syncDirs(dirs);
        results = this.adder.commit(batch.map((b) => b.p));
      } catch (e) {
        results = batch.map(() => (e instanceof Error ? e : new Error(String(e))));
      }
      batch.forEach((b, i) => b.settle(results[i]!));
    }
    this.writing = false;
  }
}

/** The temp file being hashed, and what the begin op was told about the file. */
class EvidenceSink {
  constructor(
    readonly writer: BlobWriter,
    readonly auditId: string,
    readonly name: SafeName,
    readonly hint: string,
  ) {}
  write(bytes: Uint8Array) {
    return this.writer.write(bytes);
  }
  discard() {
    return this.writer.discard();
  }
}

const EVIDENCE: UploadKind = {
  maxOpen: MAX_OPEN_UPLOADS,
  gone: 'This upload no longer exists (it was finished, cancelled or timed out); start again.',
  busy: 'Too many uploads are in progress; wait for some to finish, then try again.',
};

/**
 * Attachments sent from the app. The byte channel (bytes/uploads.ts) orders,
 * limits and expires them; each writes to its own temp file and is hashed as
 * it arrives, so a file of any size passes in constant memory; nothing
 * reaches the database before commit.
 */
export class Uploads {
  private readonly rows: RowBatches;

  constructor(
    private readonly adder: EvidenceAdder,
    private readonly sessions: UploadSessions,
  ) {
    this.rows = new RowBatches(adder);
  }

  async begin(input: OpParsed<'evidence.uploadBegin'>): Promise<OpOutput<'evidence.uploadBegin'>> {
    const name = safeName(input.name);
    if (input.size === 0) throw emptyFileError(name.name);
    this.adder.checkAudit(input.auditId);
    const writer = await BlobWriter.create(this.adder.store);
    const sink = new EvidenceSink(writer, input.auditId, name, input.mediaType);
    return { uploadId: this.sessions.open(EVIDENCE, input.size, sink), chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  /** The base64 chunk op, for in-process callers; the app sends binary through the channel. */
  chunk(input: OpParsed<'evidence.uploadChunk'>): Promise<OpOutput<'evidence.uploadChunk'>> {
    return this.sessions.put(input.uploadId, input.offset, decodeChunk(input.dataBase64));
  }

  async commit(input: OpParsed<'evidence.uploadCommit'>): Promise<OpOutput<'evidence.uploadCommit'>> {
    const { sink } = await this.sessions.complete<EvidenceSink>(input.uploadId, EVIDENCE);
    // Checked now so a fixable mistake keeps the upload; checked again when the row is written.
    this.adder.checkAudit(sink.auditId, input.links);
    await this.sessions.take(input.uploadId, EVIDENCE);
    // finish() discards the temp file itself when the fsync fails.
    const received = await sink.writer.finish();
    const prepared = await this.adder.prepare(
      {
        auditId: sink.auditId,
        file: received,
        name: sink.name.name,
        hint: sink.hint,
        links: input.links,
        description: input.description,
        addedBy: input.addedBy,
      },
      this.rows,
    );
    let added;
    try {
      added = await this.rows.submit(prepared);
    } finally {
      this.adder.release(prepared);
    }
    if (added instanceof Error) throw added;
    return { ...added, renamed: sink.name.renamed };
  }

  async abort(input: OpParsed<'evidence.uploadAbort'>): Promise<OpOutput<'evidence.uploadAbort'>> {
    await this.sessions.abort(input.uploadId, EVIDENCE);
    return {};
  }
}
