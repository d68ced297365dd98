/**
 * A ZIP file written entry by entry to disk, so a document's parts never sit
 * in memory together. Each entry is complete when added, so its CRC and sizes
 * go in the local header (no data descriptors, which stored entries may not
 * carry for Java's ZipInputStream, hence Apache POI): JPEG and PNG are stored
 * as they are, everything else deflated by zlib. No ZIP64: a report over 4 GB
 * is refused. (yazl keeps every added buffer until the end; fflate's stream
 * always writes data descriptors and deflates in JavaScript.)
 */
import { createHash } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { DomainError } from '#shared/api/result';
import { ChunkSealer, type FileKey } from '../../crypto/file-cipher';
import { writeAllPieces } from '../../crypto/file-cipher-io';

const deflate = promisify(deflateRaw);

/** Parts that are compressed already: deflating them again costs seconds on a photo-heavy report and saves nothing. */
export const isCompressedMedia = (name: string): boolean => /\.(?:jpe?g|png|gif|webp)$/i.test(name);

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const MAX32 = 0xffffffff;
/** 1980-01-01 00:00, the earliest DOS date: every entry gets it, so the same parts make the same file. */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

export interface ZipResult {
  size: number;
  /** SHA-256 of the whole file, hex. */
  sha256: string;
}

const tooLarge = () => new DomainError('too_large', { key: 'errors:exports.tooLarge' });

export class ZipFileWriter {
  private readonly entries: Written[] = [];
  private readonly hash = createHash('sha256');
  private offset = 0;
  /** Adds run one after another in the order called, whoever calls them. */
  private tail: Promise<void> = Promise.resolve();

  private constructor(
    private readonly handle: FileHandle,
    private readonly path: string,
    /** In an encrypted data folder the file is sealed as it is written (crypto/file-cipher.ts): no plaintext on disk. */
    private readonly sealer: ChunkSealer | null,
  ) {}

  /**
   * Creates the file (it must not exist), readable by its owner only. With a key, the bytes written are the
   * sealed form of the ZIP; the size and SHA-256 answered are still the ZIP's own.
   */
  static async create(path: string, key: FileKey | null = null): Promise<ZipFileWriter> {
    return new ZipFileWriter(await open(path, 'wx', 0o600), path, key ? new ChunkSealer(key) : null);
  }

  /** Adds one entry: stored when it is compressed media, else deflated. */
  add(name: string, data: Buffer): Promise<void> {
    const run = this.tail.then(() => this.write(name, data));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async write(name: string, data: Buffer): Promise<void> {
    const method = isCompressedMedia(name) ? 0 : 8;
    const body = method === 0 ? data : await deflate(data, { level: 6 });
    const entry: Written = {
      name: Buffer.from(name, 'utf8'),
      method,
      crc: crc32(data),
      compressed: body.length,
      size: data.length,
      offset: this.offset,
    };
    if (entry.size > MAX32 || entry.compressed > MAX32 || this.offset + 30 + entry.name.length + body.length > MAX32) {
      throw tooLarge();
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressed, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28);
    await this.emit([header, entry.name, body]);
    this.entries.push(entry);
  }

  private async emit(chunks: Buffer[]): Promise<void> {
    for (const c of chunks) this.hash.update(c);
    if (this.sealer)
      await writeAllPieces(
        this.handle,
        chunks.flatMap((c) => this.sealer!.push(c)),
      );
    else await this.handle.writev(chunks);
    this.offset += chunks.reduce((n, c) => n + c.length, 0);
  }

  /** Writes the central directory, syncs the file to disk and closes it. */
  async finish(): Promise<ZipResult> {
    await this.tail;
    if (this.entries.length > 0xffff) throw tooLarge();
    const start = this.offset;
    const records = this.entries.map((e) => {
      const r = Buffer.alloc(46);
      r.writeUInt32LE(CENTRAL, 0);
      r.writeUInt16LE(20, 4); // made by: MS-DOS attributes, 2.0
      r.writeUInt16LE(20, 6);
      r.writeUInt16LE(0x0800, 8);
      r.writeUInt16LE(e.method, 10);
      r.writeUInt16LE(DOS_TIME, 12);
      r.writeUInt16LE(DOS_DATE, 14);
      r.writeUInt32LE(e.crc, 16);
      r.writeUInt32LE(e.compressed, 20);
      r.writeUInt32LE(e.size, 24);
      r.writeUInt16LE(e.name.length, 28);
      r.writeUInt32LE(e.offset, 42); // extra, comment, disk, attributes: 0
      return Buffer.concat([r, e.name]);
    });
    const directory = Buffer.concat(records);
    if (start + directory.length > MAX32) throw tooLarge();
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.emit([directory, end]);
    if (this.sealer) await writeAllPieces(this.handle, this.sealer.end());
    await this.handle.sync();
    await this.handle.close();
    return { size: this.offset, sha256: this.hash.digest('hex') };
  }

  /** Closes and removes the unfinished file. */
  async discard(): Promise<void> {
    await this.tail;
    await this.handle.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}
