import { rm, stat } from 'node:fs/promises';
import type { FileKey } from '../crypto/file-cipher';
import { readSealedFile, withSealedFile, writeSealed } from '../crypto/file-cipher-io';
import type { EvidenceStore } from './store';

/**
 * What the app learns from a stored file: its media type (sniffed from the
 * bytes; a browser's or extension's guess only when sniffing finds nothing
 * and the guess is believable), when a photo was taken, and a small preview.
 * Nothing here throws for a bad file: a corrupt image is kept, without preview.
 * The parsers are loaded on first use, so backend start-up stays quick.
 */
export interface MediaFacts {
  mediaType: string;
  capturedAt: string | null;
  hasThumbnail: boolean;
}

export const THUMBNAIL_MAX_PX = 320;
const EXIF_BYTES = 1024 * 1024;
const ZIP_SNIFF_BYTES = 4 * 1024 * 1024;
const OCTET_STREAM = 'application/octet-stream';
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]{0,100}$/;
// Formats the sniffer recognises by their bytes: a guess claiming one of these for bytes it did not recognise is wrong.
const SNIFFABLE = /^(image\/(?!svg\+xml$)|audio\/|video\/|font\/)|^application\/(pdf|zip|gzip|x-7z-compressed|x-rar)/;
// Raster formats sharp can decode and exifr can read dates from.
const RASTER = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/tiff',
  'image/avif',
  'image/heic',
]);
const BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  log: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  htm: 'text/html',
  svg: 'image/svg+xml',
  eml: 'message/rfc822',
};

/**
 * Loaded once, on first use. The promise is kept: every `import()` call goes
 * through module resolution again, which under a loader (tsx, bundlers'
 * runtimes) costs far more than sniffing a file does.
 */
const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
};
const sharpModule = once(async () => {
  const sharp = (await import('sharp')).default;
  // No cross-call cache: previews are made once per file, and the backend should stay small.
  sharp.cache(false);
  return sharp;
});
const fileTypeModule = once(() => import('file-type'));
const exifrModule = once(async () => (await import('exifr')).default);

/**
 * The type of the stored file, from its first bytes (`head`) where possible.
 * A ZIP is looked at whole: Office documents and the like are ZIPs whose kind
 * shows only in their entries. `hint` is what the browser said (may be '').
 */
export async function sniffMediaType(
  path: string,
  name: string,
  hint: string,
  head?: Buffer,
  key?: FileKey | null,
): Promise<string> {
  try {
    const { fileTypeFromBuffer, fileTypeFromFile } = await fileTypeModule();
    // Of a sealed file (encrypted folder), the first bytes decrypted: enough for the entries that name a ZIP's kind.
    const whole = async () =>
      key
        ? fileTypeFromBuffer(await withSealedFile(path, key, (f) => f.read(0, ZIP_SNIFF_BYTES)))
        : fileTypeFromFile(path);
    let found = head ? await fileTypeFromBuffer(head) : await whole();
    if (head && found?.mime === 'application/zip') found = await whole();
    if (found) return found.mime;
  } catch {
    // Unreadable as any known format: fall through to the guesses.
  }
  const guess = hint.trim().toLowerCase().split(';')[0]!.trim() || BY_EXTENSION[extension(name)] || '';
  return MEDIA_TYPE.test(guess) && !SNIFFABLE.test(guess) ? guess : OCTET_STREAM;
}

const extension = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** EXIF DateTimeOriginal as local wall-clock time (2026-03-14T09:30:12), as cameras record no time zone. */
export async function readCapturedAt(path: string, key?: FileKey | null): Promise<string | null> {
  try {
    const exifr = await exifrModule();
    // Of a sealed file, the first MiB: EXIF sits near the start of every raster format read here.
    const input = key ? await withSealedFile(path, key, (f) => f.read(0, EXIF_BYTES)) : path;
    const tags = (await exifr.parse(input, { pick: ['DateTimeOriginal'], reviveValues: false })) as
      { DateTimeOriginal?: unknown } | undefined;
    return exifDate(tags?.DateTimeOriginal);
  } catch {
    return null;
  }
}

export function exifDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  const d = new Date(`${iso}Z`);
  // Cameras without a set clock write zeros; a date the calendar lacks is no date.
  if (Number.isNaN(d.getTime()) || !d.toISOString().startsWith(iso) || Number(m[1]) < 1900) return null;
  return iso;
}

/** Writes a JPEG preview (at most 320 px, turned upright) into the store; false if the image cannot be decoded. */
export async function makeThumbnail(store: EvidenceStore, sha256: string): Promise<boolean> {
  const target = store.thumbPath(sha256);
  // The same file in another audit already has its preview.
  if (
    await stat(target).then(
      () => true,
      () => false,
    )
  )
    return true;
  let temp: string | null = null;
  try {
    const sharp = await sharpModule();
    const key = store.cipher?.file;
    // A sealed image is decrypted into memory: sharp holds a streamed input whole before decoding it anyway.
    const jpeg = await sharp(key ? await readSealedFile(store.blobPath(sha256), key) : store.blobPath(sha256))
      .rotate()
      .resize(THUMBNAIL_MAX_PX, THUMBNAIL_MAX_PX, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
    const file = await store.tempFile();
    temp = file.path;
    try {
      if (key) await writeSealed(file.handle, key, jpeg);
      else await file.handle.writeFile(jpeg);
      await file.handle.sync();
    } finally {
      await file.handle.close();
    }
    await store.place(temp, target);
    return true;
  } catch {
    if (temp) await rm(temp, { force: true }).catch(() => undefined);
    return false;
  }
}

/** Everything at once, for a file just placed in the store (its digest is claimed by the caller). */
export async function describe(
  store: EvidenceStore,
  sha256: string,
  name: string,
  hint: string,
  head?: Buffer,
): Promise<MediaFacts> {
  const path = store.blobPath(sha256);
  const key = store.cipher?.file;
  const mediaType = await sniffMediaType(path, name, hint, head, key);
  if (!RASTER.has(mediaType)) return { mediaType, capturedAt: null, hasThumbnail: false };
  const [capturedAt, hasThumbnail] = await Promise.all([readCapturedAt(path, key), makeThumbnail(store, sha256)]);
  return { mediaType, capturedAt, hasThumbnail };
}
