/**
 * Unpacks a ZIP file (DOCX, XLSX) with limits on the work actually done: the
 * entries of the central directory are inflated one by one, streaming, and
 * each stops as soon as it yields more than it declares (a zip bomb states a
 * small size and unpacks to gigabytes). The declared sizes must sum to at most
 * the caller's limit, so at most that much is ever inflated.
 */
import { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';

export interface ZipLimits {
  /** Total uncompressed bytes. */
  unpackedBytes: number;
  entries: number;
}

/**
 * `damaged`: not a readable ZIP file (truncated, bad CRC, encrypted, unknown
 * compression, duplicate names). `too_large`: declares more than the limits.
 * `understated`: an entry inflates past its declared size, as zip bombs do.
 */
export type ZipProblem = 'damaged' | 'too_large' | 'understated';

export class ZipRefused extends Error {
  /** `detail` says which kind of damage, for callers that name it (e.g. 'duplicate_name', 'truncated'). */
  constructor(
    readonly problem: ZipProblem,
    readonly detail?: string,
  ) {
    super(`ZIP file refused: ${problem}`);
  }
}

/** Bytes produced by inflating, over the process's lifetime: what tests use to see the work was bounded. */
export const unzipWork = { inflatedBytes: 0 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;
export const STORED = 0;
const DEFLATED = 8;
const MAX32 = 0xffffffff;
/** Output slice of one inflate step: the most an entry can overrun its declared size by before it is stopped. */
export const INFLATE_CHUNK = 64 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  unpacked: number;
  localOffset: number;
  /** Host OS in the high byte of "version made by" (3 = Unix); the Unix mode is the top 16 bits of the attributes. */
  madeBy: number;
  externalAttributes: number;
}
type Entry = ZipEntry;

/** Entry name → bytes, folders left out. Throws ZipRefused. */
export async function unzipBounded(bytes: Buffer, limits: ZipLimits): Promise<Map<string, Buffer>> {
  const entries = readDirectory(bytes, limits);
  const out = new Map<string, Buffer>();
  for (const entry of entries) {
    const parts: Buffer[] = [];
    for await (const chunk of entryChunks(Readable.from([entryData(bytes, entry)]), entry)) parts.push(chunk);
    const content = Buffer.concat(parts);
    if (!entry.name.endsWith('/')) out.set(entry.name, content);
  }
  return out;
}

/**
 * The entries of the central directory, checked against the limits before anything is unpacked.
 * `bytes` may be the end of a file that starts at file offset `base` (see unzip-file.ts).
 */
export function readDirectory(bytes: Buffer, limits: ZipLimits, base = 0): Entry[] {
  const eocd = findEndOfDirectory(bytes);
  if (eocd < 0) throw new ZipRefused('damaged', 'no_directory');
  const count = bytes.readUInt16LE(eocd + 10);
  const directoryAt = bytes.readUInt32LE(eocd + 16);
  let p = directoryAt - base;
  // ZIP64 totals only appear beyond 65,535 entries or 4 GB, both far past any limit here.
  if (count === 0xffff || directoryAt === MAX32) throw new ZipRefused('too_large');
  if (count > limits.entries) throw new ZipRefused('too_large');
  if (p < 0) throw new ZipRefused('damaged', 'truncated');
  const entries: Entry[] = [];
  const names = new Set<string>();
  let declared = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw new ZipRefused('damaged', 'truncated');
    const flags = bytes.readUInt16LE(p + 8);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const end = p + 46 + nameLength + extraLength + bytes.readUInt16LE(p + 32);
    if (end > bytes.length) throw new ZipRefused('damaged');
    const entry: Entry = {
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
      method: bytes.readUInt16LE(p + 10),
      crc: bytes.readUInt32LE(p + 16),
      compressed: bytes.readUInt32LE(p + 20),
      unpacked: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      madeBy: bytes.readUInt8(p + 5),
      externalAttributes: bytes.readUInt32LE(p + 38),
    };
    readZip64(bytes, p + 46 + nameLength, extraLength, entry);
    // Encrypted entries and compression methods other than stored/deflate are not what Office writes.
    if (flags & 1 || (entry.method !== STORED && entry.method !== DEFLATED)) throw new ZipRefused('damaged');
    // Two entries of one name: readers would disagree on which one is the part.
    if (names.has(entry.name)) throw new ZipRefused('damaged', 'duplicate_name');
    names.add(entry.name);
    declared += entry.unpacked;
    if (declared > limits.unpackedBytes) throw new ZipRefused('too_large');
    entries.push(entry);
    p = end;
  }
  return entries;
}

export function findEndOfDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  return -1;
}

/** Sizes or offsets of 0xffffffff are in the ZIP64 extra field (id 1), in this order, when present. */
function readZip64(bytes: Buffer, start: number, length: number, entry: Entry): void {
  const wanted = (['unpacked', 'compressed', 'localOffset'] as const).filter((k) => entry[k] === MAX32);
  if (wanted.length === 0) return;
  for (let p = start; p + 4 <= start + length;) {
    const id = bytes.readUInt16LE(p);
    const size = bytes.readUInt16LE(p + 2);
    if (id === 1 && size >= wanted.length * 8 && p + 4 + size <= start + length) {
      // Anything past 2^53 is refused by the size limit or the bounds check anyway.
      wanted.forEach((k, i) => (entry[k] = Number(bytes.readBigUInt64LE(p + 4 + i * 8))));
      return;
    }
    p += 4 + size;
  }
  throw new ZipRefused('damaged');
}

/** The entry's compressed bytes, found through its local header. */
function entryData(bytes: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw new ZipRefused('damaged');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressed > bytes.length) throw new ZipRefused('damaged');
  return bytes.subarray(start, start + entry.compressed);
}

/**
 * An entry's content from its compressed bytes, chunk by chunk: stopped at the
 * first chunk that takes it past the declared size (zip bombs), then checked
 * for size and CRC. Used for entries in memory and streamed from disk alike.
 */
export async function* entryChunks(compressed: Readable, entry: Entry): AsyncGenerator<Buffer> {
  const inflate = entry.method === STORED ? null : createInflateRaw({ chunkSize: INFLATE_CHUNK });
  if (inflate) {
    compressed.on('error', (e) => inflate.destroy(e));
    compressed.pipe(inflate);
  }
  let produced = 0;
  let crc = 0;
  try {
    for await (const chunk of (inflate ?? compressed) as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (inflate) unzipWork.inflatedBytes += chunk.length;
      if (produced > entry.unpacked) throw new ZipRefused('understated');
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (e) {
    throw e instanceof ZipRefused ? e : new ZipRefused('damaged');
  } finally {
    compressed.destroy();
    inflate?.destroy();
  }
  if (produced !== entry.unpacked || crc !== entry.crc) throw new ZipRefused('damaged');
}
