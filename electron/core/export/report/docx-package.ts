/**
 * A DOCX package written part by part: the `docx` library builds the XML,
 * but photos reach the file without passing through it. A photo is written to
 * the ZIP as `word/media/photo-N.jpg` as soon as sharp has shrunk it, and
 * the library is given a tiny stand-in instead (`photoStandIn`), so it never
 * holds, hashes or re-deflates the pictures; afterwards each stand-in part is
 * dropped and the relationships pointing at it are pointed at the real photo.
 */
import { createHash } from 'node:crypto';
import { Packer, type Document } from 'docx';
import { signParts, type Signer } from '../../signing/package-sign';
import type { ZipFileWriter, ZipResult } from './zip-writer';

const STAND_IN = 'fieldwork-photo-stand-in:';

/** The bytes given to the library for photo N (1-based): unique per photo, so the library keeps one part each. */
export const photoStandIn = (n: number): Buffer => Buffer.from(`${STAND_IN}${n}`, 'latin1');

/** Where photo N is stored in the package. */
export const photoEntry = (n: number): string => `word/media/photo-${String(n).padStart(4, '0')}.jpg`;

/** Photos already in the ZIP: entry name → SHA-256 (base64), what the signature's Manifest needs of them. */
export type WrittenMedia = Map<string, string>;

/** Writes a shrunk photo into the package now, and remembers its digest for a signature. */
export async function writePhoto(zip: ZipFileWriter, media: WrittenMedia, n: number, jpeg: Buffer): Promise<void> {
  const name = photoEntry(n);
  media.set(name, createHash('sha256').update(jpeg).digest('base64'));
  await zip.add(name, jpeg);
}

/** What `Packer` zips: the package's parts by path, XML as strings (docx 9). */
interface DocxCompiler {
  compile(file: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array>;
}

/**
 * docx's own compiler, which `Packer` zips the output of: taking its parts
 * directly skips zipping them (DEFLATE in JavaScript) only to unzip them here,
 * about a second and 30 MB on a 200-photo report. Not public API (the version
 * is pinned), so its shape is checked.
 */
function compiler(): DocxCompiler {
  const c = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  if (typeof c?.compile !== 'function') throw new Error('docx no longer has Packer.compiler');
  return c as DocxCompiler;
}

/** The library's parts of the document (XML, small images such as the logo, and the photos' stand-ins). */
export function compileDocument(doc: Document): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  for (const [name, data] of compiler().compile(doc, undefined, [])) {
    parts.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data));
  }
  return parts;
}

/**
 * Replaces every photo stand-in in `parts` by a reference to its written
 * photo. Throws if a stand-in is not where it should be: the document would
 * show a broken picture.
 */
export function linkPhotos(parts: Map<string, Buffer>, media: WrittenMedia): Map<string, Buffer> {
  const renamed = new Map<string, string>();
  for (const [name, bytes] of parts) {
    if (!name.startsWith('word/media/') || bytes.length > 64) continue;
    const text = bytes.toString('latin1');
    if (!text.startsWith(STAND_IN)) continue;
    const entry = photoEntry(Number(text.slice(STAND_IN.length)));
    if (!media.has(entry)) throw new Error('A photo stand-in has no photo');
    renamed.set(name.slice('word/'.length), entry.slice('word/'.length));
    parts.delete(name);
  }
  if (renamed.size !== media.size) throw new Error('Not every written photo is referenced by the document');
  for (const [name, bytes] of parts) {
    if (!name.endsWith('.rels') || renamed.size === 0) continue;
    const xml = bytes.toString('utf8');
    const retargeted = xml.replace(/Target="(media\/[^"]+)"/g, (whole, target: string) => {
      const to = renamed.get(target);
      return to ? `Target="${to}"` : whole;
    });
    if (retargeted !== xml) parts.set(name, Buffer.from(retargeted, 'utf8'));
  }
  return parts;
}

/**
 * Finishes the package: signs it when asked (photos by their digests, the
 * rest as bytes), writes the remaining parts and closes the file.
 */
export async function finishDocx(
  zip: ZipFileWriter,
  parts: Map<string, Buffer>,
  media: WrittenMedia,
  signer: Signer | null,
  onSigning?: () => void,
): Promise<ZipResult> {
  if (signer) {
    onSigning?.();
    signParts({ parts }, signer, media);
  }
  for (const [name, bytes] of parts) await zip.add(name, bytes);
  return zip.finish();
}
