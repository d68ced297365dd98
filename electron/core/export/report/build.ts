import { availableParallelism } from 'node:os';
import { Document, Packer, type Paragraph } from 'docx';
import { pageFooter, pageHeader, styleSet } from './docx-kit';
import type { ReportModel } from './model';
import { photoParagraphs, preparePhoto, throwIfAborted, type PreparedPhoto } from './photos';
import { approach, auditDetails, cover, type Ctx } from './sections-front';
import { findings, previousFindings, results } from './sections-body';
import { closing, conclusions, photosSection, recommendation, signOff } from './sections-end';
import { reportStrings } from './strings';
import { xmlSafeDeep } from './xml-safe';
import type { ReportStrings } from './strings-en';

export interface BuildHooks {
  onProgress?(done: number, total: number, stage: string): void;
  signal?: AbortSignal;
}

/** Photos prepared at once: the cores, up to 4 (sharp's default thread pool). */
const PHOTO_CONCURRENCY = Math.min(4, Math.max(1, availableParallelism()));

/** A4 portrait, 2 cm margins (twips). */
export const A4 = { width: 11906, height: 16838, margin: 1134 };

/**
 * Photos a few at a time, one per core (decoded, shrunk, re-encoded; each
 * decode is single threaded), kept in order;
 * memory holds at most that many full-size pictures. A missing or broken file
 * becomes a placeholder and a warning, never a failed report.
 */
export async function embedPhotos(
  m: ReportModel,
  s: ReportStrings,
  hooks: BuildHooks,
): Promise<{ paragraphs: Paragraph[]; warnings: string[] }> {
  const total = m.photos.length;
  const prepared: PreparedPhoto[] = new Array<PreparedPhoto>(total);
  let next = 0;
  let done = 0;
  const work = async () => {
    while (next < total) {
      throwIfAborted(hooks.signal);
      const i = next++;
      prepared[i] = await preparePhoto(m.photos[i]!.path);
      throwIfAborted(hooks.signal);
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

/** The audit report as a DOCX file. Runs in the export worker: no database, only the model and photo files. */
export async function buildReportDocx(
  input: ReportModel,
  hooks: BuildHooks = {},
): Promise<{ docx: Buffer; warnings: string[] }> {
  const model = xmlSafeDeep(input);
  const s = reportStrings(model.language);
  const ctx: Ctx = { m: model, s, primary: model.body.primaryColour };
  const photos = await embedPhotos(model, s, hooks);
  hooks.onProgress?.(0, 1, s.progress.writing);
  const doc = new Document({
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
          ...photosSection(ctx, photos.paragraphs),
          ...conclusions(ctx),
          ...recommendation(ctx),
          ...closing(ctx),
          ...signOff(ctx),
        ],
      },
    ],
  });
  throwIfAborted(hooks.signal);
  const docx = await Packer.toBuffer(doc);
  hooks.onProgress?.(1, 1, s.progress.writing);
  return { docx, warnings: photos.warnings };
}

export const marginAll = (twips: number) => ({
  top: twips,
  bottom: twips,
  left: twips,
  right: twips,
  header: 567,
  footer: 567,
});
