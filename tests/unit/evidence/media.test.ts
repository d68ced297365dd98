import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exifDate } from '#core/evidence/media';
import { safeName } from '#core/evidence/names';
import { tempBackend, value } from '../../helpers/backend';
import { filesIn, seedAudit, sha256, upload } from './helpers';

let t: ReturnType<typeof tempBackend>;
let auditId: string;
beforeAll(async () => {
  t = tempBackend();
  ({ auditId } = await seedAudit(t.backend));
});
afterAll(() => t.cleanup());

const photo = (width: number, height: number, exif?: Record<string, string>) => {
  const img = sharp({ create: { width, height, channels: 3, background: '#3a6ea5' } }).jpeg();
  return (exif ? img.withExif({ IFD0: { Make: 'Fieldwork test' }, IFD2: exif }) : img).toBuffer();
};

const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('media type, capture date and previews', () => {
  it('reads when a photo was taken and makes a JPEG preview of at most 320 px', async () => {
    const jpeg = await photo(1600, 1200, { DateTimeOriginal: '2026:03:14 09:30:12' });
    const { evidence } = value(await upload(t.backend, auditId, 'IMG_0001.JPG', jpeg, undefined, { mediaType: '' }));
    expect(evidence).toMatchObject({ mediaType: 'image/jpeg', capturedAt: '2026-03-14T09:30:12', hasThumbnail: true });
    const thumb = value(await t.backend.call('evidence.thumbnail', { id: evidence.id }));
    expect(thumb?.mediaType).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(thumb!.dataBase64, 'base64')).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([320, 240]);
    expect(filesIn(t.dataDir, 'thumbs')).toEqual([`${evidence.sha256.slice(0, 2)}/${evidence.sha256}.jpg`]);
  });

  it('keeps small images at their size and has no date without EXIF', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#fff0' } })
      .png()
      .toBuffer();
    const { evidence } = value(await upload(t.backend, auditId, 'dot.png', png));
    expect(evidence).toMatchObject({ mediaType: 'image/png', capturedAt: null, hasThumbnail: true });
    const thumb = value(await t.backend.call('evidence.thumbnail', { id: evidence.id }))!;
    const meta = await sharp(Buffer.from(thumb.dataBase64, 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([40, 30]);
  });

  it('keeps a corrupt image, without preview', async () => {
    // Random bytes named .jpg, with the browser claiming a JPEG: the bytes say otherwise.
    const junk = randomBytes(4096);
    const a = value(await upload(t.backend, auditId, 'broken.jpg', junk, undefined, { mediaType: 'image/jpeg' }));
    expect(a.evidence).toMatchObject({ mediaType: 'application/octet-stream', hasThumbnail: false, size: 4096 });
    expect(value(await t.backend.call('evidence.thumbnail', { id: a.evidence.id }))).toBeNull();
    // A real JPEG cut short: recognised as JPEG, but it cannot be decoded.
    const whole = await photo(800, 600);
    const cut = whole.subarray(0, Math.floor(whole.length / 3));
    const b = value(await upload(t.backend, auditId, 'cut.jpg', cut));
    expect(b.evidence).toMatchObject({ mediaType: 'image/jpeg', hasThumbnail: false, capturedAt: null });
    expect(b.evidence.sha256).toBe(sha256(cut));
  });

  it('sniffs types from the bytes and believes a guess only where bytes cannot tell', async () => {
    const pdf = value(
      await upload(t.backend, auditId, 'policy.bin', MINIMAL_PDF, undefined, { mediaType: 'text/plain' }),
    );
    expect(pdf.evidence).toMatchObject({ mediaType: 'application/pdf', hasThumbnail: false });
    const csv = Buffer.from('name,role\nSam,CISO\n');
    const hinted = value(
      await upload(t.backend, auditId, 'staff', csv, undefined, { mediaType: 'text/csv; charset=utf-8' }),
    );
    expect(hinted.evidence.mediaType).toBe('text/csv');
    const byName = value(await upload(t.backend, auditId, 'notes.txt', Buffer.from('plain words')));
    expect(byName.evidence.mediaType).toBe('text/plain');
    const nonsense = value(
      await upload(t.backend, auditId, 'x', Buffer.from('more words'), undefined, { mediaType: 'not a type' }),
    );
    expect(nonsense.evidence.mediaType).toBe('application/octet-stream');
  });

  it('turns EXIF dates into local wall-clock times, ignoring unset clocks', () => {
    expect(exifDate('2026:03:14 09:30:12')).toBe('2026-03-14T09:30:12');
    expect(exifDate('0000:00:00 00:00:00')).toBeNull();
    expect(exifDate('2026:02:30 10:00:00')).toBeNull();
    expect(exifDate('yesterday')).toBeNull();
    expect(exifDate(undefined)).toBeNull();
  });
});

describe('safe names', () => {
  it('keeps ordinary names as they are', () => {
    expect(safeName('Übersicht Zutritt 2026.pdf')).toEqual({ name: 'Übersicht Zutritt 2026.pdf', renamed: null });
  });

  it('never splits a character when shortening, and keeps the extension', () => {
    const { name } = safeName(`${'😀'.repeat(100)}.pdf`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name).toMatch(/^(😀)+\.pdf$/u);
    expect(safeName('x'.repeat(300)).name).toHaveLength(255);
  });

  it('drops trailing dots and spaces Windows would drop', () => {
    expect(safeName('  report.pdf. ').name).toBe('report.pdf');
  });
});
