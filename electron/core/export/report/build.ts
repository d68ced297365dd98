import { availableParallelism } from 'node:os';
import { Document, type Paragraph } from 'docx';
import type { Signer } from '../../signing/package-sign';
import { documentParts, finishDocx, writePhoto, type WrittenMedia } from './docx-package';
import { pageFooter, pageHeader, styleSet } from './docx-kit';
import type { ReportModel } from './model';
import { ZipFileWriter } from './zip-writer';
import { photoParagraphs, preparePhoto, throwIfAborted, type PlacedPhoto } from './photos';
import { approach, auditDetails, cover, type Ctx } from './sections-front';
import { findings, previousFindings, results } from './sections-body';
import { closing, conclusions, photosSection, recommendation, signOff } from './sections-end';
import { reportStrings } from './strings';
import { xmlSafeDeep } from './xml-safe';
import type { ReportStrings } from './strings-en';

export interface BuildHooks {
  onProgress?(done: number, total: number, stage: string): void;
  signal?: AbortSignal;
  /** Sign the package (ECMA-376 Part 2) before its last parts are written. */
  signer?: Signer | null;
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
 * photos to the ZIP as it goes and returns the document; the rest follows,
 * signed when asked. A failure removes the unfinished file.
 */
export async function writeDocx(
  path: string,
  hooks: BuildHooks,
  build: (zip: ZipFileWriter, media: WrittenMedia) => Promise<{ doc: Document; warnings: string[] }>,
): Promise<WrittenDocx> {
  const zip = await ZipFileWriter.create(path);
  try {
    const media: WrittenMedia = new Map();
    const { doc, warnings } = await build(zip, media);
    throwIfAborted(hooks.signal);
    const parts = await documentParts(doc, media);
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

/** A4 portrait, 2 cm margins (twips). */
export const A4 = { width: 11906, height: 16838, margin: 1134 };

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
): Promise<{ paragraphs: Paragraph[]; warnings: string[] }> {
  const total = m.photos.length;
  const prepared: PlacedPhoto[] = new Array<PlacedPhoto>(total);
  let next = 0;
  let done = 0;
  const work = async () => {
    while (next < total) {
      throwIfAborted(hooks.signal);
      const i = next++;
      const photo = await preparePhoto(m.photos[i]!.path);
      throwIfAborted(hooks.signal);
      if (photo.ok) {
        await writePhoto(zip, media, i + 1, photo.jpeg);
        prepared[i] = { ok: true, width: photo.width, height: photo.height };
      } else prepared[i] = photo;
      done += 1;
      hooks.onProgress?.(done, total, s.photos.progress(done, total));
    }
  };
  throwIfAborted(hooks.signal);
  hooks.onProgress?.(0, total, s.photos.progress(0, total));
  await Promise.all(Array.from({ length: Math.min(PHOTO_CONCURRENCY, total) }, work));

  const paragraphs: Paragraph[] = [];
  const warnings: string[] = [];
  for (const [i, photo] of m.photos.entries()) {
    const p = prepared[i]!;
    if (!p.ok) {
      const name = photo.fileName;
      warnings.push(
        p.reason === 'missing' ? s.photos.warnMissing(name, photo.ref) : s.photos.warnUnreadable(name, photo.ref),
      );
    }
    paragraphs.push(...photoParagraphs(photo, i + 1, p, s));
  }
  return { paragraphs, warnings };
}

/**
 * The audit report as a DOCX file written to `path`. Runs in the export
 * worker: no database, only the model and photo files.
 */
export async function writeReportDocx(input: ReportModel, path: string, hooks: BuildHooks = {}): Promise<WrittenDocx> {
  const model = xmlSafeDeep(input);
  const s = reportStrings(model.language);
  const ctx: Ctx = { m: model, s, primary: model.body.primaryColour };
  const written = await writeDocx(path, hooks, async (zip, media) => {
    const photos = await embedPhotos(model, s, zip, media, hooks);
    hooks.onProgress?.(0, 1, s.progress.writing);
    return { doc: reportDocument(ctx, photos.paragraphs), warnings: photos.warnings };
  });
  hooks.onProgress?.(1, 1, s.progress.writing);
  return written;
}

function reportDocument(ctx: Ctx, photoParagraphs: Paragraph[]): Document {
  const { m: model, s } = ctx;
  return new Document({
    creator: model.signOff?.signerName ?? 'Fieldwork',
    title: `${s.cover.title} ${model.reportNumber}`,
    description: `${model.client.name} · ${s.labels.auditType[model.audit.type]}`,
    styles: styleSet(model.body.primaryColour, model.body.accentColour),
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: marginAll(A4.margin) } },
        headers: { default: pageHeader(s.header(model.body.name, model.reportNumber, model.version)) },
        footers: { default: pageFooter(s) },
        children: [
          ...cover(ctx),
          ...auditDetails(ctx),
          ...approach(ctx),
          ...results(ctx),
          ...findings(ctx),
          ...previousFindings(ctx),
          ...photosSection(ctx, photoParagraphs),
          ...conclusions(ctx),
          ...recommendation(ctx),
          ...closing(ctx),
          ...signOff(ctx),
        ],
      },
    ],
  });
}

export const marginAll = (twips: number) => ({
  top: twips,
  bottom: twips,
  left: twips,
  right: twips,
  header: 567,
  footer: 567,
});
