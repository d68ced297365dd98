import type { OpOutput, OpParsed } from '#shared/api/contract';
import { DomainError, type ErrorCode } from '#shared/api/result';
import { UPLOAD_CHUNK_BYTES } from '#shared/domain/evidence';
import type { EvidenceTarget } from '#shared/domain/evidence';
import { decodeChunk } from '../bytes/channel';
import type { UploadKind, UploadSessions } from '../bytes/uploads';
import { BlobWriter, type ReceivedFile } from './ingest';
import { emptyFileError, safeName, type SafeName } from './names';
import type { AddRequest, AddResult, Prepared } from './service';
import { RowBatches } from './row-batches';
import type { DirSink, EvidenceStore } from './store';

/**
 * Each open upload may hold a file handle until its last byte arrives; a group
 * begun at once (UPLOAD_GROUP_MAX, shared/domain/evidence-batch.ts) plus the groups waiting for their commit fit
 * well within this. More at once is a runaway client.
 */
export const MAX_OPEN_UPLOADS = 192;

/** What uploads need from the evidence service. */
export interface EvidenceAdder {
  readonly store: EvidenceStore;
  /** Throws unless the audit exists, is open, and holds every target. */
  checkAudit(auditId: string, links?: readonly EvidenceTarget[]): void;
  /** Places each file (one claim transaction for all); an item that fails answers its Error in its place. */
  prepareMany(reqs: readonly AddRequest[], syncLater: DirSink): Promise<(Prepared | Error)[]>;
  /** Writes the rows in one transaction, answering once they are on disk. */
  commitDurably(items: readonly Prepared[]): Promise<(AddResult | Error)[]>;
  release(p: Prepared): void;
}

/** One file's answer inside a group's (the op's own envelope holds the group). */
type Item<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

async function item<T>(fn: () => Promise<T>): Promise<Item<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, error: itemError(e) };
  }
}

/** As dispatch words a failure (backend.ts): a DomainError's own words; anything else said generically. */
function itemError(e: unknown): { code: ErrorCode; message: string } {
  if (e instanceof DomainError) return { code: e.code, message: e.message };
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: 'The change conflicts with existing records and was not saved.' };
  }
  process.stderr.write(`fieldwork: internal error (${e instanceof Error ? e.name : typeof e})\n`);
  return { code: 'internal', message: 'Something went wrong inside Fieldwork; nothing was changed.' };
}

/**
 * The temp file being hashed, and what the begin op was told about the file.
 * Its fsync starts as soon as the last byte is written (complete), so it runs
 * while the client sends the next file; commit then only waits for it.
 */
class EvidenceSink {
  private finished: Promise<ReceivedFile> | null = null;

  constructor(
    readonly writer: BlobWriter,
    readonly auditId: string,
    readonly name: SafeName,
    readonly hint: string,
  ) {}
  write(bytes: Uint8Array) {
    return this.writer.write(bytes);
  }
  complete(): void {
    // A failed fsync is answered by commit, which awaits the same promise.
    this.finish().catch(() => undefined);
  }
  /** The complete, fsynced temp file (finish() discards it itself when the fsync fails). */
  finish(): Promise<ReceivedFile> {
    return (this.finished ??= this.writer.finish());
  }
  async discard() {
    // Not while its fsync is running: the temp file goes once that settled.
    await this.finished?.catch(() => undefined);
    await this.writer.discard();
  }
}

const EVIDENCE: UploadKind = {
  maxOpen: MAX_OPEN_UPLOADS,
  gone: 'This upload no longer exists (it was finished, cancelled or timed out); start again.',
  busy: 'Too many uploads are in progress; wait for some to finish, then try again.',
};

const STREAM: UploadKind = {
  // Each holds nothing but its files' ids; the app sends a few at once.
  maxOpen: 16,
  gone: 'This group of uploads no longer exists (it was finished, cancelled or timed out); start again.',
  busy: 'Too many groups of uploads are in progress; wait for some to finish, then try again.',
  endsWhenComplete: true,
};

/**
 * One stream carrying several begun files' bytes back to back (beginMany's
 * oneStream): each piece is put into the file's own upload, so every file's
 * order, limit and completion are checked by the channel as if sent alone.
 * The stream's own size is their sum, so it never runs past the last file.
 */
class StreamSink {
  private current = 0;
  private sent = 0;

  constructor(
    private readonly sessions: UploadSessions,
    private readonly files: readonly { uploadId: string; size: number }[],
  ) {}

  async write(bytes: Uint8Array): Promise<void> {
    for (let at = 0; at < bytes.length;) {
      const file = this.files[this.current]!;
      const piece = bytes.subarray(at, at + file.size - this.sent);
      await this.sessions.put(file.uploadId, this.sent, [piece]);
      at += piece.length;
      this.sent += piece.length;
      if (this.sent === file.size) {
        this.current++;
        this.sent = 0;
      }
    }
  }

  /** The files' uploads stay until committed, aborted or expired; the stream holds nothing of its own. */
  discard(): Promise<void> {
    return Promise.resolve();
  }
}

type BeginFile = Omit<OpParsed<'evidence.uploadBegin'>, 'auditId'>;
type CommitInput = OpParsed<'evidence.uploadCommit'>;

