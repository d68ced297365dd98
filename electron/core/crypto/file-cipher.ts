import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from '#shared/api/result';

/**
 * The at-rest format of evidence files, thumbnails and issued report copies:
 * AES-256-GCM over fixed 64 KiB chunks, so files stream in and out without
 * ever being whole in memory, and a range is read by opening only its chunks.
 *
 *   header  'FWEC' | version 1 | 3 zero bytes | 8-byte random nonce prefix   (16 bytes)
 *   chunk   ciphertext (64 KiB, the last one 0..64 KiB) | 16-byte GCM tag      (×n, n ≥ 1)
 *
 * Chunk i's nonce is prefix ‖ uint32be(i), so chunks cannot be swapped; its
 * additional data is the header ‖ (1 if it is the last chunk, else 0), so a
 * file cut at a chunk boundary fails (its new last chunk was sealed as "not
 * last") and the header cannot be altered. An empty file is one empty chunk.
 * The key is derived from the folder's data key with HKDF (info "fieldwork
 * evidence v1"), never the data key itself.
 */

export const CHUNK_BYTES = 64 * 1024;
export const TAG_BYTES = 16;
export const HEADER_BYTES = 16;
const SEALED_CHUNK = CHUNK_BYTES + TAG_BYTES;
const MAGIC = Buffer.from('FWEC', 'latin1');
const VERSION = 1;
const PREFIX_BYTES = 8;
const MAX_CHUNKS = 2 ** 32;

/** The content key of one data folder, derived once from its 32-byte data key. */
export interface FileKey {
  readonly key: Buffer;
}

export function fileKey(dataKey: Buffer): FileKey {
  if (dataKey.length !== 32) throw new Error('The data key must be 32 bytes.');
  return { key: Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'fieldwork evidence v1', 32)) };
}

export const damagedFile = () =>
  new DomainError(
    'storage',
    'A file in the data folder is damaged or was changed outside Fieldwork (it failed its integrity check), ' +
      'or it belongs to another data folder; it cannot be read.',
  );

/** How many bytes the sealed form of a `plainSize`-byte file takes. */
export function sealedSize(plainSize: number): number {
  return HEADER_BYTES + chunkCount(plainSize) * TAG_BYTES + plainSize;
}

const chunkCount = (plainSize: number) => Math.max(1, Math.ceil(plainSize / CHUNK_BYTES));

/** The plaintext size of a sealed file of `size` bytes; throws damagedFile if no well-formed file has that size. */
export function plainSizeOf(size: number): number {
  const body = size - HEADER_BYTES;
  if (body < TAG_BYTES) throw damagedFile();
  const n = Math.ceil(body / SEALED_CHUNK);
  const lastSealed = body - (n - 1) * SEALED_CHUNK;
  // A last chunk of only part of a tag, or an empty last chunk after a full one: cut or padded.
  if (lastSealed < TAG_BYTES || (n > 1 && lastSealed === TAG_BYTES)) throw damagedFile();
  return body - n * TAG_BYTES;
}

function nonce(prefix: Buffer, index: number): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, PREFIX_BYTES);
  return n;
}

function aad(header: Buffer, last: boolean): Buffer {
  return Buffer.concat([header, Buffer.of(last ? 1 : 0)]);
}

/** The sealed chunk as pieces (ciphertext, tag), written as they are: no copy to join them. */
export function sealChunk(key: FileKey, header: Buffer, index: number, plain: Uint8Array, last: boolean): Buffer[] {
  if (index >= MAX_CHUNKS) throw new DomainError('too_large', 'The file is too large to store.');
  const cipher = createCipheriv('aes-256-gcm', key.key, nonce(header.subarray(8), index));
  cipher.setAAD(aad(header, last));
  const body = cipher.update(plain);
  // GCM's final() yields no bytes, only the tag.
  cipher.final();
  return [body, cipher.getAuthTag()];
}

export const SEALED_MAGIC_BYTES = 4;
/** Whether bytes start like a sealed file (the magic only: says nothing of its integrity). */
export const isSealedHeader = (bytes: Uint8Array): boolean =>
  bytes.length >= SEALED_MAGIC_BYTES && MAGIC.equals(bytes.subarray(0, SEALED_MAGIC_BYTES));

/** Checks a file's header; answers it (the additional data of its chunks). */
export function checkHeader(header: Buffer): Buffer {
  if (header.length !== HEADER_BYTES || !header.subarray(0, 4).equals(MAGIC) || header[4] !== VERSION) {
    throw damagedFile();
  }
  return header;
}

/** Opens chunk `index` (sealed bytes with their tag); throws damagedFile unless it is intact and in its place. */
export function openChunk(key: FileKey, header: Buffer, index: number, sealed: Buffer, last: boolean): Buffer {
  if (sealed.length < TAG_BYTES) throw damagedFile();
  const decipher = createDecipheriv('aes-256-gcm', key.key, nonce(header.subarray(8), index));
  decipher.setAAD(aad(header, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    decipher.final();
  } catch {
    throw damagedFile();
  }
  return plain;
}

/** A new file's header: its random nonce prefix makes every file's nonces its own. */
export const newHeader = (): Buffer => Buffer.concat([MAGIC, Buffer.of(VERSION, 0, 0, 0), randomBytes(PREFIX_BYTES)]);

/**
 * Seals a stream of plaintext piece by piece: `push` answers the sealed bytes
 * ready so far (the header first), `end` the rest. One chunk is held back until
 * more bytes come or the stream ends, as only then is it known to be the last.
 */
export class ChunkSealer {
  private readonly header: Buffer;
  private readonly pending = Buffer.allocUnsafe(CHUNK_BYTES);
  private filled = 0;
  private index = 0;
  private started = false;

  constructor(
    private readonly key: FileKey,
    header = newHeader(),
  ) {
    this.header = header;
  }

  push(bytes: Uint8Array): Buffer[] {
    const out: Buffer[] = [];
    if (!this.started) {
      this.started = true;
      out.push(this.header);
    }
    let at = 0;
    while (at < bytes.length) {
      // A full chunk is sealed only once a further byte shows it is not the last.
      if (this.filled === CHUNK_BYTES) {
        out.push(...sealChunk(this.key, this.header, this.index++, this.pending, false));
        this.filled = 0;
      }
      // A whole chunk of the input with more after it is sealed where it lies, not copied first.
      if (this.filled === 0 && bytes.length - at > CHUNK_BYTES) {
        out.push(...sealChunk(this.key, this.header, this.index++, bytes.subarray(at, at + CHUNK_BYTES), false));
        at += CHUNK_BYTES;
        continue;
      }
      const take = Math.min(CHUNK_BYTES - this.filled, bytes.length - at);
      this.pending.set(bytes.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
    }
    return out;
  }

  end(): Buffer[] {
    const out = this.started ? [] : [this.header];
    this.started = true;
    out.push(...sealChunk(this.key, this.header, this.index++, this.pending.subarray(0, this.filled), true));
    this.filled = 0;
    return out;
  }
}

/** Where chunk `index` of a sealed file starts. */
export const chunkOffset = (index: number) => HEADER_BYTES + index * SEALED_CHUNK;

/** The chunks a sealed file of `plainSize` bytes has, and the sealed length of chunk `index`. */
export function chunkLayout(plainSize: number): { count: number; sealedLength(index: number): number } {
  const count = chunkCount(plainSize);
  return {
    count,
    sealedLength: (index) => (index < count - 1 ? SEALED_CHUNK : plainSize - (count - 1) * CHUNK_BYTES + TAG_BYTES),
  };
}
