import { availableParallelism } from 'node:os';
import type { Signer } from '../../signing/package-sign';
import { compileDocument, finishDocx, linkPhotos, writePhoto, type WrittenMedia } from './docx-package';
import { reportDocument } from './document';
import type { ReportModel } from './model';
import { ZipFileWriter } from './zip-writer';
import { expectPhoto, photoParagraphs, preparePhoto, samePlacement, throwIfAborted, type PlacedPhoto } from './photos';
import type { Ctx } from './sections-front';
import { reportStrings, stringsForModel } from './strings';
import { xmlSafeDeep } from './xml-safe';
import type { ReportStrings } from './strings-en';

export { A4, marginAll } from './document';

export interface BuildHooks {
  onProgress?(done: number, total: number, stage: string): void;
  signal?: AbortSignal;
  /** Sign the package (ECMA-376 Part 2) before its last parts are written. */
  signer?: Signer | null;
  /**
   * Builds a report's parts (`reportParts`): here by default. The export
   * worker builds them in a thread of their own, which ends when they are
   * built and so returns docx's working memory (about 100 MB for 200 photos)
   * before the photos are shrunk, rather than adding to theirs.
   */
  reportParts?: (model: ReportModel, placed: PlacedPhoto[]) => Promise<Map<string, Buffer>>;
  /** An encrypted data folder's file key (export/jobs.ts): the file is written sealed, never as plaintext. */
  sealWith?: Uint8Array | null;
}

/** A written document: the file's size and SHA-256 (hex), and what the reader should know. */
export interface WrittenDocx {
  size: number;
  sha256: string;
  warnings: string[];
}

/** The progress stage while the package is signed (export/jobs.ts shows it near the end). */
export const SIGNING_STAGE = 'Signing';

/**
 * Writes a document to `path` (created; must not exist): `build` adds its
 * photos to the ZIP as it goes and returns the document's other parts
 * (`compileDocument`); the rest follows, signed when asked. A failure removes
 * the unfinished file.
 */
export async function writeDocx(
  path: string,
  hooks: BuildHooks,
  build: (zip: ZipFileWriter, media: WrittenMedia) => Promise<{ parts: Map<string, Buffer>; warnings: string[] }>,
): Promise<WrittenDocx> {
  const zip = await ZipFileWriter.create(path, hooks.sealWith ? { key: Buffer.from(hooks.sealWith) } : null);
  try {
    const media: WrittenMedia = new Map();
    const { parts, warnings } = await build(zip, media);
    throwIfAborted(hooks.signal);
    linkPhotos(parts, media);
    const written = await finishDocx(zip, parts, media, hooks.signer ?? null, () =>
      hooks.onProgress?.(0, 1, SIGNING_STAGE),
    );
    return { ...written, warnings };
  } catch (e) {
    await zip.discard();
    throw e;
  }
}

/** Photos prepared at once: the cores, up to 4 (sharp's default thread pool). */
const PHOTO_CONCURRENCY = Math.min(4, Math.max(1, availableParallelism()));

/** Runs `task(i)` for 0 ≤ i < total, `limit` at a time, in order of i. */
async function eachLimited(total: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const work = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, total) }, work));
}

/** Where each photo is expected to go, from the files' headers (fast: nothing is decoded). */
async function expectPhotos(m: ReportModel): Promise<PlacedPhoto[]> {
  const expected = new Array<PlacedPhoto>(m.photos.length);
  await eachLimited(m.photos.length, PHOTO_CONCURRENCY, async (i) => {
    expected[i] = await expectPhoto(m.photos[i]!.path, m.photos[i]!.fileKey);
  });
  return expected;
}

/**
 * Photos a few at a time, one per core (decoded, shrunk, re-encoded; each
 * decode is single threaded), each written into the package as soon as it is
 * ready: memory holds at most that many pictures. A missing or broken file
 * becomes a placeholder and a warning, never a failed report.
 */
export async function embedPhotos(
  m: ReportModel,
  s: ReportStrings,
  zip: ZipFileWriter,
  media: WrittenMedia,
  hooks: BuildHooks,
): Promise<{ placed: PlacedPhoto[]; warnings: string[] }> {
  const total = m.photos.length;
  const placed: PlacedPhoto[] = new Array<PlacedPhoto>(total);
  let done = 0;
  throwIfAborted(hooks.signal);
  hooks.onProgress?.(0, total, s.photos.progress(0, total));
  await eachLimited(total, PHOTO_CONCURRENCY, async (i) => {
    throwIfAborted(hooks.signal);
    const photo = await preparePhoto(m.photos[i]!.path, m.photos[i]!.fileKey);
    throwIfAborted(hooks.signal);
    if (photo.ok) {
      await writePhoto(zip, media, i + 1, photo.jpeg);
      placed[i] = { ok: true, width: photo.width, height: photo.height };
    } else placed[i] = photo;
    done += 1;
    hooks.onProgress?.(done, total, s.photos.progress(done, total));
  });

  const warnings: string[] = [];
  for (const [i, photo] of m.photos.entries()) {
    const p = placed[i]!;
    if (p.ok) continue;
    const name = photo.fileName;
    warnings.push(
      p.reason === 'missing' ? s.photos.warnMissing(name, photo.ref) : s.photos.warnUnreadable(name, photo.ref),
    );
  }
  return { placed, warnings };
}

/**
 * The report's parts other than its photos (`compileDocument`), with photo N
 * placed as `placed[N-1]` says. `model` has been through xmlSafeDeep.
 */
export function reportParts(model: ReportModel, placed: readonly PlacedPhoto[]): Map<string, Buffer> {
  const s = stringsForModel(model);
  const ctx: Ctx = { m: model, s, primary: model.body.primaryColour };
  const paragraphs = model.photos.flatMap((photo, i) => photoParagraphs(photo, i + 1, placed[i]!, s));
  return compileDocument(reportDocument(ctx, paragraphs));
}

/**
 * The audit report as a DOCX file written to `path`. Runs in the export
 * worker: no database, only the model and photo files. The XML is built
 * first, from where the photos are expected to go (their headers), so docx's
 * memory is given back before the photos are shrunk (`BuildHooks.reportParts`);
 * should a photo end up otherwise (a file that changed or fails to decode),
 * the XML is built again from what happened, so the document is always the
 * one the shrunk photos give.
 */
export async function writeReportDocx(input: ReportModel, path: string, hooks: BuildHooks = {}): Promise<WrittenDocx> {
  const model = xmlSafeDeep(input);
  const s = reportStrings(model.language);
  const build = hooks.reportParts ?? ((m: ReportModel, p: PlacedPhoto[]) => Promise.resolve(reportParts(m, p)));
  const written = await writeDocx(path, hooks, async (zip, media) => {
    const expected = await expectPhotos(model);
    throwIfAborted(hooks.signal);
    const early = await build(model, expected);
    const photos = await embedPhotos(model, s, zip, media, hooks);
    const same = photos.placed.every((p, i) => samePlacement(p, expected[i]!));
    hooks.onProgress?.(0, 1, s.progress.writing);
    return { parts: same ? early : await build(model, photos.placed), warnings: photos.warnings };
  });
  hooks.onProgress?.(1, 1, s.progress.writing);
  return written;
}
