/**
 * The report's XML is built from where the photos are expected to go (their
 * file headers) before they are shrunk; the document must still be the one the
 * shrunk photos give. Two photos whose headers mislead: one whose shrunk size
 * puts it a pixel off the size its header suggests, and one whose header reads
 * but whose pixels do not.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportDocx } from '#core/export/report/build';
import type { ReportModel, ReportPhoto } from '#core/export/report/model';
import { allText, readDocx } from '../../helpers/docx';
import { reportWorld, SIGN_OFF, type ReportWorld } from './world';

/** EMU per CSS pixel (96 dpi), as Word measures drawings. */
const EMU_PER_PX = 9525;

let w: ReportWorld;
let out: string;
let base: ReportModel;

/** A grey JPEG of the given size with some texture, written to the test folder. */
async function photoFile(name: string, width: number, height: number): Promise<string> {
  const path = join(out, 'photos', name);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#8a8"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#225"/></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toFile(path);
  return path;
}

const photo = (path: string, ref: string, caption: string): ReportPhoto => ({
  ...base.photos[0]!,
  path,
  ref,
  caption,
  fileName: path.split('/').pop()!,
});

/** Each drawing of document.xml: its name (the photo's reference), its size in EMU and the part it shows. */
async function drawings(file: string): Promise<{ name: string; cx: number; cy: number; part: Buffer }[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const targets = new Map([...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const found = [];
  for (const [inline] of xml.matchAll(/<wp:inline[\s\S]*?<\/wp:inline>/g)) {
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(inline)!;
    const name = /<wp:docPr [^>]*name="([^"]*)"/.exec(inline)![1]!;
    const embed = /r:embed="([^"]+)"/.exec(inline)![1]!;
    const part = await zip.file(`word/${targets.get(embed)!}`)!.async('nodebuffer');
    found.push({ name, cx: Number(extent[1]), cy: Number(extent[2]), part });
  }
  return found;
}

beforeAll(async () => {
  w = await reportWorld();
  out = mkdtempSync(join(tmpdir(), 'fieldwork-report-placement-'));
  mkdirSync(join(out, 'photos'));
  base = w.collect(SIGN_OFF);
}, 60_000);

afterAll(() => {
  w.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('photos placed as shrinking them gave, whatever their headers said', { timeout: 120_000 }, () => {
  it('sizes a photo from its shrunk pixels, not from its header', async () => {
    // 1601×1002 shrinks to 1600×1001: 640×400 on the page, where 1601×1002 would give 640×401.
    const odd = await photoFile('odd.jpg', 1601, 1002);
    const model = { ...base, photos: [...base.photos, photo(odd, 'E-0dd0dd00', 'Odd size')] };
    const file = join(out, 'odd.docx');
    const written = await writeReportDocx(model, file);
    expect(written.warnings).toEqual([]);
    const shown = (await drawings(file)).find((d) => d.name === 'E-0dd0dd00')!;
    const { width, height } = await sharp(shown.part).metadata();
    expect([width, height]).toEqual([1600, 1001]);
    // The page's rule (640 px wide, or less so that a tall photo fits 780 px), applied to the embedded pixels.
    const scale = Math.min(640 / width, 780 / height);
    expect([shown.cx, shown.cy]).toEqual([
      Math.round(width * scale) * EMU_PER_PX,
      Math.round(height * scale) * EMU_PER_PX,
    ]);
    expect(readDocx(file).inlineImages).toBe(model.photos.length + 1); // + the logo
  });

  it('shows a placeholder and warns for a photo whose header reads but whose pixels do not', async () => {
    const whole = readFileSync(await photoFile('whole.jpg', 1200, 900));
    const cut = join(out, 'photos', 'cut.jpg');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    expect((await sharp(cut).metadata()).width).toBe(1200); // the header is intact
    const model = { ...base, photos: [...base.photos, photo(cut, 'E-c0ffee00', 'Cut short')] };
    const file = join(out, 'cut.docx');
    const written = await writeReportDocx(model, file);
    expect(written.warnings).toEqual(['Evidence file could not be read as an image: cut.jpg (E-c0ffee00)']);
    const read = readDocx(file);
    expect(read.inlineImages).toBe(base.photos.length + 1); // the others and the logo
    expect(allText(read)).toContain('The file of this photograph could not be read as an image.');
    expect((await drawings(file)).map((d) => d.name)).not.toContain('E-c0ffee00');
  });
});
