import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: '#1f4e79' } })
    .png()
    .toBuffer();

describe('certification body settings', () => {
  let t: ReturnType<typeof tempBackend>;
  beforeEach(() => {
    t = tempBackend();
  });
  afterEach(() => t.cleanup());

  it('shows defaults until saved, then what was saved', async () => {
    const before = value(await t.backend.call('branding.get', {}));
    expect(before).toMatchObject({
      name: '',
      reportNumberPattern: '{client}-{year}-{seq}',
      logo: null,
      updatedAt: null,
    });
    const saved = value(
      await t.backend.call('branding.update', {
        name: ' Nordic Certification AB ',
        address: 'Box 1, Stockholm',
        primaryColour: '#123456',
        reportNumberPattern: 'NC-{year}-{seq}',
      }),
    );
    expect(saved).toMatchObject({ name: 'Nordic Certification AB', primaryColour: '#123456', language: 'en' });
    expect(value(await t.backend.call('branding.get', {}))).toEqual(saved);
  });

  it('stores a logo re-encoded as PNG no larger than 1200 px, and removes it', async () => {
    const jpeg = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#c55a11' } })
      .jpeg()
      .toBuffer();
    const body = value(
      await t.backend.call('branding.setImage', {
        kind: 'logo',
        dataBase64: jpeg.toString('base64'),
        fileName: 'l.jpg',
      }),
    );
    expect(body.logo).toMatchObject({ width: 1200, height: 400 });
    const image = value(await t.backend.call('branding.image', { kind: 'logo' }))!;
    const meta = await sharp(Buffer.from(image.dataBase64, 'base64')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 400]);
    expect(value(await t.backend.call('branding.removeImage', { kind: 'logo' })).logo).toBeNull();
    expect(value(await t.backend.call('branding.image', { kind: 'logo' }))).toBeNull();
  });

  it('refuses a file that is not an image, a 40 MB logo, junk base64 and a bad pattern, changing nothing', async () => {
    value(
      await t.backend.call('branding.setImage', {
        kind: 'accreditation_mark',
        dataBase64: (await png(40, 20)).toString('base64'),
      }),
    );
    const before = dumpDatabase(t.backend.db);
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF\n');
    const cases: [unknown, string, RegExp][] = [
      [
        { kind: 'logo', dataBase64: pdf.toString('base64') },
        'invalid_input',
        /not an image Fieldwork can use \(it is PDF\)/,
      ],
      [
        { kind: 'logo', dataBase64: Buffer.from('just some words').toString('base64') },
        'invalid_input',
        /not an image/,
      ],
      [
        { kind: 'logo', dataBase64: 'A'.repeat(Math.ceil((40 * 1024 * 1024) / 3) * 4) },
        'invalid_input',
        /too large.*2 MB/,
      ],
      [{ kind: 'logo', dataBase64: 'not base64 at all!' }, 'invalid_input', /did not arrive intact/],
      // A PNG header on a damaged body: sniffed as PNG, refused when decoded.
      [
        { kind: 'logo', dataBase64: (await png(10, 10)).subarray(0, 60).toString('base64') },
        'invalid_input',
        /could not be read/,
      ],
      [{ kind: 'banner', dataBase64: 'AAAA' }, 'invalid_input', /Unknown image kind/],
    ];
    for (const [input, code, message] of cases) {
      const r = await t.backend.dispatch('branding.setImage', input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.message).toMatch(message);
      }
    }
    const bad = await t.backend.dispatch('branding.update', { name: 'CB', reportNumberPattern: '{year}-{client}' });
    expect(!bad.ok && bad.error.message).toMatch(/needs \{seq\}/);
    const unknownToken = await t.backend.dispatch('branding.update', {
      name: 'CB',
      reportNumberPattern: '{seq}-{month}',
    });
    expect(!unknownToken.ok && unknownToken.error.message).toMatch(/Use only these placeholders/);
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });
});
