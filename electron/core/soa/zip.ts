/**
 * Reads a ZIP file's central directory (names and declared unpacked sizes)
 * without unpacking anything, so a damaged, foreign or bomb-like archive is
 * refused before the Excel reader spends memory on it.
 */

export interface ZipDirectory {
  names: string[];
  /** Sum of the declared uncompressed sizes; null when the archive uses ZIP64 totals we do not read. */
  unpackedBytes: number | null;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Null when there is no readable central directory (truncated or not a ZIP file). */
export function readZipDirectory(bytes: Buffer): ZipDirectory | null {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes.readUInt32LE(at) !== EOCD) continue;
    const count = bytes.readUInt16LE(at + 10);
    let p = bytes.readUInt32LE(at + 16);
    if (count === 0xffff || p === 0xffffffff) return { names: [], unpackedBytes: null };
    const names: string[] = [];
    let unpacked = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) return null;
      const nameLength = bytes.readUInt16LE(p + 28);
      const extraLength = bytes.readUInt16LE(p + 30);
      const commentLength = bytes.readUInt16LE(p + 32);
      const end = p + 46 + nameLength + extraLength + commentLength;
      if (end > bytes.length) return null;
      names.push(bytes.toString('utf8', p + 46, p + 46 + nameLength));
      const size = bytes.readUInt32LE(p + 24);
      unpacked += size === 0xffffffff ? zip64Size(bytes, p + 46 + nameLength, extraLength) : size;
      p = end;
    }
    return { names, unpackedBytes: unpacked };
  }
  return null;
}

/** The ZIP64 extra field (id 1) starts with the real uncompressed size. */
function zip64Size(bytes: Buffer, start: number, length: number): number {
  for (let p = start; p + 4 <= start + length;) {
    const id = bytes.readUInt16LE(p);
    const size = bytes.readUInt16LE(p + 2);
    if (id === 1 && size >= 8 && p + 12 <= bytes.length) return Number(bytes.readBigUInt64LE(p + 4));
    p += 4 + size;
  }
  return Number.MAX_SAFE_INTEGER;
}
