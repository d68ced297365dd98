import { DomainError } from '#shared/api/result';
import { BRAND_IMAGE_MAX_BYTES } from '#shared/domain/branding';
import type { NormalisedImage } from '../repos/branding';

/** Largest side a logo or mark is stored at: plenty for a report's cover at print resolution. */
const MAX_SIDE = 1200;
/** A decompression bomb (a small file declaring a huge canvas) is refused before it is decoded. */
const MAX_PIXELS = 40_000_000;
const ACCEPTED = new Set(['image/png', 'image/jpeg', 'image/webp']);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Checks an uploaded logo or accreditation mark and re-encodes it as PNG, so
 * that only pixels we decoded ourselves ever reach a report (no metadata, no
 * hostile container). Throws a DomainError that says what is wrong.
 */
export async function normaliseBrandImage(dataBase64: string, label: string): Promise<NormalisedImage> {
  if (!BASE64.test(dataBase64) || dataBase64.length % 4 !== 0) {
    throw new DomainError('invalid_input', `The ${label} did not arrive intact (not valid base64). Nothing was saved.`);
  }
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length > BRAND_IMAGE_MAX_BYTES) {
    throw new DomainError(
      'invalid_input',
      `The ${label} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; use an image of at most ${BRAND_IMAGE_MAX_BYTES / 1024 / 1024} MB. Nothing was saved.`,
    );
  }
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ACCEPTED.has(type.mime)) {
    const seen = type ? ` (it is ${type.ext.toUpperCase()})` : '';
    throw new DomainError(
      'invalid_input',
      `The ${label} is not an image Fieldwork can use${seen}: choose a PNG, JPEG or WebP file. Nothing was saved.`,
    );
  }
  const sharp = (await import('sharp')).default;
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch {
    throw new DomainError(
      'invalid_input',
      `The ${label} could not be read as an image (damaged, or larger than ${MAX_PIXELS / 1_000_000} megapixels). Nothing was saved.`,
    );
  }
}
