/**
 * Writes ZIP files byte by byte, so a test can state whatever sizes it likes
 * in the headers — as a zip bomb does — independently of the reader under test.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

export interface ZipEntrySpec {
  name: string;
  /** The real content; deflated unless `stored`. */
  content: Buffer;
  stored?: boolean;
  /** The uncompressed size written in both headers (default: the real size). */
  declaredSize?: number;
}

export function writeZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = e.stored ? e.content : deflateRawSync(e.content);
    const crc = crc32(e.content);
    const size = e.declaredSize ?? e.content.length;
    const method = e.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a real ZIP file (read with jszip, not the reader under test). */
export async function entriesOf(zipBytes: Buffer): Promise<ZipEntrySpec[]> {
  const zip = await JSZip.loadAsync(zipBytes);
  const out: ZipEntrySpec[] = [];
  for (const f of Object.values(zip.files)) {
    if (!f.dir) out.push({ name: f.name, content: await f.async('nodebuffer') });
  }
  return out;
}

/** `mb` MiB of zeros: deflates to about a thousandth of that. */
export const zeros = (mb: number) => Buffer.alloc(mb * 1024 * 1024);
