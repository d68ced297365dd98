import { stat } from 'node:fs/promises';
import { ImageRun, Paragraph, TextRun, AlignmentType } from 'docx';
import sharp from 'sharp';
import { DomainError } from '#shared/api/result';
import { photoStandIn } from './docx-package';
import type { ReportPhoto } from './model';
import { readSealedFile } from '../../crypto/file-cipher-io';
import type { ReportStrings } from './strings-en';

// libvips' operation cache only helps repeated operations on one image; a report touches each photo once
// (measured on the 200-photo benchmark: peak RSS 831 MB with it, 717 MB without, same time).
sharp.cache(false);

/** Longest side of an embedded photo, in pixels: sharp enough to read a label, small enough to mail. */
export const PHOTO_MAX_PX = 1600;
const JPEG_QUALITY = 80;
/** The printable area of A4 with 2 cm margins, in CSS pixels (96 dpi), leaving room for the caption. */
export const PAGE_WIDTH_PX = 640;
const PAGE_HEIGHT_PX = 780;

type PhotoProblem = { ok: false; reason: 'missing' | 'unreadable' };
export type PreparedPhoto = { ok: true; jpeg: Buffer; width: number; height: number } | PhotoProblem;
/** A photo already written into the package: the document needs only its size. */
export type PlacedPhoto = { ok: true; width: number; height: number } | PhotoProblem;

/**
 * The photo as it goes into the document: EXIF orientation applied, at most
 * 1600 px on its longest side, JPEG, with no metadata (no GPS position or
 * camera serial leaves with the report). Never throws for a bad file.
 */
export async function preparePhoto(path: string, fileKey?: Uint8Array | null): Promise<PreparedPhoto> {
  try {
    if (!(await stat(path)).isFile()) return { ok: false, reason: 'missing' };
  } catch {
    return { ok: false, reason: 'missing' };
  }
  try {
    const { data, info } = await sharp(await photoInput(path, fileKey), { failOn: 'error' })
      .rotate()
      .resize({ width: PHOTO_MAX_PX, height: PHOTO_MAX_PX, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, jpeg: data, width: info.width, height: info.height };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

/**
 * The placement a photo is expected to get, from its header alone (no
 * decoding): its upright size, or why it cannot be shown. The report's XML is
 * built from these before the photos are shrunk, and checked against what
 * shrinking gave (`samePlacement`).
 */
export async function expectPhoto(path: string, fileKey?: Uint8Array | null): Promise<PlacedPhoto> {
  try {
    if (!(await stat(path)).isFile()) return { ok: false, reason: 'missing' };
  } catch {
    return { ok: false, reason: 'missing' };
  }
  try {
    const { autoOrient } = await sharp(await photoInput(path, fileKey), { failOn: 'error' }).metadata();
    return { ok: true, width: autoOrient.width, height: autoOrient.height };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

/**
 * A photo of an encrypted folder is decrypted into memory (sharp holds a streamed input whole before decoding
 * anyway); a plain folder's is read by path.
 */
async function photoInput(path: string, fileKey?: Uint8Array | null): Promise<string | Buffer> {
  return fileKey ? readSealedFile(path, { key: Buffer.from(fileKey) }) : path;
}

/** Whether two placements give the same paragraphs: the same problem, or the same displayed size. */
export function samePlacement(a: PlacedPhoto, b: PlacedPhoto): boolean {
  if (!a.ok || !b.ok) return !a.ok && !b.ok && a.reason === b.reason;
  const x = displaySize(a.width, a.height);
  const y = displaySize(b.width, b.height);
  return x.width === y.width && x.height === y.height;
}

/** Displayed size: the page's width, or less for a tall picture so that it and its caption fit one page. */
export function displaySize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(PAGE_WIDTH_PX / width, PAGE_HEIGHT_PX / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** The paragraphs of photo N (or its placeholder) and its caption; the picture is the stand-in of the one written. */
export function photoParagraphs(photo: ReportPhoto, n: number, prepared: PlacedPhoto, s: ReportStrings): Paragraph[] {
  const caption = new Paragraph({ style: 'Caption', text: s.photos.caption(n, photo.caption, photo.ref) });
  if (!prepared.ok) {
    const text = prepared.reason === 'missing' ? s.photos.missing : s.photos.unreadable;
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        border: {
          top: { style: 'single', size: 6, color: 'C00000', space: 8 },
          bottom: { style: 'single', size: 6, color: 'C00000', space: 8 },
        },
        children: [new TextRun({ text, bold: true, color: 'C00000' })],
      }),
      caption,
    ];
  }
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'jpg',
          data: photoStandIn(n),
          transformation: displaySize(prepared.width, prepared.height),
          altText: { name: photo.ref, title: s.photos.cite(n, photo.ref), description: photo.caption },
        }),
      ],
    }),
    caption,
  ];
}

/** Cancellation is checked between photos: the slow part of a build. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DomainError('cancelled', { key: 'errors:exports.cancelled' });
}