/**
 * Attachments sent from the app. The byte channel (bytes/uploads.ts) orders,
 * limits and expires them; each writes to its own temp file and is hashed as
 * it arrives, so a file of any size passes in constant memory; nothing
 * reaches the database before commit. The app begins and commits files in
 * groups (beginMany, commitMany): a group's files are claimed in one
 * transaction, their folders fsynced once and their rows written in one.
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
    this.adder.checkAudit(input.auditId);
    return { uploadId: await this.open(input.auditId, input), chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  /**
   * Begins each file of a group in one audit; a file refused (empty, too many
   * open) does not stop the others. With `oneStream`, one more upload takes
   * all the begun files' bytes in a single stream (StreamSink).
   */
  async beginMany(input: OpParsed<'evidence.uploadBeginMany'>): Promise<OpOutput<'evidence.uploadBeginMany'>> {
    this.adder.checkAudit(input.auditId);
    const uploads = await Promise.all(
      input.files.map((f) => item(async () => ({ uploadId: await this.open(input.auditId, f) }))),
    );
    const begun = uploads.flatMap((u, i) => (u.ok ? [{ uploadId: u.value.uploadId, size: input.files[i]!.size }] : []));
    let streamId: string | null = null;
    if (input.oneStream && begun.length > 0) {
      const size = begun.reduce((n, f) => n + f.size, 0);
      try {
        streamId = this.sessions.open(STREAM, size, new StreamSink(this.sessions, begun));
      } catch (e) {
        // No stream, no use for the files' uploads either: the group is refused as a whole.
        await Promise.all(begun.map((f) => this.sessions.abort(f.uploadId, EVIDENCE)));
        throw e;
      }
    }
    return { chunkBytes: UPLOAD_CHUNK_BYTES, uploads, streamId };
  }

  private async open(auditId: string, file: BeginFile): Promise<string> {
    const name = safeName(file.name);
    if (file.size === 0) throw emptyFileError(name.name);
    const writer = await BlobWriter.create(this.adder.store);
    return this.sessions.open(EVIDENCE, file.size, new EvidenceSink(writer, auditId, name, file.mediaType));
  }

  /** The base64 chunk op, for in-process callers; the app sends binary through the channel. */
  chunk(input: OpParsed<'evidence.uploadChunk'>): Promise<OpOutput<'evidence.uploadChunk'>> {
    return this.sessions.put(input.uploadId, input.offset, decodeChunk(input.dataBase64));
  }

  async commit(input: CommitInput): Promise<OpOutput<'evidence.uploadCommit'>> {
    const [result] = await this.commitGroup([input]);
    if (!result!.ok) throw new DomainError(result!.error.code, result!.error.message);
    return result!.value;
  }

  commitMany(input: OpParsed<'evidence.uploadCommitMany'>): Promise<OpOutput<'evidence.uploadCommitMany'>> {
    return this.commitGroup(input.uploads).then((results) => ({ results }));
  }

  /**
   * Each upload is checked before it is taken (a fixable mistake keeps it),
   * then the group's files are placed and their rows written together (each
   * row in its own savepoint: one refused row leaves the others).
   */
  private async commitGroup(inputs: readonly CommitInput[]): Promise<Item<OpOutput<'evidence.uploadCommit'>>[]> {
    const taken = await Promise.all(
      inputs.map((input) =>
        item(async () => {
          const { sink } = await this.sessions.complete<EvidenceSink>(input.uploadId, EVIDENCE);
          // Checked now so a fixable mistake keeps the upload; checked again when the row is written.
          this.adder.checkAudit(sink.auditId, input.links);
          await this.sessions.take(input.uploadId, EVIDENCE);
          return { sink, file: await sink.finish() };
        }),
      ),
    );
    const ready = taken.flatMap((t, i) => (t.ok ? [{ i, ...t.value }] : []));
    const prepared = await this.adder.prepareMany(
      ready.map(({ i, sink, file }) => ({
        auditId: sink.auditId,
        file,
        name: sink.name.name,
        hint: sink.hint,
        links: inputs[i]!.links,
        description: inputs[i]!.description,
        addedBy: inputs[i]!.addedBy,
      })),
      this.rows,
    );
    const placed = prepared.filter((p): p is Prepared => !(p instanceof Error));
    const submitted = this.rows.submit(placed);
    const answers = new Map<Prepared, Promise<AddResult | Error>>(placed.map((p, k) => [p, submitted[k]!]));
    let written: (AddResult | Error)[];
    try {
      written = await Promise.all(prepared.map((p) => (p instanceof Error ? Promise.resolve(p) : answers.get(p)!)));
    } finally {
      for (const p of placed) this.adder.release(p);
    }
    const results = new Array<Item<OpOutput<'evidence.uploadCommit'>>>(inputs.length);
    taken.forEach((t, i) => {
      if (!t.ok) results[i] = t;
    });
    ready.forEach(({ i, sink }, k) => {
      const added = written[k]!;
      results[i] =
        added instanceof Error
          ? { ok: false, error: itemError(added) }
          : { ok: true, value: { ...added, renamed: sink.name.renamed } };
    });
    return results;
  }

  /** Cancels a file's upload, or a group's stream (its files' uploads are cancelled by their own ids). */
  async abort(input: OpParsed<'evidence.uploadAbort'>): Promise<OpOutput<'evidence.uploadAbort'>> {
    if (this.sessions.has(input.uploadId, STREAM)) await this.sessions.abort(input.uploadId, STREAM);
    else await this.sessions.abort(input.uploadId, EVIDENCE);
    return {};
  }
}
