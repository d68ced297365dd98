import { randomUUID } from 'node:crypto';
import { DomainError } from '#shared/api/result';

/** Where an upload's bytes go: a temp file being hashed, a file kept for import, memory. */
export interface Sink {
  /** Appends the bytes; the channel never calls it again before it resolved. */
  write(bytes: Uint8Array): Promise<void>;
  /** Gives the bytes up (temp file removed); called at most once, never after the upload was taken. */
  discard(): Promise<void>;
  /**
   * Told when the announced size has arrived, so the sink can start its slow
   * last step (an fsync) while the client sends the next file. Idempotent; must not throw.
   */
  complete?(): void;
}

/** What one kind of upload (evidence, a document to check, a team package) may do. */
export interface UploadKind {
  /** Open uploads of this kind at once; each holds a file handle or memory. */
  maxOpen: number;
  /** Said when the upload is unknown, finished, cancelled or expired. */
  gone: string;
  /** Said when `maxOpen` are already open. */
  busy: string;
  /** Nothing takes it at the end (its sink passes the bytes on): it is forgotten once complete. */
  endsWhenComplete?: boolean;
}

/** An upload nobody has sent bytes to for this long is given up and its sink discarded. */
export const UPLOAD_IDLE_MS = 10 * 60 * 1000;

interface Session {
  id: string;
  kind: UploadKind;
  size: number;
  sink: Sink;
  /** Bytes written to the sink: the offset the next chunk must start at. */
  received: number;
  /** Resolves when the last chunk sent has been written (or refused): chunks of one upload never overlap. */
  settled: Promise<void>;
  timer: NodeJS.Timeout;
}

/**
 * The one chunk protocol behind every upload, whatever the transport (the
 * preview's HTTP route, the desktop app's protocol, a base64 op): ordered
 * chunks, a limit on the bytes that actually arrive (not on what a request
 * declares), idle expiry and clean-up. What the bytes become is the kind's
 * business: its begin op opens the session with a sink, its commit takes it.
 */
export class UploadSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly idleMs = UPLOAD_IDLE_MS) {}

  /** A new upload of `size` bytes into `sink`; its id is the capability the transports carry. */
  open(kind: UploadKind, size: number, sink: Sink): string {
    let open = 0;
    for (const s of this.sessions.values()) if (s.kind === kind) open++;
    if (open >= kind.maxOpen) {
      void sink.discard();
      throw new DomainError('conflict', kind.busy);
    }
    const id = randomUUID();
    this.sessions.set(id, {
      id,
      kind,
      size,
      sink,
      received: 0,
      settled: Promise.resolve(),
      timer: this.expiry(id),
    });
    return id;
  }

  /**
   * Writes one chunk starting at `offset`, piece by piece as it arrives (a
   * streamed request body is never held whole). A piece beyond the announced
   * size is refused before it is written, and a transport that breaks off
   * mid-chunk leaves what was written: either way the client may go on from
   * `received`, or abort.
   */
  async put(id: string, offset: number, pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    const s = this.sessions.get(id);
    if (!s) throw new DomainError('not_found', unknownUpload);
    // Chunks sent without waiting are taken one after the other, each checked when its turn comes.
    const before = s.settled;
    let done = () => {};
    s.settled = new Promise((resolve) => (done = resolve));
    try {
      await before;
      if (this.sessions.get(id) !== s) throw new DomainError('not_found', s.kind.gone);
      if (offset !== s.received) {
        throw new DomainError('invalid_input', `Chunk out of order: expected offset ${s.received}, got ${offset}.`);
      }
      for await (const piece of pieces) {
        if (this.sessions.get(id) !== s) throw new DomainError('not_found', s.kind.gone);
        if (s.received + piece.length > s.size) {
          // Checked before writing: what arrived so far stays, and the client may go on from `received`.
          throw new DomainError(
            'invalid_input',
            `The upload is larger than the ${s.size} bytes announced; nothing more was added.`,
          );
        }
        this.touch(s);
        try {
          await s.sink.write(piece);
        } catch (e) {
          // The sink can no longer be trusted to match what was sent: give the upload up.
          await this.drop(s, false);
          throw e;
        }
        s.received += piece.length;
      }
      if (s.received === s.size && s.size > 0) {
        s.sink.complete?.();
        if (s.kind.endsWhenComplete) this.forget(s);
      }
    } finally {
      done();
    }
    return { received: s.received };
  }

  /** The complete upload's sink, still open (a team package is previewed, then imported). */
  async complete<T extends Sink>(id: string, kind: UploadKind): Promise<{ sink: T; size: number }> {
    const s = await this.settled(id, kind);
    if (s.received !== s.size) {
      throw new DomainError(
        'invalid_input',
        `The upload is incomplete: ${s.received} of ${s.size} bytes arrived. Send the rest first.`,
      );
    }
    this.touch(s);
    return { sink: s.sink as T, size: s.size };
  }

  /** The complete upload's sink, handed over: the channel forgets it and will not discard it. */
  async take<T extends Sink>(id: string, kind: UploadKind): Promise<{ sink: T; size: number }> {
    const done = await this.complete<T>(id, kind);
    const s = this.sessions.get(id);
    if (!s) throw new DomainError('not_found', kind.gone);
    this.forget(s);
    return done;
  }

  /** Whether `id` is an open upload of this kind. */
  has(id: string, kind: UploadKind): boolean {
    return this.sessions.get(id)?.kind === kind;
  }

  async abort(id: string, kind: UploadKind): Promise<void> {
    await this.drop(await this.settled(id, kind, false), true);
  }

  /** Backend shutdown: every unfinished upload is discarded. */
  async close(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => this.drop(s, true)));
  }

  /** The session after its chunk in flight, if of this kind (another kind's id is as unknown as a made-up one). */
  private async settled(id: string, kind: UploadKind, check = true): Promise<Session> {
    const s = this.sessions.get(id);
    if (!s || s.kind !== kind) throw new DomainError('not_found', kind.gone);
    if (check) await s.settled;
    if (this.sessions.get(id) !== s) throw new DomainError('not_found', kind.gone);
    return s;
  }

  private expiry(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const s = this.sessions.get(id);
      if (s) void this.drop(s, true);
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

  /** `wait`: let a chunk in flight finish writing before the sink goes (not from inside put). */
  private async drop(s: Session, wait: boolean): Promise<void> {
    if (this.sessions.get(s.id) !== s) return;
    this.forget(s);
    if (wait) await s.settled;
    await s.sink.discard().catch(() => undefined);
  }
}

const unknownUpload = 'This upload no longer exists (it was finished, cancelled or timed out); start again.';
