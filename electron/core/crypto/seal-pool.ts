import { Worker } from 'node:worker_threads';
import { DomainError } from '#shared/api/result';
import { CHUNK_BYTES, sealChunk, type FileKey } from './file-cipher';

/**
 * AES-256-GCM sealing of evidence chunks (file-cipher.ts's format) off the
 * main thread: a small pool of worker threads seals the whole chunks of a
 * writer's large pieces (over 1 MiB; smaller ones are sealed in place, see
 * POOL_MIN_CHUNKS) while the backend goes on answering operations, so one huge
 * piece never holds every other request back for the time its bytes take to
 * encrypt. The worker seals exactly as sealChunk does (chunk
 * i's nonce is the header's prefix ‖ uint32be(i), its additional data the
 * header ‖ the last-chunk flag; tests/unit/crypto/seal-pool.test.ts compares
 * the bytes), answering the chunks' ciphertext and tags back to back in one
 * transferred buffer. Inline code (eval), so source and build run the same.
 */
const WORKER = `
const { parentPort } = require('node:worker_threads');
const { createCipheriv } = require('node:crypto');
parentPort.on('message', ({ id, key, header, first, plain, chunk, last }) => {
  try {
    const bytes = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
    const count = Math.ceil(bytes.length / chunk) || 1;
    const out = Buffer.allocUnsafeSlow(bytes.length + count * 16);
    const nonce = Buffer.alloc(12);
    Buffer.from(header).copy(nonce, 0, 8, 16);
    const notLast = Buffer.concat([Buffer.from(header), Buffer.of(0)]);
    const isLast = Buffer.concat([Buffer.from(header), Buffer.of(1)]);
    let at = 0;
    for (let i = 0; i < count; i++) {
      const piece = bytes.subarray(i * chunk, Math.min(bytes.length, (i + 1) * chunk));
      nonce.writeUInt32BE(first + i, 8);
      const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), nonce);
      cipher.setAAD(last && i === count - 1 ? isLast : notLast);
      at += cipher.update(piece).copy(out, at);
      cipher.final();
      at += cipher.getAuthTag().copy(out, at);
    }
    const sealed = out.buffer.slice(out.byteOffset, out.byteOffset + at);
    parentPort.postMessage({ id, sealed }, [sealed]);
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;

/** Two threads: this is a 2-core machine's worth, and sealing is one of several things a busy backend does. */
export const SEAL_THREADS = 2;
/**
 * Pieces of up to this many whole chunks (1 MiB: a bulk import's reads, an
 * upload's usual pieces) are sealed in place, straight from the caller's
 * buffer: about a millisecond of the event loop, against a worker's round trip
 * that cost more than the sealing itself — a copy of the piece into a buffer
 * of its own, a fresh buffer for the answer (page faults), the messages and the
 * collector freeing both (measured: the pool made an encrypted import's CPU
 * about 1.5 times a plain one's, in place about 1.15). Larger pieces still go
 * to the pool, so one huge piece never holds other operations back.
 */
export const POOL_MIN_CHUNKS = 17;

interface Job {
  resolve: (sealed: Buffer) => void;
  reject: (e: Error) => void;
}

class Thread {
  readonly jobs = new Map<number, Job>();
  readonly worker: Worker;

  constructor(onGone: (t: Thread) => void) {
    this.worker = new Worker(WORKER, { eval: true });
    // Idle threads never keep a CLI command or a test process alive.
    this.worker.unref();
    this.worker.on('message', (m: { id: number; sealed?: ArrayBuffer; error?: string }) => {
      const job = this.jobs.get(m.id);
      if (!job) return;
      this.jobs.delete(m.id);
      if (m.sealed) job.resolve(Buffer.from(m.sealed));
      else job.reject(new Error(m.error ?? 'sealing failed'));
    });
    const fail = (e: Error) => {
      onGone(this);
      for (const job of this.jobs.values()) job.reject(e);
      this.jobs.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new Error('The sealing thread stopped.')));
  }
}

let threads: Thread[] = [];
let nextId = 0;

/**
 * Seals `plain` as chunks first, first+1, … of the file with `header` (every
 * chunk CHUNK_BYTES but the last; `last` marks the file's final chunk):
 * their ciphertext and tags back to back. Takes `plain` over (transferred:
 * its buffer is unusable afterwards), so pass a buffer of its own.
 */
export function sealInPool(key: FileKey, header: Buffer, first: number, plain: Buffer, last: boolean): Promise<Buffer> {
  if (threads.length < SEAL_THREADS) threads.push(new Thread((gone) => (threads = threads.filter((t) => t !== gone))));
  // The least busy thread: the writers in flight spread over both.
  const thread = threads.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    thread.jobs.set(id, { resolve, reject });
    // The first job of a thread wakes it; an idle one is unref'd again once its jobs are done (settled below).
    thread.worker.ref();
    const transfer = plain.byteOffset === 0 && plain.byteLength === plain.buffer.byteLength ? [plain.buffer] : [];
    thread.worker.postMessage(
      { id, key: key.key, header, first, plain, chunk: CHUNK_BYTES, last },
      transfer as ArrayBuffer[],
    );
  }).finally(() => {
    if (thread.jobs.size === 0) thread.worker.unref();
  });
}

const MAX_CHUNKS = 2 ** 32;

/**
 * ChunkSealer (file-cipher.ts) whose large pieces' whole chunks are sealed in
 * the pool (smaller ones in place, POOL_MIN_CHUNKS): the same bytes out, one
 * chunk held back until more bytes show it is not the last. `push` and `end`
 * must be called one after another, each awaited.
 */
export class PooledChunkSealer {
  private readonly pending = Buffer.allocUnsafe(CHUNK_BYTES);
  private filled = 0;
  private index = 0;
  private started = false;

  constructor(
    private readonly key: FileKey,
    private readonly header: Buffer,
  ) {}

  async push(bytes: Uint8Array): Promise<Buffer[]> {
    const out: Buffer[] = [];
    if (!this.started) {
      this.started = true;
      out.push(this.header);
    }
    const total = this.filled + bytes.length;
    // Whole chunks with at least one byte after them: only these are known not to be the last.
    const whole = total === 0 ? 0 : Math.floor((total - 1) / CHUNK_BYTES);
    if (whole === 0) {
      this.pending.set(bytes, this.filled);
      this.filled = total;
      return out;
    }
    if (this.index + whole >= MAX_CHUNKS) throw new DomainError('too_large', 'The file is too large to store.');
    if (whole < POOL_MIN_CHUNKS) return this.sealInPlace(bytes, whole, out);
    // One buffer of its own holding the held-back bytes and the new ones: handed to the thread without a copy.
    const job = Buffer.allocUnsafeSlow(whole * CHUNK_BYTES);
    this.pending.copy(job, 0, 0, this.filled);
    const taken = whole * CHUNK_BYTES - this.filled;
    job.set(bytes.subarray(0, taken), this.filled);
    const rest = bytes.subarray(taken);
    this.pending.set(rest, 0);
    this.filled = rest.length;
    const first = this.index;
    this.index += whole;
    out.push(await sealInPool(this.key, this.header, first, job, false));
    return out;
  }

  /**
   * Seals `whole` chunks here: the held-back bytes completed from `bytes` first,
   * then chunks sealed where they lie in `bytes` (no copy), the rest held back.
   * The cipher copies what it reads, so the held-back buffer is free again at once.
   */
  private sealInPlace(bytes: Uint8Array, whole: number, out: Buffer[]): Buffer[] {
    let at = 0;
    for (let i = 0; i < whole; i++) {
      let plain: Uint8Array;
      if (this.filled > 0) {
        at = CHUNK_BYTES - this.filled;
        this.pending.set(bytes.subarray(0, at), this.filled);
        this.filled = 0;
        plain = this.pending;
      } else {
        plain = bytes.subarray(at, at + CHUNK_BYTES);
        at += CHUNK_BYTES;
      }
      out.push(...sealChunk(this.key, this.header, this.index++, plain, false));
    }
    const rest = bytes.subarray(at);
    this.pending.set(rest, 0);
    this.filled = rest.length;
    return out;
  }

  /** The held-back chunk (at most 64 KiB), sealed as the last: in place. */
  end(): Buffer[] {
    const out = this.started ? [] : [this.header];
    this.started = true;
    out.push(...sealChunk(this.key, this.header, this.index++, this.pending.subarray(0, this.filled), true));
    this.filled = 0;
    return out;
  }
}
